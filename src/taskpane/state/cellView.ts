import { cellAt, parseA1, type WorkbookGrid } from '../../plan';

/** What the detail panel shows for one cell when the pane cannot select it in Excel. */
export interface CellView {
  sheet: string;
  cell: string;
  found: boolean;
  /** The value as text; '' for an empty cell. */
  value: string;
  formula?: string;
  /** Which list item asked for it (the panel opens under that item). */
  origin?: string;
}

export function cellView(grid: WorkbookGrid | undefined, sheet: string, cell: string): CellView {
  const target = grid?.sheets.find((s) => s.name === sheet);
  // A range such as B5:C6 is shown by its first cell.
  const pos = parseA1(cell.split(':')[0] ?? '');
  if (!target || !pos) return { sheet, cell, found: false, value: '' };
  const c = cellAt(target, pos.row, pos.col);
  const value = c?.error ?? (c?.value === null || c?.value === undefined ? '' : String(c.value));
  return { sheet, cell, found: true, value, ...(c?.formula ? { formula: c.formula } : {}) };
}
