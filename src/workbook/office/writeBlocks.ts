import type { Scalar } from '../../plan/grid';
import type { Mark } from '../../plan/edits';

/** Fill colour per mark. Arrows and sentences are the written values themselves: no fill. */
export const MARK_FILLS: Readonly<Record<Mark, string | undefined>> = {
  arrow: undefined,
  sentence: undefined,
  revised: '#FCE4D6',
  error: '#FFC7CE',
  warning: '#FFEB9C',
  input: '#DDEBF7',
  conflict: '#F4B084',
  // Not a colour: the fill is cleared (writeOps.fillOps).
  clear: undefined,
};

/**
 * Excel on the web rejects requests over 5 MB (RequestPayloadSizeLimitExceeded); staying under
 * 4 MB of JSON per sync leaves room for the protocol's own wrapping.
 */
export const DEFAULT_MAX_SYNC_BYTES = 4_000_000;
/** Per-operation wrapping in the request (object path, property name, ids). */
export const OP_OVERHEAD_BYTES = 200;

export type OfficeValue = string | number | boolean;

/**
 * Office reads `null` in a values array as "leave this cell alone", so clearing needs `''`.
 * Excel takes a string in `values` as if it were typed: `56.6%` becomes 0.566, `1,283` a number,
 * `R5.4.1` a date, `=…` a formula. The engine's strings are text and must stay so (a locked
 * cell's fingerprint, a label, a sentence), so every one gets the leading apostrophe that
 * tells Excel "text as typed"; Excel keeps it out of the cell's value.
 */
export function toOfficeValue(value: Scalar | undefined): OfficeValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value !== '') return `'${value}`;
  return value;
}

/** UTF-8 byte length without allocating an encoded copy (payloads can be megabytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON.stringify(undefined) is undefined, whatever its type says. */
function jsonText(value: unknown): string | undefined {
  return JSON.stringify(value);
}

export function jsonBytes(value: unknown): number {
  return utf8Length(jsonText(value) ?? '');
}

export interface Positioned<T> {
  row: number;
  col: number;
  item: T;
}

/** A filled rectangle: rows × cols items, top-left at (row, col). */
export interface Rect<T> {
  row: number;
  col: number;
  items: T[][];
}

/**
 * Groups cells into rectangles: first vertical runs (adjacent rows in one column), then runs with
 * the same row span in adjacent columns side by side. Later entries for the same cell win.
 * Cells are only grouped when `sameGroup` holds (e.g. same fill colour).
 */
export function rectangles<T>(cells: Positioned<T>[], sameGroup: (a: T, b: T) => boolean = () => true): Rect<T>[] {
  const byCell = new Map<string, Positioned<T>>();
  for (const c of cells) byCell.set(`${c.row},${c.col}`, c);
  const unique = [...byCell.values()].sort((a, b) => a.col - b.col || a.row - b.row);

  const runs: { row: number; col: number; items: T[] }[] = [];
  for (const c of unique) {
    const run = runs.at(-1);
    if (run && run.col === c.col && run.row + run.items.length === c.row && sameGroup(run.items[0], c.item)) {
      run.items.push(c.item);
    } else runs.push({ row: c.row, col: c.col, items: [c.item] });
  }

  runs.sort((a, b) => a.row - b.row || a.items.length - b.items.length || a.col - b.col);
  const rects: Rect<T>[] = [];
  let open: Rect<T> | undefined;
  for (const run of runs) {
    const width = open ? open.items[0].length : 0;
    if (
      open &&
      open.row === run.row &&
      open.items.length === run.items.length &&
      open.col + width === run.col &&
      sameGroup(open.items[0][0], run.items[0])
    ) {
      for (const [i, item] of run.items.entries()) open.items[i].push(item);
    } else {
      open = { row: run.row, col: run.col, items: run.items.map((item) => [item]) };
      rects.push(open);
    }
  }
  return rects;
}

/**
 * Splits a rectangle of values into horizontal slices whose JSON stays under `budget` bytes.
 * A single row larger than the budget stays whole: Excel will refuse it, and the error says so.
 */
export function sliceRows<T>(rect: Rect<T>, budget: number): { rect: Rect<T>; bytes: number }[] {
  const out: { rect: Rect<T>; bytes: number }[] = [];
  let start = 0;
  let bytes = 2;
  for (let r = 0; r < rect.items.length; r++) {
    const rowBytes = jsonBytes(rect.items[r]) + 1;
    if (r > start && bytes + rowBytes > budget) {
      out.push({ rect: { row: rect.row + start, col: rect.col, items: rect.items.slice(start, r) }, bytes });
      start = r;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (rect.items.length > start) {
    out.push({ rect: { row: rect.row + start, col: rect.col, items: rect.items.slice(start) }, bytes });
  }
  return out;
}

/** Packs sized items, in order, into groups of at most `budget` bytes (an oversize item goes alone). */
export function packBySize<T extends { bytes: number }>(items: T[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    if (current.length > 0 && total + item.bytes > budget) {
      groups.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += item.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
