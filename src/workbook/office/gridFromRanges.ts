import { parseA1, type GridCell, type Scalar, type SheetGrid } from '../../plan/grid';
import { addressCells } from '../../plan/keys';

/** What one `getUsedRangeOrNullObject(true)` load returns, as plain arrays. */
export interface LoadedRange {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
  /**
   * `getVisibleView().cellAddresses` of the same range (ExcelApi 1.3), when loaded: the rows
   * not in it are hidden, and a hidden row is not counted as an indicator unless it has values.
   */
  visibleAddresses?: string[][];
}

/** Sheet-absolute 0-based rows of `range` that are not in its visible view. */
export function hiddenRowsOf(range: LoadedRange): number[] {
  if (!range.visibleAddresses) return [];
  const top = rangeTopLeft(range.address).row;
  const visible = new Set(range.visibleAddresses.map((row) => (row[0] ? rangeTopLeft(row[0]).row : -1)));
  const hidden: number[] = [];
  for (let r = top; r < top + range.values.length; r++) if (!visible.has(r)) hidden.push(r);
  return hidden;
}

/** Both spellings: the API reports `General`, but a Japanese Excel may echo its local `G/標準`. */
const GENERAL_FORMATS = new Set(['General', 'G/標準', '標準', '']);

/**
 * Top-left of `Sheet1!B3:F20` / `'My Sheet'!B3` as 0-based row/col. The sheet part may itself
 * contain `!`, so the cell part is whatever follows the last one.
 */
export function rangeTopLeft(address: string): { row: number; col: number } {
  const cells = addressCells(address);
  const first = cells.split(':')[0];
  const parsed = parseA1(first);
  if (!parsed) throw new Error(`Excel が返した範囲を解釈できません: ${address}`);
  return parsed;
}

/**
 * True for number formats that display a date or time. Quoted text, `\x` escapes and bracketed
 * parts (colours, locales such as `[$-ja-JP]`) are removed first so `#,##0"日"` stays a number;
 * `[h]`/`[mm]` elapsed-time brackets count as time.
 */
export function isDateFormat(format: string): boolean {
  if (GENERAL_FORMATS.has(format)) return false;
  const elapsed = /\[(h+|m+|s+)\]/i.test(format);
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/[0#?]\.?[0#?]*E[+-]/i.test(bare)) return false;
  return elapsed || /[ymdhsge]/i.test(bare.replace(/AM\/PM|A\/P/gi, 'h'));
}

/**
 * Excel serial (1900 date system) → the text the file adapter gives for a date:
 * `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when there is a time of day.
 */
export function serialToIso(serial: number): string {
  const iso = new Date(Math.round((serial - 25569) * 86400) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function jsonText(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Office returns only strings, numbers and booleans in values; anything else is shown as JSON, not [object Object].
  return typeof value === 'bigint' ? String(value) : (jsonText(value) ?? null);
}

/** One loaded cell → GridCell, or null when Excel reports it empty and it holds no formula. */
export function toGridCell(value: unknown, formula: unknown, format: unknown, type: string): GridCell | null {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if (type === 'Empty' && !hasFormula) return null;
  const numFmt = typeof format === 'string' && !GENERAL_FORMATS.has(format) ? format : undefined;
  let scalar = toScalar(value);
  if (type === 'Double' || type === 'Integer') {
    if (typeof scalar === 'number' && numFmt && isDateFormat(numFmt)) scalar = serialToIso(scalar);
  }
  // Like the file adapter: an error cell has no value, only its code.
  const cell: GridCell = { value: type === 'Empty' || type === 'Error' ? null : scalar };
  if (hasFormula) cell.formula = formula.slice(1);
  if (type === 'Error') cell.error = String(value);
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

/** A sheet's used range (or none) → SheetGrid whose row/col indices are sheet-absolute. */
export function sheetGridFromRange(name: string, hidden: boolean, range: LoadedRange | undefined): SheetGrid {
  const grid: SheetGrid = { name, rows: [] };
  if (hidden) grid.hidden = true;
  if (!range) return grid;
  const top = rangeTopLeft(range.address);
  for (let r = 0; r < top.row; r++) grid.rows.push([]);
  range.values.forEach((valueRow, r) => {
    const out: (GridCell | null)[] = new Array<GridCell | null>(top.col).fill(null);
    let lastFilled = -1;
    valueRow.forEach((value, c) => {
      const cell = toGridCell(value, range.formulas[r]?.[c], range.numberFormat[r]?.[c], range.valueTypes[r]?.[c] ?? 'Unknown');
      out.push(cell);
      if (cell) lastFilled = out.length - 1;
    });
    out.length = lastFilled + 1;
    grid.rows.push(out);
  });
  while (grid.rows.length > 0 && grid.rows[grid.rows.length - 1].length === 0) grid.rows.pop();
  const hiddenRows = hiddenRowsOf(range);
  if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
  return grid;
}
