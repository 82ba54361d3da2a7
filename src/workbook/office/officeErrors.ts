import { WorkbookError } from '../gateway';

/**
 * How much of an apply() reached the workbook when it failed. Office batches are not
 * transactional: commands before the failing one in a sync stay applied.
 * - none: failed before any write was sent
 * - maybe: the first write sync failed (part of it may have been applied)
 * - partial: an earlier write sync had already succeeded
 */
export type WrittenState = 'none' | 'maybe' | 'partial';

export type OfficeAction = 'read' | 'apply' | 'select' | 'create' | 'watch' | 'chart';

/** A WorkbookError that also says how much of a write reached the workbook. */
export class OfficeWorkbookError extends WorkbookError {
  constructor(
    message: string,
    code: string,
    readonly written: WrittenState,
    file?: string,
    sheet?: string,
    cell?: string,
  ) {
    super(message, code, file, sheet, cell);
    this.name = 'OfficeWorkbookError';
  }
}

/** The shape of OfficeExtension.Error that matters here; duck-typed so tests need no Office runtime. */
export interface OfficeErrorLike {
  code: string;
  message?: string;
  debugInfo?: { errorLocation?: string; message?: string };
}

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as { name?: unknown; code?: unknown; debugInfo?: unknown };
  // Office reports itself as OfficeExtension.Error or RichApi.Error depending on the host.
  return (
    typeof o.code === 'string' && (o.name === 'OfficeExtension.Error' || o.name === 'RichApi.Error' || typeof o.debugInfo === 'object')
  );
}

const ACTION_TEXT: Record<OfficeAction, string> = {
  read: 'を読み込めませんでした',
  apply: 'に書き込めませんでした',
  select: 'のセルを選択できませんでした',
  create: 'から新しいブックを作成できませんでした',
  watch: 'の変更を監視できませんでした',
  chart: 'にグラフを作成できませんでした',
};

/** What a clerk can do about each Office error code. */
const REASONS: Record<string, string> = {
  InvalidArgument:
    'Excel が指定された内容を受け付けませんでした。シート名やセルの位置が変わっていないか確認し、作業ウィンドウで読み込み直してください。',
  ItemNotFound: 'シートまたはセルが見つかりません。シート名を変更・削除していないか確認し、作業ウィンドウで読み込み直してください。',
  AccessDenied:
    'シートが保護されているか、ブックが読み取り専用で開かれているため書き込めません。[校閲] > [シート保護の解除] を行うか、編集できる状態で開き直してください。',
  GeneralException: 'Excel の内部でエラーが発生しました。ブックを保存して Excel を再起動し、もう一度お試しください。',
  RequestPayloadSizeLimitExceeded:
    'データが大きすぎます。Excel が一度に受け取れる量を超えました。不要なシートや行を削除するか、デスクトップ版の Excel で開いてお試しください。',
  ResponsePayloadSizeLimitExceeded:
    'データが大きすぎます。シートの内容が一度に読み込める量を超えました。不要なシートや行を削除するか、デスクトップ版の Excel で開いてお試しください。',
  InsertDeleteConflict: '行や列の挿入・削除と書き込みがぶつかりました。行・列の操作を終えてから、もう一度お試しください。',
  ItemAlreadyExists: '同じ名前のシートがすでにあります。そのシートの名前を変えるか削除してから、もう一度お試しください。',
  Unauthenticated: 'サインインの有効期限が切れています。Excel に組織のアカウントでサインインし直してから、もう一度お試しください。',
  ApiNotFound: 'この Excel では必要な機能（ExcelApi 1.13 以降）が使えません。Microsoft 365 の Excel を最新の状態に更新してください。',
  ApiNotAvailable: 'この Excel では必要な機能（ExcelApi 1.13 以降）が使えません。Microsoft 365 の Excel を最新の状態に更新してください。',
  InvalidOperationInCellEditMode:
    'セルの編集中は Excel が作業ウィンドウからの操作を受け付けません。Enter キーか Esc キーでセルの編集を終えてから、もう一度お試しください。',
  Conflict:
    'ほかの人の編集とぶつかりました（共同編集中）。ほかの人の変更が反映されるまで少し待ち、作業ウィンドウで読み込み直してから、もう一度お試しください。',
  ConnectionFailure:
    'Excel との接続が切れました。ネットワークにつながっているか確認し、ブックが開き直されたら作業ウィンドウで読み込み直してから、もう一度お試しください。',
  ActivityLimitReached: 'Excel への要求が多すぎます。少し待ってから、もう一度お試しください。',
  RequestAborted: 'Excel との通信が中断されました。もう一度お試しください。',
  ServiceNotAvailable: 'Excel のサービスに接続できません。ネットワークを確認し、少し待ってからもう一度お試しください。',
  Timeout: 'Excel の応答がありませんでした。もう一度お試しください。',
  MemoryLimitReached: 'Excel のメモリーが不足しました。ほかのブックを閉じてから、もう一度お試しください。',
  UnsupportedSheet: 'グラフシートやマクロシートは扱えません。通常のワークシートで作業してください。',
  FilteredRangeConflict: 'フィルターがかかった範囲には書き込めません。[データ] > [クリア] でフィルターを解除してください。',
  NotImplemented: 'この Excel では使えない機能です。Microsoft 365 の Excel を最新の状態に更新してください。',
  UnsupportedOperation: 'この Excel では使えない操作です。Microsoft 365 の Excel を最新の状態に更新してください。',
  InvalidOperation: 'Excel がこの操作を受け付けませんでした。開いているダイアログを閉じてから、もう一度お試しください。',
};

