import { WorkbookError } from '../gateway';

/**
 * Every message a person may see from the file adapter, in one place so the wording
 * (and the fix it suggests) stays consistent between the CLI and the add-in.
 */

const SAVE_AS_XLSX = 'Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してから指定してください。';

function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : (Math.round(mb * 10) / 10).toFixed(1);
}

export function emptyFile(file: string): WorkbookError {
  return new WorkbookError(`${file} は空のファイルです (0 バイト)。正しいファイルを指定してください。`, 'empty-file', file);
}

export function notXlsx(file: string, looksLikeText: boolean): WorkbookError {
  const hint = looksLikeText ? '中身はテキスト (CSV など) のようです。' : '';
  return new WorkbookError(`${file} は .xlsx 形式ではありません。${hint}${SAVE_AS_XLSX}`, 'not-xlsx', file);
}

export function legacyXls(file: string): WorkbookError {
  return new WorkbookError(`${file} は古い Excel 97-2003 形式 (.xls) のファイルのため読み込めません。${SAVE_AS_XLSX}`, 'legacy-xls', file);
}

export function binaryXlsb(file: string): WorkbookError {
  return new WorkbookError(`${file} は Excel バイナリ ブック (.xlsb) 形式のため読み込めません。${SAVE_AS_XLSX}`, 'xlsb', file);
}

export function encrypted(file: string): WorkbookError {
  return new WorkbookError(
    `${file} はパスワードで保護 (暗号化) されているため読み込めません。` +
      'Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを削除して保存し直してから指定してください。',
    'encrypted',
    file,
  );
}

export function corrupt(file: string, detail: string): WorkbookError {
  return new WorkbookError(
    `${file} は壊れているか、.xlsx として読み込めませんでした (${detail})。Excel で開けるか確認し、保存し直してから指定してください。`,
    'corrupt',
    file,
  );
}

export function tooLarge(file: string, bytes: number, limit: number): WorkbookError {
  return new WorkbookError(
    `${file} はファイルサイズが大きすぎます (${megabytes(bytes)} MB)。扱えるのは ${megabytes(limit)} MB までです。` +
      '不要なシートや画像を削除してから指定してください。',
    'too-large',
    file,
  );
}

export function tooManyCells(file: string, cells: number, limit: number): WorkbookError {
  return new WorkbookError(
    `${file} はセルの数が多すぎます (${groupDigits(cells)} 個以上)。扱えるのは ${groupDigits(limit)} 個までです。` +
      '不要なシートや、書式だけが設定された広い範囲を削除してから指定してください。',
    'too-many-cells',
    file,
  );
}

/** A part that inflates beyond the limit (declared or found while inflating): a zip bomb, or not a report. */
export function partTooLarge(file: string, part: string, limit: number, total = false): WorkbookError {
  return new WorkbookError(
    `${file} は展開すると大きすぎます（${total ? '全体' : `部品 ${part}`} が ${megabytes(limit)} MB を超えます）。` +
      '圧縮を悪用したファイルか、報告書ではないファイルです。Excel で開いて保存し直したものを指定してください。',
    'part-too-large',
    file,
  );
}

/** A cell far beyond any report's extent (a row number in the millions), refused before it is loaded. */
export function beyondExtent(file: string, part: string, cell: string, maxRow: number, maxCol: number): WorkbookError {
  return new WorkbookError(
    `${file} の ${part} にセル ${cell} があります。扱えるのは ${groupDigits(maxRow)} 行・${groupDigits(maxCol)} 列までです。` +
      '遠く離れたセルに入力や書式がないか確認し、削除してから指定してください。',
    'beyond-extent',
    file,
    undefined,
    cell,
  );
}

export function unsupportedParts(file: string, labels: string[]): WorkbookError {
  return new WorkbookError(
    `${file} には${labels.join('、')}が含まれています。このまま保存すると失われるため、書き込みを中止しました。` +
      '元のファイルは変更していません。これらを削除したコピーで実行するか、Excel アドイン版で実行してください。',
    'unsupported-parts',
    file,
  );
}

