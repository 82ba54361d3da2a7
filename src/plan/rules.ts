import type { Finding, Severity } from './findings';

/**
 * Every check the plan makes, by id: how serious it is and what it tells the clerk. The id is
 * what `check --json` reports and what tests and scripts filter on, so ids never change meaning;
 * the wording can change here, in one place.
 */
function rule<P>(severity: Severity, say: (p: P) => string) {
  return { severity, say };
}

/** A value cell of an indicator: the indicator's name, which value (`2023年度の値`, `目標値`) and what was written. */
interface ValueAt {
  name: string;
  what: string;
  raw: string;
}

export const RULES = {
  // Reading the tables (recognize).
  'policy-heading-missing': rule(
    'warning',
    (p: { how: string; number: number }) =>
      `基本指標の表の前に「基本施策○」の見出しがないため、${p.how}から基本施策${p.number}の表と判断しました。見出しを入れてください。`,
  ),
  'duplicate-table': rule(
    'error',
    (p: { what: string }) => `${p.what}の表が2つあります。2つ目の表は読み取りませんでした。どちらか一方にまとめてください。`,
  ),
  'unplaced-header': rule('warning', (p: { label: string; yearMissing: boolean }) =>
    p.yearMissing
      ? `列見出し「${p.label}」に年度がないため、どの年度の実績か判断できません。見出しの下の行に「2023年度」のように年度を入れてください。`
      : `列見出し「${p.label}」がどの項目か判断できないため、この列は読み取りませんでした。`,
  ),
  'year-column-missing': rule('error', (p: { year: number }) => `この表には${p.year}年度の実績値の列がありません。`),
  'column-not-read': rule('error', (p: { reason: string }) => `この列は読み取れませんでした: ${p.reason}`),
  'row-not-read': rule('error', (p: { reason: string }) => `この行は読み取れませんでした: ${p.reason}`),
  'hidden-row': rule(
    'warning',
    (p: { row: number; name: string }) => `非表示の行 ${p.row}（${p.name}）は値がないため、指標として数えていません。`,
  ),
  'hidden-indicator': rule(
    'warning',
    (p: { row: number; name: string }) =>
      `行 ${p.row}${p.name ? `（${p.name}）` : ''}は非表示ですが値があるため、指標として読み取りました。表示して確認してください。`,
  ),
  'names-joined': rule(
    'warning',
    (p: { above: string; below: string; joined: string }) =>
      `「${p.below}」には値がないため、上の行の指標名「${p.above}」の続きとして「${p.joined}」と読みました。別の指標なら、値か担当所属を入力してください。`,
  ),
  'unread-label': rule('warning', (p: { name: string }) => `表の中の行「${p.name}」には値がないため、指標としては読み取りませんでした。`),
  'progress-column-missing': rule(
    'warning',
    (p: { cell: string }) =>
      `この表には「進捗状況」の列がないため、進捗状況を書き出すときは ${p.cell} に「進捗状況」の列を加えて矢印を書きます。`,
  ),
  'progress-column-protected': rule(
    'warning',
    (p: { sheet: string }) =>
      `シート「${p.sheet}」の表には「進捗状況」の列がなく、シートが保護されているため列を加えられません。この表の進捗状況は書き込みません。保護を解除するか、目標値の右に「進捗状況」の列を作ってください。`,
  ),
  'stray-later-value': rule(
    'warning',
    (p: { name: string; year: number; raw: string; inferred: number }) =>
      `${p.name}に${p.year}年度の値「${p.raw}」がありますが、ほとんどの指標は${p.inferred}年度までのため、${p.inferred}年度の報告として扱いました。入力する列が正しいか確認してください（${p.year}年度の報告なら --year ${p.year} を指定してください）。`,
  ),
  'progress-formula': rule(
    'warning',
    (p: { name: string; formula: string }) =>
      `${p.name}の進捗状況のセルには数式（=${p.formula}）があります。矢印は書き込まず数式を残します。上書きする場合は --overwrite-formulas を指定してください。`,
  ),
  // Values of an indicator.
  'formula-not-computed': rule(
    'error',
    (p: { name: string; what: string; raw: string; why: string }) => `${p.name}の${p.what}（${p.raw}）は${p.why}。`,
  ),
  'value-note': rule(
    'warning',
    (p: { name: string; what: string; raw: string; value: string; note: string }) =>
      `${p.name}の${p.what}「${p.raw}」は数値 ${p.value} として読み、「${p.note}」は注記として残しました。`,
  ),
  'formula-error': rule(
    'error',
    (p: ValueAt) => `${p.name}の${p.what}に数式のエラー ${p.raw} が出ています。参照先や数式を確認してください。`,
  ),
  'not-a-number': rule(
    'error',
    (p: ValueAt) => `${p.name}の${p.what}「${p.raw}」を数値として読めません。数値と単位（例: 1,283人）で入力してください。`,
  ),
  'unit-mismatch': rule(
    'error',
    (p: { name: string; what: string; unit: string; expected: string }) =>
      `${p.name}の${p.what}の単位が「${p.unit}」になっています。この指標の単位は「${p.expected}」です。`,
  ),
  'percent-range': rule('error', (p: ValueAt) => `${p.name}の${p.what}「${p.raw}」は割合として0%～100%の範囲を外れています。`),
  negative: rule('error', (p: ValueAt) => `${p.name}の${p.what}「${p.raw}」が負の数になっています。件数・人数は0以上で入力してください。`),
  approximate: rule(
    'warning',
    (p: ValueAt) => `${p.name}の${p.what}「${p.raw}」は概数（約）です。確定値が分かれば確定値を入力してください。`,
  ),
  'target-missing': rule('warning', (p: { name: string; label: string }) => `${p.name}${p.label}の目標値が入力されていません。`),
  'actual-missing': rule(
    'error',
    (p: { name: string; label: string; year: number }) => `${p.name}${p.label}の${p.year}年度の実績値が入力されていません。`,
  ),
  'cumulative-decrease': rule(
    'error',
    (p: { name: string; year: number; now: string; prev: string }) =>
      `${p.name}は累計の指標ですが、${p.year}年度の値 ${p.now} が前年度までの ${p.prev} より減っています。`,
  ),
  jump: rule(
    'warning',
    (p: { name: string; label: string; year: number; now: string; prev: string; ratio: number }) =>
      `${p.name}${p.label}の${p.year}年度の値 ${p.now} は前回の ${p.prev} から大きく変わっています（${p.ratio}倍を超える増減）。入力誤りでないか確認してください。`,
  ),
  'reason-missing': rule(
    'warning',
    (p: { name: string }) => `${p.name}の実績値が入力されていますが、「施策の実施状況・実績の増減理由等」が空欄です。`,
  ),
  'duplicate-indicator': rule(
    'error',
    (p: { name: string; first: string }) => `指標「${p.name}」が2回あります（最初は ${p.first}）。重複している行を削除してください。`,
  ),
  'repeat-mismatch': rule(
    'warning',
    (p: { name: string; origin: string; what: string; raw: string; original: string }) =>
      `「${p.name}」は${p.origin}の再掲です。${p.what}「${p.raw}」が再掲元の「${p.original}」と違います。再掲元と同じ値にしてください。`,
  ),
  // A department's workbook.
  'department-manifest': rule('error', (p: { message: string }) => p.message),
  // 担当 cells.
  'department-missing': rule('error', (p: { what: string }) => `${p.what}の担当所属が空欄です。`),
  'unknown-department': rule(
    'error',
    (p: { what: string; text: string }) =>
      `${p.what}の担当「${p.text}」は登録されている所属名と一致しません。課の正式名称で入力してください。`,
  ),
  // The 実施計画 (projects).
  'duplicate-project': rule('error', (p: { no: number; first: string }) => `事業No.${p.no}が2回あります（最初は ${p.first}）。`),
  'achievement-missing': rule('error', (p: { name: string }) => `事業「${p.name}」の達成度が空欄です。1～4のいずれかを選んでください。`),
  'achievement-level': rule(
    'error',
    (p: { name: string; text: string }) =>
      `事業「${p.name}」の達成度「${p.text}」は1～4のいずれでもありません。「4 予定どおり実施した（75%以上）」のように選んでください。`,
  ),
  'sdgs-target': rule(
    'error',
    (p: { name: string; codes: string }) =>
      `事業「${p.name}」のSDGsターゲット「${p.codes}」は存在しません。「11.2」「3.a」のように、ゴール番号とターゲット番号で入力してください。`,
  ),
} as const;

export type RuleId = keyof typeof RULES;
export type RuleParams<R extends RuleId> = Parameters<(typeof RULES)[R]['say']>[0];

/** The finding of `rule` at one cell (`cell` is '' for a whole sheet), worded by the table above. */
export function finding<R extends RuleId>(rule: R, sheet: string, cell: string, params: RuleParams<R>): Finding {
  const { severity, say } = RULES[rule] as { severity: Severity; say: (p: RuleParams<R>) => string };
  return { severity, rule, sheet, cell, message: say(params), params: { ...params } };
}
