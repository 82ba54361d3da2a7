/**
 * The two sheets called 協働指標の内訳, one in each kind of workbook, with different layouts.
 * Both are what staff know as "the 内訳", and masters already carry the ledger under this
 * name, so the name stays shared; each reader checks the layout it expects (see ledger.ts).
 *
 * Department workbook (split writes it, the 課 fills it): DEPARTMENT_CONTRIBUTION_SHEET
 *   row 1  協働指標の内訳（複数の課の実績を合計する指標） — heading
 *   row 2  what to fill in
 *   row 4  指標 | 取りまとめ課 | 事業名 | <year>年度の実績 | 単位 — DEPARTMENT_CONTRIBUTION_HEADER
 *   row 5… one row per contribution the 課 is given (row key `ctb:`); 事業名 and 実績 are its
 *          input cells (manifest fields contribName, contribValue).
 *
 * Master (compile writes it, the coordinator reads it): MASTER_CONTRIBUTION_SHEET, the contribution ledger
 *   row 1  年度 | 指標 | 提出した課 | 番号 | 事業名 | 実績 | 単位 | キー — CONTRIBUTION_LEDGER_HEADER
 *   row 2… one row per contribution received, any year.
 */
export const DEPARTMENT_CONTRIBUTION_SHEET = '協働指標の内訳';
export const DEPARTMENT_CONTRIBUTION_TITLE = '協働指標の内訳（複数の課の実績を合計する指標）';
export const DEPARTMENT_CONTRIBUTION_COLUMNS = { indicator: 0, coordinator: 1, name: 2, value: 3, unit: 4 } as const;
export const DEPARTMENT_CONTRIBUTION_WIDTHS = [44, 22, 40, 14, 8];

export function departmentContributionHeader(year: number): string[] {
  return ['指標', '取りまとめ課', '事業名', `${year}年度の実績`, '単位'];
}

export const MASTER_CONTRIBUTION_SHEET = '協働指標の内訳';
// Header words chosen so the recogniser never takes this sheet for a 実施計画 or 指標 table.
export const CONTRIBUTION_LEDGER_HEADER = ['年度', '指標', '提出した課', '番号', '事業名', '実績', '単位', 'キー'];
export const CONTRIBUTION_LEDGER_WIDTHS = [8, 40, 22, 6, 40, 12, 8, 30];
