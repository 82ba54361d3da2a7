import type { FindingParam } from './findings';
import type { RuleId } from './rules';

/**
 * What the verdict and compile say that is not a finding of the plan's checks: the verdict's own
 * reasons, a submission's structure and values, compile's notes. Same shape as RULES (id → the
 * Japanese wording of its params) so a surface in another language words them again by id; the
 * Japanese stays the text the CLI prints and the files keep.
 */
function says<P>(say: (p: P) => string) {
  return say;
}

/** A value quoted from a cell: 「…」 (shortened), or 空欄. */
function quoted(v: string): string {
  return v === '' ? '空欄' : `「${v}」`;
}

export const MESSAGES = {
  // The verdict on a department workbook (verdict.ts).
  'verdict-unreadable': says((_: Record<string, never>) => '各課の記入用ファイルとして読めません。'),
  'verdict-rejected': says((p: { errors: number }) => `このままでは受け付けられません（エラー ${p.errors} 件）。`),
  'verdict-empty': says((_: Record<string, never>) => '未記入です（まだ何も記入されていません）。記入してから提出してください。'),
  'verdict-no-figure': says((_: Record<string, never>) => '未記入です（実績値が1つも入力されていません）。記入してから提出してください。'),
  'verdict-ok': says((_: Record<string, never>) => 'このまま提出できます。'),
  'manifest-problem': says((p: { message: string }) => p.message),
  'other-plan': says(
    (p: { plan: string; expected: string }) => `別の計画「${p.plan || '不明'}」のファイルです。${p.expected}のファイルを提出してください。`,
  ),
  'other-template': says(
    (p: { version: string; expected: string }) =>
      `テンプレートの版 (${p.version || '不明'}) が取りまとめ用ブックの版 (${p.expected}) と違います。今回配ったファイルに記入してください。`,
  ),
  'other-year': says(
    (p: { year: number; expected: number }) =>
      `${p.year}年度のファイルです。今回の取りまとめは${p.expected}年度です。${p.expected}年度のファイルに記入してください。`,
  ),
  'department-not-in-master': says(
    (p: { department: string }) =>
      `課「${p.department}」は取りまとめ用ブックに担当の行がありません。課名が違うか、別の取りまとめ用ブックから作ったファイルです。`,
  ),
  'forged-signature': says(
    (_: Record<string, never>) => '改ざんまたは別の課のファイルです（取りまとめ用ブックの鍵による署名が一致しません）。',
  ),
  'forged-contribution': says(
    (p: { department: string }) => `改ざんまたは別の課のファイルです（「${p.department}」の内訳の行が含まれています）。`,
  ),
  // The structure of a submitted workbook (compile/verify.ts).
  'row-inserted': says(
    (p: { row: number; now: number }) =>
      `${p.row}行目に行が挿入されています（元の${p.row}行目が${p.now}行目に移っています）。挿入した行を削除してください。`,
  ),
  'row-deleted': says((p: { row: number }) => `元の${p.row}行目が削除されています。配られたファイルに記入し直してください。`),
  'rows-deleted': says(
    (p: { row: number; last: number }) => `元の${p.row}行目～${p.last}行目が削除されています。配られたファイルに記入し直してください。`,
  ),
  'rows-deleted-to-end': says((p: { row: number }) => `元の${p.row}行目以降が削除されています。配られたファイルに記入し直してください。`),
  'locked-cell-changed': says(
    (p: { cell: string; now: string }) =>
      `セル ${p.cell} は変更できないセルですが、内容が変わっています（現在: ${quoted(p.now)}）。元に戻してください。`,
  ),
  'outside-range': says(
    (p: { cell: string; now: string }) =>
      `セル ${p.cell} は記入する範囲の外ですが、値が入っています（${quoted(p.now)}）。削除してください。`,
  ),
  'more-cells-changed': says((p: { count: number }) => `ほかに ${p.count} 個のセルが変更されています。`),
  'sheet-renamed': says(
    (p: { sheet: string; now: string }) =>
      `シート「${p.sheet}」の名前が「${p.now}」に変えられています。元の名前「${p.sheet}」に戻してください。`,
  ),
  'sheet-missing': says(
    (p: { sheet: string }) =>
      `シート「${p.sheet}」がありません（削除されたか、名前が変えられています）。配られたファイルに記入し直してください。`,
  ),
  'sheet-added': says((p: { sheet: string }) => `シート「${p.sheet}」が追加されています。追加したシートを削除してください。`),
  // The values of a submitted workbook (compile/values.ts).
  'cell-error-value': says(
    (p: { cell: string; error: string }) => `セル ${p.cell} にエラー値 ${p.error} が表示されています。値を入力し直してください。`,
  ),
  'dde-formula': says(
    (p: { cell: string; formula: string }) =>
      `セル ${p.cell} の数式「=${p.formula}」は DDE で外部のプログラムを呼び出すものです。このファイルは受け付けません。数式を削除し、値だけを入力してください。`,
  ),
  'formula-not-taken': says(
    (p: { cell: string; formula: string; value: string }) =>
      `セル ${p.cell} の数式「=${p.formula}」は取り込まず、表示されていた値 ${quoted(p.value)} を取り込みました。`,
  ),
  'text-too-long': says(
    (p: { cell: string; length: string }) =>
      `セル ${p.cell} の文字数 (${p.length} 文字) が Excel の上限 32,767 文字を超えています。短くしてください。`,
  ),
  'control-character': says(
    (p: { cell: string; code: string }) =>
      `セル ${p.cell} に制御文字 (${p.code}) が含まれています。見えない特殊な文字なので、削除して入力し直してください。`,
  ),
  // Compile (compile/*.ts).
  'file-problem': says((p: { message: string }) => p.message),
  'duplicate-department-files': says(
    (p: { department: string; count: number; files: string }) =>
      `${p.department}のファイルが ${p.count} 件あります（${p.files}）。どれも取り込んでいません。取り込むファイルを1つ選んで、取りまとめ直してください。`,
  ),
  'row-not-in-master': says((p: { key: string }) => `この行（${p.key}）は取りまとめ用ブックに見つからないため、取り込みませんでした。`),
  'row-owned-elsewhere': says(
    (p: { label: string; owner: string }) =>
      `この行（${p.label}）の担当は取りまとめ用ブックでは「${p.owner || '空欄'}」のため、取り込みませんでした。`,
  ),
  'contribution-of-other-department': says(
    (p: { department: string }) => `この内訳の行は「${p.department}」の行のため、取り込みませんでした。`,
  ),
  'contribution-not-shared': says(
    (_: Record<string, never>) => 'この内訳の指標は取りまとめ用ブックで複数の課の指標ではなくなっているため、取り込みませんでした。',
  ),
  'contribution-mismatch': says(
    (p: { label: string; year: number; typed: string; total: string }) =>
      `${p.label}の${p.year}年度の実績値 ${p.typed} は各課の内訳の合計 ${p.total} と違います。内訳の合計を実績値にしました。`,
  ),
  'signatures-unchecked': says(
    (_: Record<string, never>) =>
      '提出ファイルの署名を確かめていません（取りまとめ用ブックの鍵で照合する前のファイルがあります）。本物の提出かどうかは確認できていません。',
  ),
  'projects-rolled-over': says(
    (p: { master: string; from: number; to: number; cleared: number }) =>
      `${p.master} の実施計画を${p.from}年度から${p.to}年度に切り替え、${p.from}年度の取組状況・達成度 ${p.cleared} セルを空欄にしました。`,
  ),
  'master-note': says((p: { message: string }) => p.message),
} as const;

export type MessageId = keyof typeof MESSAGES;
export type MessageParams<M extends MessageId> = Parameters<(typeof MESSAGES)[M]>[0];

/**
 * A sentence by id and params, with its Japanese wording (`text`, what the CLI prints). `file`,
 * `sheet` and `cell` say where, when the sentence is about one file (compile's reasons);
 * `ask` when only the coordinator can act (`locked`: on a cell the clerk cannot change).
 */
export interface Said {
  rule: MessageId | RuleId;
  params: Readonly<Record<string, FindingParam>>;
  text: string;
  file?: string;
  sheet?: string;
  cell?: string;
  ask?: 'coordinator' | 'locked';
}

export function said<M extends MessageId>(id: M, params: MessageParams<M>): Said {
  const say = MESSAGES[id] as (p: MessageParams<M>) => string;
  return { rule: id, params: { ...params }, text: say(params) };
}
