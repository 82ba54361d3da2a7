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
  if (edit.mark === 'clear') {
    const { fill: _fill, ...rest } = cell.style;
    cell.style = rest;
    removeNote(cell);
  } else if (edit.mark) {
    const argb = MARK_FILLS[edit.mark];
    if (argb) restyle(cell, { fill: solidFill(argb) });
  }
  // An empty note removes the cell's note, as in the Office gateway.
  if (edit.note) cell.note = edit.note;
  else if (edit.note === '') removeNote(cell);
}

/**
 * ExcelJS has no call for removing a note: the cell keeps it in `_comment`, and a note loaded
 * from the file also stays in the value's model, which is what is saved; both are dropped.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete inner._comment;
  if (inner._value?.model) delete inner._value.model.comment;
}

/**
 * One style object for every unstyled appended cell. ExcelJS's writer remembers style
 * objects it has seen and skips deriving them again; a fresh `{}` per new cell made a long
 * 提出履歴 cost about half of the save. Frozen, so an in-place style edit (which would
 * restyle every such cell) fails loudly; the adapter only ever replaces styles (styles.ts).
 */
const UNSTYLED: Partial<ExcelJS.Style> = Object.freeze({});

function isUnstyled(style: Partial<ExcelJS.Style> | undefined): boolean {
  if (!style) return true;
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/** Appends below the last row that holds a value, so styled but empty rows are filled in. */
export function appendRows(ws: ExcelJS.Worksheet, rows: readonly Scalar[][]): void {
  const start = lastValueRow(ws) + 1;
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(start + r, c + 1);
      if (isUnstyled(cell.style)) cell.style = UNSTYLED;
      writeScalar(cell, v);
    }),
  );
}
