import type { GridCell, Scalar } from '../grid';
import { fnv1a64 } from './hash';

/**
 * Fingerprints of the locked cells of a department workbook. What they compare is the
 * content a person sees (type and text, or the formula), not formatting: Excel rewrites
 * styles and shared strings on every save, and those must not look like tampering.
 * An empty string and an empty cell are the same (Excel drops empty strings on save).
 *
 * The fingerprints live in the workbook's own hidden sheet, so they catch accidental and
 * casual edits (protection removed, a cell retyped, rows inserted); someone who also
 * rewrites the hidden sheet and its checksum is not stopped. That is what the 提出履歴's
 * file SHA-256 and the coordinator's review are for.
 */
export const EMPTY_HASH = '0';

export function canonValue(v: Scalar | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return `s\u0001${v.replace(/\r\n?/g, '\n')}`;
  return `${typeof v}\u0001${String(v)}`;
}

export function canonCell(cell: GridCell | null | undefined): string {
  if (!cell) return '';
  if (cell.formula !== undefined) return `f\u0001${cell.formula}\u0001${canonValue(cell.value)}`;
  if (cell.error) return `e\u0001${cell.error}`;
  return canonValue(cell.value);
}

export function cellHash(cell: GridCell | null | undefined): string {
  const c = canonCell(cell);
  return c === '' ? EMPTY_HASH : fnv1a64(c);
}

export function scalarHash(v: Scalar | undefined): string {
  return cellHash(v === undefined ? undefined : { value: v });
}

/** One row's hashes as stored: input cells are `-`, trailing empty cells are left out. */
export function encodeRowHashes(hashes: readonly string[]): string {
  const out = [...hashes];
  while (out.length > 0 && out[out.length - 1] === EMPTY_HASH) out.pop();
  return out.join(' ');
}

export function decodeRowHashes(text: string, width: number): string[] {
  const parts = text.trim() === '' ? [] : text.trim().split(/\s+/);
  while (parts.length < width) parts.push(EMPTY_HASH);
  return parts;
}

/** One hash over a row's locked cells, to find a row that moved (rows inserted or deleted). */
export function rowSignature(hashes: readonly string[]): string {
  return fnv1a64(hashes.map((h) => (h === '-' ? '' : h)).join(','));
}
