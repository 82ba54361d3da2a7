import type ExcelJS from 'exceljs';
import type { Scalar } from '../../plan/grid';
import type { CellEdit } from '../../plan/edits';
import { MARK_FILLS } from './marks';
import { lastValueRow } from './read-grid';
import { restyle, solidFill } from './styles';

/**
 * Puts a scalar into a cell. A string is always stored as text — even `=SUM(A1)` — because
 * ExcelJS only makes formulas from `{ formula }` objects; that is what keeps text typed by a
 * department from ever being evaluated.
 */
export function writeScalar(cell: ExcelJS.Cell, value: Scalar): void {
  cell.value = value;
}

export function applyCellEdit(ws: ExcelJS.Worksheet, edit: CellEdit): void {
  const cell = ws.getCell(edit.row + 1, edit.col + 1);
  if (edit.value !== undefined) writeScalar(cell, edit.value);
  if (edit.mark) {
    const argb = MARK_FILLS[edit.mark];
    if (argb) restyle(cell, { fill: solidFill(argb) });
  }
  if (edit.note) cell.note = edit.note;
}

/** Appends below the last row that holds a value, so styled but empty rows are filled in. */
export function appendRows(ws: ExcelJS.Worksheet, rows: readonly Scalar[][]): void {
  const start = lastValueRow(ws) + 1;
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) writeScalar(ws.getCell(start + r, c + 1), v);
    }),
  );
}
