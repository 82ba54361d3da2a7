/**
 * What the plan engine reads: plain 2D grids of cells, produced by a workbook gateway.
 * Rows and columns are 0-based; addresses shown to people are A1 style.
 */
export type Scalar = string | number | boolean | null;

export interface GridCell {
  /** The value Excel shows, before any number format (a date is an ISO string). */
  value: Scalar;
  /** Formula text without the leading `=`, when the cell holds one. */
  formula?: string;
  /** Excel error code such as `#REF!` when the cell evaluates to an error. */
  error?: string;
  /** Number format code, e.g. `0.0%` or `#,##0"人"`, when not General. */
  numFmt?: string;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c]; missing or null entries are empty cells. */
  rows: (GridCell | null | undefined)[][];
  hidden?: boolean;
  /** 0-based rows hidden in the sheet (not shown, not printed). */
  hiddenRows?: number[];
  /** The sheet is protected: its layout is not ours to change (no column is added to it). */
  protected?: boolean;
}

export interface WorkbookGrid {
  /** The file name (or a label such as 開いているブック) used in messages. */
  source: string;
  sheets: SheetGrid[];
}

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function refAddress(ref: CellRef): string {
  return a1(ref.row, ref.col);
}

/** A grid's contents (values, formulas, errors) as one text: equal texts, equal workbooks. */
export function gridText(grid: WorkbookGrid): string {
  return JSON.stringify(grid.sheets.map((s) => [s.name, s.rows.map((r) => r.map((c) => (c ? [c.value, c.formula, c.error] : null)))]));
}

/** Parses `B12` (or `$B$12`) into 0-based row/col; returns undefined for anything else. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A row of the grid, or undefined beyond the rows that were read. */
export function rowAt(sheet: SheetGrid, row: number): (GridCell | null | undefined)[] | undefined {
  return row >= 0 && row < sheet.rows.length ? sheet.rows[row] : undefined;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): GridCell | undefined {
  return rowAt(sheet, row)?.[col] ?? undefined;
}

/** Turns tab-separated text (a report pasted into one sheet) into a grid. */
export function gridFromText(text: string, sheetName: string): SheetGrid {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return {
    name: sheetName,
    rows: lines.map((line) => line.split('\t').map((v) => (v === '' ? null : { value: v }))),
  };
}
