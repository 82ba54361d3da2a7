import { latin1 } from './xml-scan';

/**
 * The furthest cell a worksheet part names, found while it inflates (its `<row r>` and `<c r>`
 * attributes), so a sheet with one cell at row 200,000,000 is refused before ExcelJS lays out
 * rows up to it. Chunks are read as Latin-1: the addresses are ASCII whatever the text around them.
 */
export interface Extent {
  row: number;
  col: number;
  /** The address of the cell beyond the limit, when one was found. */
  beyond?: string;
}

const ADDRESS = /<(?:row|c)\s[^>]*?\br="([A-Z]{0,4})(\d{1,15})"/g;
const CARRY = 512;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A chunk handler for countTags: returns true (stop) at the first address beyond the limits. */
export function extentScanner(maxRow: number, maxCol: number): { extent: Extent; onChunk: (buf: Uint8Array) => boolean } {
  const extent: Extent = { row: 0, col: 0 };
  let carry = '';
  const onChunk = (buf: Uint8Array): boolean => {
    const text = carry + latin1(buf);
    // Tags cut at the chunk's end are seen whole next time; seeing one twice changes no maximum.
    carry = text.slice(-CARRY);
    for (const m of text.matchAll(ADDRESS)) {
      const row = Number(m[2]);
      const col = m[1] ? columnNumber(m[1]) : 0;
      if (row > extent.row) extent.row = row;
      if (col > extent.col) extent.col = col;
      if (row > maxRow || col > maxCol) {
        extent.beyond = `${m[1] || 'A'}${m[2]}`;
        return true;
      }
    }
    return false;
  };
  return { extent, onChunk };
}
