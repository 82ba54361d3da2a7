import { a1, parseA1 } from '../../plan/grid';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based inclusive bounds of an A1 range. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function inSheet(row: number, col: number): boolean {
  return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < MAX_ROWS && col < MAX_COLS;
}

/** Parses `B2`, `B2:D9` or `$B$2:$D$9`; undefined for anything else. */
export function parseRange(range: string): Bounds | undefined {
  const parts = range.trim().split(':');
  if (parts.length > 2) return undefined;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b || !inSheet(a.row, a.col) || !inSheet(b.row, b.col)) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** A validation range may list several areas separated by spaces, as Excel's sqref does. */
export function parseAreas(range: string): Bounds[] | undefined {
  const areas = range.trim().split(/\s+/).map(parseRange);
  return areas.length > 0 && areas.every((a) => a) ? (areas as Bounds[]) : undefined;
}

export function overlaps(x: Bounds, y: Bounds): boolean {
  return x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
}

/** Canonical `B2:D9` form without `$`, the key ExcelJS expects. */
export function rangeText(b: Bounds): string {
  const tl = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${a1(b.bottom, b.right)}`;
}
