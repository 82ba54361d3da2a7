import type { CellEdit, WorkbookEdits } from './edits';
import type { Finding } from './findings';
import { parseA1, type GridCell, type SheetGrid, type WorkbookGrid } from './grid';
import { addressCells, cellKey, parseCellKey } from './keys';

/**
 * Live validation: after people edit cells, which marks to set and which to take away.
 * Only cells this session marked are ever cleared, so fills the workbook had of its own
 * (headers, input cells of a department workbook) are left alone.
 */
export interface CellChange {
  sheet: string;
  /** As Excel reports it: `B3`, `B3:C9`, `C:C` (whole columns) or `4:6` (whole rows). */
  address: string;
}

/** Cells marked so far (`sheet!A1`) and the note each carries. */
export type LiveMarks = ReadonlyMap<string, string>;

export interface LivePlan {
  edits: WorkbookEdits;
  /** The findings on edited or marked cells: what the pane lists. */
  findings: Finding[];
  marks: Map<string, string>;
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX = 1_048_575;

/** Bounds of an address as Excel reports a change; undefined for anything unreadable. */
export function changeBounds(address: string): Bounds | undefined {
  const cells = addressCells(address);
  const [from, to = from] = cells.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (a && b)
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  const cols = [parseA1(`${from}1`), parseA1(`${to}1`)];
  if (/^[A-Z]+$/i.test(from) && cols[0] && cols[1]) return { top: 0, left: cols[0].col, bottom: MAX, right: cols[1].col };
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) return { top: Number(from) - 1, left: 0, bottom: Number(to) - 1, right: 16_383 };
  return undefined;
}

/**
 * `inputs`: cells that had the input colour (a department's cells to fill): when their mark
 * goes they get that colour back, and lose the note, rather than no fill at all.
 */
export function liveEdits(
  findings: readonly Finding[],
  changes: readonly CellChange[],
  marks: LiveMarks,
  inputs: ReadonlySet<string> = new Set(),
): LivePlan {
  const ranges = changes.flatMap((c) => {
    // Several areas changed at once (a paste onto a multi-selection) come as `A1:B2,D4`.
    return c.address.split(',').flatMap((area) => {
      const b = changeBounds(area.trim());
      return b ? [{ sheet: c.sheet, ...b }] : [];
    });
  });
  const edited = (sheet: string, row: number, col: number) =>
    ranges.some((r) => r.sheet === sheet && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);

  const shown: Finding[] = [];
  const byCell = new Map<string, { sheet: string; row: number; col: number; error: boolean; notes: string[] }>();
  for (const f of findings) {
    const pos = f.cell ? parseA1(f.cell) : undefined;
    if (!pos) continue;
    // The same key as inputCells(): an input cell's mark gives way to its input colour.
    const id = cellKey({ sheet: f.sheet, ...pos });
    if (!marks.has(id) && !edited(f.sheet, pos.row, pos.col)) continue;
    shown.push(f);
    const cell = byCell.get(id) ?? { sheet: f.sheet, ...pos, error: false, notes: [] };
    cell.error ||= f.severity === 'error';
    cell.notes.push(f.message);
    byCell.set(id, cell);
  }

  const cells: CellEdit[] = [];
  const next = new Map<string, string>();
  for (const [id, c] of byCell) {
    const note = c.notes.join('\n');
    next.set(id, note);
    // The same note on a cell already marked: nothing to write again.
    if (marks.get(id) !== note) cells.push({ sheet: c.sheet, row: c.row, col: c.col, mark: c.error ? 'error' : 'warning', note });
  }
  for (const id of marks.keys()) {
    if (next.has(id)) continue;
    const ref = parseCellKey(id);
    if (ref) cells.push({ ...ref, ...(inputs.has(id) ? { mark: 'input' as const, note: '' } : { mark: 'clear' as const }) });
  }
  return { edits: { cells }, findings: shown, marks: next };
}

/** Rows `top`..`bottom` (0-based, inclusive) of one sheet. */
export interface RowSpan {
  top: number;
  bottom: number;
}

/**
 * What a live check must read again after `changes`, given the grid read before them: per
 * sheet, the edited rows (whole rows: an indicator's other cells sit beside the edited one) and
 * every row holding a formula anywhere (its value may follow the edit, on any sheet). The rest
 * of `base` — the headers, the other indicators — is unchanged by these edits. Undefined when
 * the edits cannot be bounded (whole columns, unreadable addresses, unknown sheets): read all.
 */
export function rowsToReread(changes: readonly CellChange[], base: WorkbookGrid): Map<string, RowSpan[]> | undefined {
  const spans = new Map<string, RowSpan[]>();
  const add = (sheet: string, span: RowSpan) => {
    const list = spans.get(sheet) ?? [];
    list.push(span);
    spans.set(sheet, list);
  };
  const known = new Set(base.sheets.map((s) => s.name));
  for (const change of changes) {
    if (!known.has(change.sheet)) return undefined;
    for (const area of change.address.split(',')) {
      const b = changeBounds(area.trim());
      // A whole column (or an address Excel should not give): no bound short of the sheet.
      if (!b || b.bottom >= MAX) return undefined;
      add(change.sheet, { top: b.top, bottom: b.bottom });
    }
  }
  for (const sheet of base.sheets) {
    sheet.rows.forEach((row, r) => {
      if (row.some((cell) => cell?.formula !== undefined)) add(sheet.name, { top: r, bottom: r });
    });
  }
  for (const [sheet, list] of spans) spans.set(sheet, mergeSpans(list));
  return spans;
}

/** Sorted, with overlapping and adjacent spans joined: one range to read for each. */
function mergeSpans(list: RowSpan[]): RowSpan[] {
  const sorted = [...list].sort((a, b) => a.top - b.top);
  const out: RowSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, s.bottom);
    else out.push({ ...s });
  }
  return out;
}

/**
 * `base` with rows `top`.. of `sheet` replaced by `rows` (as read again); other sheets and rows
 * are shared, not copied. Trailing empty rows are dropped, as a full read does.
 */
export function patchRows(base: WorkbookGrid, sheet: string, top: number, rows: readonly (GridCell | null)[][]): WorkbookGrid {
  return {
    ...base,
    sheets: base.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const next: SheetGrid = { ...s, rows: [...s.rows] };
      while (next.rows.length < top + rows.length) next.rows.push([]);
      rows.forEach((row, i) => {
        const trimmed = [...row];
        while (trimmed.length > 0 && trimmed[trimmed.length - 1] == null) trimmed.pop();
        next.rows[top + i] = trimmed;
      });
      while (next.rows.length > 0 && next.rows[next.rows.length - 1].every((c) => c == null)) next.rows.pop();
      return next;
    }),
  };
}
