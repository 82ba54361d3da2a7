import type { SheetSpec } from '../edits';
import type { Scalar, WorkbookGrid } from '../grid';
import { scalarText } from '../text';
import { parseText } from '../value';
import { sortContributions, type Contribution } from './contributions';

/**
 * The master's record of every contribution received (sheet 協働指標の内訳), so a total can
 * be recomputed whichever department's file arrives first. It is an ordinary visible sheet:
 * the coordinator can read (and, if need be, correct) who reported what.
 */
export const STORE_SHEET = '協働指標の内訳';
// Header words chosen so the recogniser never takes this sheet for a 実施計画 or 指標 table.
export const STORE_HEADER = ['年度', '指標', '提出した課', '番号', '事業名', '実績', '単位', 'キー'];

export interface StoredContribution extends Contribution {
  year: number;
  indicatorKey: string;
  indicatorName: string;
  /** 0-based number of the row among the department's rows for this indicator. */
  n: number;
  unit?: string;
}

export function storeId(c: Pick<StoredContribution, 'year' | 'indicatorKey' | 'department' | 'n'>): string {
  return `${c.year}|${c.indicatorKey}|${c.department}|${c.n}`;
}

export function readStore(grid: WorkbookGrid): StoredContribution[] {
  const sheet = grid.sheets.find((s) => s.name === STORE_SHEET);
  const out: StoredContribution[] = [];
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

export function sortStore(entries: readonly StoredContribution[], coordinator: string | undefined): StoredContribution[] {
  const groups = new Map<string, StoredContribution[]>();
  for (const e of entries) {
    const g = `${e.year}|${e.indicatorKey}`;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, list]) => sortContributions(list, coordinator));
}

/** The store as a sheet; each indicator's rows list the plan's coordinator first. */
export function storeSheet(entries: readonly StoredContribution[], coordinator: string | undefined): SheetSpec {
  const rows: Scalar[][] = [STORE_HEADER];
  for (const e of sortStore(entries, coordinator)) {
    rows.push([e.year, e.indicatorName, e.department, e.n, e.name, e.value ?? '', e.unit ?? '', e.indicatorKey]);
  }
  return { name: STORE_SHEET, rows, headerRows: [0], columns: [8, 40, 22, 6, 40, 12, 8, 30].map((width) => ({ width })) };
}
