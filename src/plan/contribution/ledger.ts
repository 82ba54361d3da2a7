import type { SheetSpec } from '../edits';
import type { Scalar, SheetGrid, WorkbookGrid } from '../grid';
import { scalarText } from '../text';
import { parseText } from '../value';
import { sortContributions, type Contribution } from './reason-lines';
import { CONTRIBUTION_LEDGER_HEADER, CONTRIBUTION_LEDGER_WIDTHS, DEPARTMENT_CONTRIBUTION_TITLE, MASTER_CONTRIBUTION_SHEET } from './sheets';

/*
 * The contribution ledger: the master's record of every contribution received (layout in
 * sheets.ts), so a total can be recomputed whichever department's file arrives first. It is an
 * ordinary visible sheet: the coordinator can read (and, if need be, correct) who reported what.
 */

export interface LedgerContribution extends Contribution {
  year: number;
  indicatorKey: string;
  indicatorName: string;
  /** 0-based number of the row among the department's rows for this indicator. */
  n: number;
  unit?: string;
}

export function ledgerId(c: Pick<LedgerContribution, 'year' | 'indicatorKey' | 'department' | 'n'>): string {
  return `${c.year}|${c.indicatorKey}|${c.department}|${c.n}`;
}

/** A master's 協働指標の内訳 sheet that is not the ledger's layout; the message is Japanese and names the file. */
export class ContributionLedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContributionLedgerError';
  }
}

const LEDGER_HEADER_TEXT = CONTRIBUTION_LEDGER_HEADER.join('・');

/**
 * The two 内訳 sheets share a name, so a department's sheet copied into the master would read
 * as an empty ledger and its figures would silently drop out of the totals: refuse it instead.
 */
function refuseOtherLayout(grid: WorkbookGrid, sheet: SheetGrid): void {
  const first = sheet.rows[0] ?? [];
  const header = CONTRIBUTION_LEDGER_HEADER.map((_, i) => scalarText(first[i]?.value).trim());
  const empty = sheet.rows.every((r) => r.every((c) => scalarText(c?.value).trim() === ''));
  if (empty || header.join('・') === LEDGER_HEADER_TEXT) return;
  const where = `${grid.source} のシート「${sheet.name}」`;
  const shown = header.filter((t) => t !== '').join('・') || '（空欄）';
  const [cause, remedy] =
    header[0] === DEPARTMENT_CONTRIBUTION_TITLE
      ? [`は各課の記入用ファイルの内訳の様式です（A1: ${shown}）`, '各課から戻った内訳は、記入用ファイルのまま取りまとめてください。']
      : [`の1行目（A1 から）が ${shown} で、内訳の記録の見出しではありません`, 'シートの名前を変えるか、1行目の見出しを戻してください。'];
  throw new ContributionLedgerError(
    `${where}${cause}。取りまとめ用ブックの内訳の記録は1行目に ${LEDGER_HEADER_TEXT} の見出しがあるシートです。` +
      `このシートは読めないため、処理を中止しました。${remedy}`,
  );
}

/** The master's contribution ledger; throws ContributionLedgerError when its sheet has another layout. */
export function readContributionLedger(grid: WorkbookGrid): LedgerContribution[] {
  const sheet = grid.sheets.find((s) => s.name === MASTER_CONTRIBUTION_SHEET);
  if (sheet) refuseOtherLayout(grid, sheet);
  const out: LedgerContribution[] = [];
  for (const row of (sheet?.rows ?? []).slice(1)) {
    const cell = (i: number) => scalarText(row[i]?.value).trim();
    const year = Number(cell(0));
    const key = cell(7);
    const department = cell(2);
    if (!Number.isInteger(year) || !key || !department) continue;
    const raw = row[5]?.value;
    const value = typeof raw === 'number' ? raw : parseText(scalarText(raw)).value;
    out.push({
      year,
      indicatorKey: key,
      indicatorName: cell(1),
      department,
      n: Number(cell(3)) || 0,
      name: cell(4),
      value,
      unit: cell(6) || undefined,
    });
  }
  return out;
}

export function sortLedger(entries: readonly LedgerContribution[], coordinator: string | undefined): LedgerContribution[] {
  const groups = new Map<string, LedgerContribution[]>();
  for (const e of entries) {
    const g = `${e.year}|${e.indicatorKey}`;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, list]) => sortContributions(list, coordinator));
}

/** The ledger as a sheet; each indicator's rows list the plan's coordinator first. */
export function contributionLedgerSheet(entries: readonly LedgerContribution[], coordinator: string | undefined): SheetSpec {
  const rows: Scalar[][] = [CONTRIBUTION_LEDGER_HEADER];
  for (const e of sortLedger(entries, coordinator)) {
    rows.push([e.year, e.indicatorName, e.department, e.n, e.name, e.value ?? '', e.unit ?? '', e.indicatorKey]);
  }
  return { name: MASTER_CONTRIBUTION_SHEET, rows, headerRows: [0], columns: CONTRIBUTION_LEDGER_WIDTHS.map((width) => ({ width })) };
}