export function sheetMissing(file: string, sheet: string): WorkbookError {
  return new WorkbookError(`${file} にシート「${sheet}」がありません。`, 'sheet-missing', file, sheet);
}

export function invalidSheetName(file: string, sheet: string, why: string): WorkbookError {
  return new WorkbookError(`${file} にシート「${sheet}」を作れません: ${why}`, 'invalid-sheet-name', file, sheet);
}

export function invalidCell(file: string, sheet: string, cell: string, why: string): WorkbookError {
  return new WorkbookError(`${file} のシート「${sheet}」${cell} に書き込めません: ${why}`, 'invalid-edit', file, sheet, cell);
}

export function invalidRange(file: string, sheet: string, range: string, what: string): WorkbookError {
  return new WorkbookError(
    `${file} のシート「${sheet}」の${what}の範囲「${range}」が正しくありません。`,
    'invalid-range',
    file,
    sheet,
    range,
  );
}

export function applyFailed(file: string, detail: string): WorkbookError {
  return new WorkbookError(`${file} への書き込み中にエラーが発生しました (${detail})。`, 'apply-failed', file);
}

export function incompleteApply(file: string): WorkbookError {
  return new WorkbookError(
    `${file} への書き込みが途中で失敗したため、このブックは保存できません。元のファイルを開き直してやり直してください。`,
    'incomplete-apply',
    file,
  );
}

export function unsupportedTarget(target: string): WorkbookError {
  return new WorkbookError(
    `${target} には保存できません。保存先は .xlsx ファイルにしてください (テキストや .xls などには書き込みません)。`,
    'unsupported-target',
    target,
  );
}

export function notFound(file: string): WorkbookError {
  return new WorkbookError(`${file} が見つかりません。ファイル名と場所を確認してください。`, 'not-found', file);
}

export function notAFile(file: string): WorkbookError {
  return new WorkbookError(`${file} はファイルではありません (フォルダーなど)。`, 'not-a-file', file);
}

/** What a file-system error code means to the person who can fix it. */
export const FS_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'アクセスする権限がありません',
  EPERM: 'この操作は許可されていません',
  EROFS: '読み取り専用の場所です',
  ENOSPC: 'ディスクの空きがありません',
  ENAMETOOLONG: 'パスまたはファイル名が長すぎます',
  ENOENT: 'ファイルまたはフォルダーがありません',
  ENOTDIR: 'パスの途中がフォルダーではありません',
  EISDIR: 'フォルダーです',
  EEXIST: '同じ名前のものが既にあります',
  EMFILE: '開いているファイルが多すぎます',
  EBUSY: 'ほかのプログラムが使用中です',
};

function reason(code: string): string {
  return FS_REASONS[code] ? `${FS_REASONS[code]}: ${code}` : code;
}

export function readFailed(file: string, code: string): WorkbookError {
  return new WorkbookError(`${file} を読み込めませんでした (${reason(code)})。アクセス権を確認してください。`, 'read-failed', file);
}

export function saveFailed(target: string, code: string): WorkbookError {
  let hint = '';
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    hint = 'Excel などで開いている場合は閉じてから、もう一度実行してください。書き込み権限も確認してください。';
  } else if (code === 'ENOENT') {
    hint = '保存先のフォルダーがあるか確認してください。';
  } else if (code === 'ENOSPC') {
    hint = 'ディスクの空き容量を確認してください。';
  } else if (code === 'EROFS') {
    hint = '書き込める場所を -o で指定してください。';
  } else if (code === 'ENAMETOOLONG') {
    hint = '短い名前や浅いフォルダーを指定してください。';
  }
  return new WorkbookError(
    `${target} に保存できませんでした (${reason(code)})。元のファイルは変更していません。${hint}`,
    'save-failed',
    target,
  );
}

export function invalidValidation(file: string, sheet: string, range: string, why: string): WorkbookError {
  return new WorkbookError(
    `${file} のシート「${sheet}」の範囲「${range}」に入力規則を設定できません: ${why}`,
    'invalid-validation',
    file,
    sheet,
    range,
  );
}
