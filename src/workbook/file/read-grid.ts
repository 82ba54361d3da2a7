import type ExcelJS from 'exceljs';
import type { GridCell, SheetGrid } from '../../plan/grid';
import { gridCell } from './cell-values';

export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: (GridCell | null)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const cells: (GridCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const g = gridCell(cell);
      if (!g) return;
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = g;
    });
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  const grid: SheetGrid = { name: ws.name, rows };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  // ExcelJS keeps a sheet's protection in a field its type definitions leave out.
  if ((ws as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) grid.protected = true;
  return grid;
}

/** 1-based number of the last row holding a value (0 for an empty sheet); appends go below it. */
export function lastValueRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ExcelJS.Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell) => cells.push(cell));
    if (cells.some((cell) => gridCell(cell))) last = rowNumber;
  });
  return last;
}
