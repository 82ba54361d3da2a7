import { cellHash, decodeRowHashes, EMPTY_HASH, rowSignature, type Manifest } from '../department-workbook';
import { a1, cellAt, type SheetGrid, type WorkbookGrid } from '../grid';
import { METADATA_SHEET } from '../recognize/metadata';
import { said, type Said } from '../messages';
import { quote } from './show';

/** A problem with the workbook's structure or its locked cells; every one rejects the file. */
export interface Issue {
  sheet: string;
  cell: string;
  message: string;
  said: Said;
}

const MAX_CELL_ISSUES_PER_SHEET = 20;

function lockedHashes(sheet: SheetGrid, row: number, expected: readonly string[]): string[] {
  return expected.map((h, c) => (h === '-' ? '-' : cellHash(cellAt(sheet, row, c))));
}

function matches(sheet: SheetGrid, row: number, expected: readonly string[]): boolean {
  return rowSignature(lockedHashes(sheet, row, expected)) === rowSignature(expected);
}

function isBlank(hashes: readonly string[]): boolean {
  return hashes.every((h) => h === EMPTY_HASH || h === '-');
}

/** Sheets of the workbook that the split did not make (hidden helper sheets aside). */
function extraSheets(grid: WorkbookGrid, m: Manifest): SheetGrid[] {
  const known = new Set(m.sheets.map((s) => s.name));
  return grid.sheets.filter((s) => !known.has(s.name) && s.name !== METADATA_SHEET && !(s.hidden && s.name.startsWith('_')));
}

function checkSheet(sheet: SheetGrid, shape: Manifest['sheets'][number], rows: Map<number, string[]>, out: Issue[]): void {
  const issue = (cell: string, s: Said) => out.push({ sheet: sheet.name, cell, message: s.text, said: s });
  let cellIssues = 0;
  let hidden = 0;
  for (let r = 0; r < shape.rows; r++) {
    const expected = rows.get(r) ?? decodeRowHashes('', shape.cols);
    const actual = lockedHashes(sheet, r, expected);
    if (actual.every((h, c) => h === expected[c])) continue;
    if (!isBlank(expected)) {
      // A row that moved means rows were inserted above it, or the rows it now shows were deleted.
      for (let q = r + 1; q < Math.max(sheet.rows.length, shape.rows); q++) {
        if (matches(sheet, q, expected)) {
          issue(a1(r, 0), said('row-inserted', { row: r + 1, now: q + 1 }));
          return;
        }
      }
      for (let e = r + 1; e < shape.rows; e++) {
        const later = rows.get(e) ?? decodeRowHashes('', shape.cols);
        if (!isBlank(later) && matches(sheet, r, later)) {
          issue(a1(r, 0), e - r > 1 ? said('rows-deleted', { row: r + 1, last: e }) : said('row-deleted', { row: r + 1 }));
          return;
        }
      }
      if (isBlank(actual) && r >= sheet.rows.length) {
        issue(a1(r, 0), said('rows-deleted-to-end', { row: r + 1 }));
        return;
      }
    }
    for (let c = 0; c < expected.length; c++) {
      if (expected[c] === '-' || actual[c] === expected[c]) continue;
      if (cellIssues++ < MAX_CELL_ISSUES_PER_SHEET) {
        issue(a1(r, c), said('locked-cell-changed', { cell: a1(r, c), now: quote(cellAt(sheet, r, c)?.value) }));
      } else hidden++;
    }
  }
  for (let r = 0; r < sheet.rows.length; r++) {
    const line = sheet.rows[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      if (r < shape.rows && c < shape.cols) continue;
      if (cellHash(line[c]) === EMPTY_HASH) continue;
      if (cellIssues++ < MAX_CELL_ISSUES_PER_SHEET) {
        issue(a1(r, c), said('outside-range', { cell: a1(r, c), now: quote(line[c]?.value) }));
      } else hidden++;
    }
  }
  if (hidden > 0) issue('', said('more-cells-changed', { count: hidden }));
}

/**
 * Compares the workbook with what the split recorded: every sheet present under its own
 * name, no sheet added, no row inserted or deleted, no locked cell changed, nothing
 * written outside the table.
 */
export function verifyStructure(grid: WorkbookGrid, m: Manifest): Issue[] {
  const out: Issue[] = [];
  const locks = new Map<string, Map<number, string[]>>();
  const cols = new Map(m.sheets.map((s) => [s.name, s.cols]));
  for (const l of m.locks) {
    const rows = locks.get(l.sheet) ?? new Map<number, string[]>();
    rows.set(l.row, decodeRowHashes(l.hashes, cols.get(l.sheet) ?? 0));
    locks.set(l.sheet, rows);
  }
  const extras = extraSheets(grid, m);
  const renamed = new Set<string>();
  for (const shape of m.sheets) {
    const sheet = grid.sheets.find((s) => s.name === shape.name);
    if (sheet) {
      checkSheet(sheet, shape, locks.get(shape.name) ?? new Map<number, string[]>(), out);
      continue;
    }
    const first = locks.get(shape.name)?.get(0);
    const moved = first && extras.find((s) => !renamed.has(s.name) && matches(s, 0, first));
    if (moved) {
      renamed.add(moved.name);
      const s = said('sheet-renamed', { sheet: shape.name, now: moved.name });
      out.push({ sheet: moved.name, cell: '', message: s.text, said: s });
    } else {
      const s = said('sheet-missing', { sheet: shape.name });
      out.push({ sheet: shape.name, cell: '', message: s.text, said: s });
    }
  }
  for (const extra of extras) {
    if (renamed.has(extra.name)) continue;
    const s = said('sheet-added', { sheet: extra.name });
    out.push({ sheet: extra.name, cell: '', message: s.text, said: s });
  }
  return out;
}
