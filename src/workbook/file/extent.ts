/**
 * The furthest cell a worksheet part names, found while it inflates (the ` r="…"` attribute of
 * its `<row>` and `<c>` elements), so a sheet with one cell at row 200,000,000 is refused before
 * ExcelJS lays out rows up to it. It works on the bytes (the addresses are ASCII) and looks only
 * where an `r` follows whitespace, so a megabyte of anything else costs next to nothing.
 */
export interface Extent {
  row: number;
  col: number;
  /** The address of the cell beyond the limit, when one was found. */
  beyond?: string;
}

const R = 0x72;
const EQ = 0x3d;
const QUOTE = 0x22;
// Long enough for ` r="XFD1048576"` cut at a chunk's end to be seen whole in the next one.
const CARRY = 32;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** A chunk handler for countTags: returns true (stop) at the first address beyond the limits. */
export function extentScanner(maxRow: number, maxCol: number): { extent: Extent; onChunk: (buf: Uint8Array) => boolean } {
  const extent: Extent = { row: 0, col: 0 };
  let carry = new Uint8Array(0);
  const onChunk = (chunk: Uint8Array): boolean => {
    const buf = new Uint8Array(carry.length + chunk.length);
    buf.set(carry);
    buf.set(chunk, carry.length);
    // Seeing an address twice (in the carry and again) changes no maximum.
    carry = buf.slice(Math.max(0, buf.length - CARRY));
    for (let i = buf.indexOf(R, 1); i !== -1 && i + 3 < buf.length; i = buf.indexOf(R, i + 1)) {
      if (!isSpace(buf[i - 1]) || buf[i + 1] !== EQ || buf[i + 2] !== QUOTE) continue;
      let j = i + 3;
      let col = 0;
      let letters = '';
      while (j < buf.length && buf[j] >= 0x41 && buf[j] <= 0x5a && letters.length < 4) {
        col = col * 26 + (buf[j] - 0x40);
        letters += String.fromCharCode(buf[j++]);
      }
      let row = 0;
      let digits = '';
      while (j < buf.length && buf[j] >= 0x30 && buf[j] <= 0x39 && digits.length < 15) {
        row = row * 10 + (buf[j] - 0x30);
        digits += String.fromCharCode(buf[j++]);
      }
      if (j >= buf.length || buf[j] !== QUOTE || !digits) continue;
      if (row > extent.row) extent.row = row;
      if (col > extent.col) extent.col = col;
      if (row > maxRow || col > maxCol) {
        extent.beyond = `${letters || 'A'}${digits}`;
        return true;
      }
    }
    return false;
  };
  return { extent, onChunk };
}