const WRITTEN_TEXT: Record<WrittenState, string> = {
  none: 'ブックは変更されていません。',
  maybe:
    '書き込みの途中で止まったため、一部のセルだけが変更されている可能性があります。保存する前に内容を確認するか、保存せずに閉じて開き直してください。',
  partial: '変更の一部はすでに書き込まれています。保存する前に内容を確認するか、保存せずに閉じて開き直してください。',
};

export interface ErrorContext {
  action: OfficeAction;
  label: string;
  written?: WrittenState;
  /** Sheet being worked on, when the failed step touched only one. */
  sheet?: string;
  cell?: string;
  /** Sheets unprotected for the write, named when the error points at protection. */
  protectedSheets?: string[];
  /** Appended when re-protecting sheets after the failure also failed. */
  note?: string;
}

/**
 * Turns whatever a batch threw into a WorkbookError whose message names the workbook, says what
 * to do, and (for writes) whether anything was written. Codes are kept for support.
 */
export function toWorkbookError(e: unknown, ctx: ErrorContext): OfficeWorkbookError {
  const written = ctx.written ?? 'none';
  const head = `「${ctx.label}」${ACTION_TEXT[ctx.action]}。`;
  const tail = ctx.action === 'apply' || ctx.action === 'chart' ? WRITTEN_TEXT[written] : '';
  const extra = ctx.note ? ctx.note : '';

  if (e instanceof WorkbookError) {
    const already = e instanceof OfficeWorkbookError ? e.written : written;
    const writtenText = ctx.action === 'apply' || ctx.action === 'chart' ? WRITTEN_TEXT[already] : '';
    const message = e.message.startsWith('「') ? e.message : `${head}${e.message}${writtenText}`;
    return new OfficeWorkbookError(message + extra, e.code, already, e.file ?? ctx.label, e.sheet ?? ctx.sheet, e.cell ?? ctx.cell);
  }

  if (!isOfficeError(e)) {
    const detail = e instanceof Error ? e.message : String(e);
    return new OfficeWorkbookError(
      `${head}予期しないエラーが発生しました（${detail}）。作業ウィンドウを閉じて開き直し、もう一度お試しください。${tail}${extra}`,
      'Unexpected',
      written,
      ctx.label,
      ctx.sheet,
      ctx.cell,
    );
  }

  const location = e.debugInfo?.errorLocation ?? '';
  let reason = REASONS[e.code] ?? `Excel でエラーが発生しました（${e.message ?? e.code}）。もう一度お試しください。`;
  const protectionFailed = (e.code === 'AccessDenied' || e.code === 'InvalidArgument') && /protect/i.test(location);
  if (protectionFailed && ctx.protectedSheets?.length) {
    reason = `保護されたシート（${ctx.protectedSheets.map((s) => `「${s}」`).join('、')}）の保護を解除できませんでした。パスワード付きで保護されている場合は、[校閲] > [シート保護の解除] で解除してから、もう一度お試しください。`;
  }
  const where = ctx.sheet ? `（シート「${ctx.sheet}」${ctx.cell ? ` ${ctx.cell}` : ''}）` : '';
  const code = `［エラーコード: ${e.code}${location ? ` / ${location}` : ''}］`;
  return new OfficeWorkbookError(`${head}${reason}${where}${tail}${extra}${code}`, e.code, written, ctx.label, ctx.sheet, ctx.cell);
}
