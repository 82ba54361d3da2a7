import type { SheetSpec } from '../edits';
import type { Scalar, WorkbookGrid } from '../grid';
import { scalarText } from '../text';
import { parseText } from '../value';
import { sortContributions, type Contribution } from './reason-lines';
import { CONTRIBUTION_LEDGER_HEADER, CONTRIBUTION_LEDGER_WIDTHS, MASTER_CONTRIBUTION_SHEET } from './sheets';

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

export function readContributionLedger(grid: WorkbookGrid): LedgerContribution[] {
  const sheet = grid.sheets.find((s) => s.name === MASTER_CONTRIBUTION_SHEET);
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

export function sortLedger(entries: readonly LedgerContribution[]): LedgerContribution[] {
  const groups = new Map<string, LedgerContribution[]>();
  for (const e of entries) {
    const g = `${e.year}|${e.indicatorKey}`;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, list]) => sortContributions(list));
}

export function contributionLedgerSheet(entries: readonly LedgerContribution[]): SheetSpec {
  const rows: Scalar[][] = [CONTRIBUTION_LEDGER_HEADER];
  for (const e of sortLedger(entries)) {
    rows.push([e.year, e.indicatorName, e.department, e.n, e.name, e.value ?? '', e.unit ?? '', e.indicatorKey]);
  }
  return { name: MASTER_CONTRIBUTION_SHEET, rows, headerRows: [0], columns: CONTRIBUTION_LEDGER_WIDTHS.map((width) => ({ width })) };
}
