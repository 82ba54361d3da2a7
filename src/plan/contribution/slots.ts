import type { PlanDepartments } from '../departments';
import type { SheetGrid } from '../grid';
import { cellAt } from '../grid';
import { parseCell } from '../value';
import { parseContributionLines } from './reason-lines';
import type { IndicatorRow, PlanRow } from '../split/rows';
import type { LedgerContribution } from './ledger';

/** One contribution row a department is given for a shared indicator. */
export interface Slot {
  indicator: IndicatorRow;
  department: string;
  n: number;
  name: string;
  value?: number;
}

function actualEntered(row: PlanRow, sheets: ReadonlyMap<string, SheetGrid>): boolean {
  const ref = row.inputs.actual;
  const sheet = ref && sheets.get(ref.sheet);
  if (!ref || !sheet) return false;
  return parseCell(cellAt(sheet, ref.row, ref.col)).kind === 'number';
}

function numbered(list: { department: string; name: string; value?: number }[]): Omit<Slot, 'indicator'>[] {
  const counts = new Map<string, number>();
  return list.map((c) => {
    const n = counts.get(c.department) ?? 0;
    counts.set(c.department, n + 1);
    return { department: c.department, n, name: c.name, value: c.value };
  });
}

/**
 * The contributions for `year` as the master knows them: what departments reported
 * (the ledger), or else the ◆ lines printed in the 増減理由 when it describes that year's
 * figure (the actual is entered), as the published FY2023 report does.
 */
export function currentContributions(
  row: IndicatorRow,
  ledger: readonly LedgerContribution[],
  year: number,
  sheets: ReadonlyMap<string, SheetGrid>,
  departments: PlanDepartments,
): Omit<Slot, 'indicator'>[] {
  const key = row.indicator.key;
  const stored = ledger.filter((s) => s.indicatorKey === key && s.year === year);
  if (stored.length > 0) return stored.map(({ department, n, name, value }) => ({ department, n, name, value }));
  if (!actualEntered(row, sheets)) return [];
  return numbered(parseContributionLines(row.indicator.reason?.text ?? '', departments).filter((c) => c.value !== undefined));
}

/**
 * The rows to hand out for one shared indicator: this year's contributions when known;
 * otherwise the departments and 事業 of the latest year on record, without figures.
 */
export function slotsFor(
  row: IndicatorRow,
  ledger: readonly LedgerContribution[],
  year: number,
  sheets: ReadonlyMap<string, SheetGrid>,
  departments: PlanDepartments,
): Slot[] {
  const now = currentContributions(row, ledger, year, sheets, departments);
  if (now.length > 0) return now.map((s) => ({ ...s, indicator: row }));
  const key = row.indicator.key;
  const earlier = ledger.filter((s) => s.indicatorKey === key && s.year < year);
  const latest = Math.max(-Infinity, ...earlier.map((s) => s.year));
  const names =
    earlier.length > 0
      ? earlier.filter((s) => s.year === latest).map(({ department, n, name }) => ({ department, n, name }))
      : numbered(
          parseContributionLines(row.indicator.reason?.text ?? '', departments).map(({ department, name }) => ({ department, name })),
        );
  return names.map((s) => ({ indicator: row, department: s.department, n: s.n, name: s.name }));
}
