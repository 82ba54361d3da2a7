/// <reference types="office-js" />
import { a1, type Scalar } from '../../plan/grid';
import type { CellEdit } from '../../plan/edits';
import { cellKeyAt } from '../../plan/keys';
import {
  MARK_FILLS,
  OP_OVERHEAD_BYTES,
  rectangles,
  sliceRows,
  toOfficeValue,
  utf8Length,
  type OfficeValue,
  type Rect,
} from './writeBlocks';

/** Where queued operations go: the batch's context and worksheet proxies by name. */
export interface WriteTarget {
  ctx: Excel.RequestContext;
  sheet(name: string): Excel.Worksheet;
  /** Registers a sheet created in this batch so later operations reuse its proxy. */
  define(name: string, sheet: Excel.Worksheet): void;
}

/** One queued change with its estimated share of the request payload. */
export interface WriteOp {
  bytes: number;
  sheet: string;
  queue(target: WriteTarget): void;
}

export function valueOps(sheet: string, rect: Rect<OfficeValue>, budget: number): WriteOp[] {
  return sliceRows(rect, budget - OP_OVERHEAD_BYTES).map(({ rect: part, bytes }) => ({
    bytes: bytes + OP_OVERHEAD_BYTES,
    sheet,
    queue: (t) => {
      t.sheet(sheet).getRangeByIndexes(part.row, part.col, part.items.length, part.items[0].length).values = part.items;
    },
  }));
}

function bySheet<T extends { sheet: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.sheet) ?? [];
    list.push(item);
    out.set(item.sheet, list);
  }
  return out;
}

/** Cell values as rectangular blocks (one range per block), sliced to fit the sync budget. */
export function cellValueOps(cells: CellEdit[], budget: number): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const [sheet, list] of bySheet(cells.filter((c) => c.value !== undefined))) {
    const rects = rectangles(list.map((c) => ({ row: c.row, col: c.col, item: toOfficeValue(c.value) })));
    for (const rect of rects) ops.push(...valueOps(sheet, rect, budget));
  }
  return ops;
}

/** What a cell's note becomes: its own note, or none at all when its mark is cleared. */
export function noteOf(c: CellEdit): string | undefined {
  return c.note ?? (c.mark === 'clear' ? '' : undefined);
}

const OUR_FILLS = new Set(
  Object.values(MARK_FILLS)
    .filter((c): c is string => !!c)
    .map((c) => c.toUpperCase()),
);
/** What Excel reports for a cell without a fill. */
const NO_FILL = '#FFFFFF';

/** The last fill-changing mark of each cell: a colour, or a clear. */
function fillMarks(cells: CellEdit[]): CellEdit[] {
  const latest = new Map<string, CellEdit>();
  for (const c of cells) if (c.mark === 'clear' || (c.mark && MARK_FILLS[c.mark])) latest.set(`${c.sheet}\u0000${c.row},${c.col}`, c);
  return [...latest.values()];
}

/** Addresses whose present fill must be known before marking them. */
export function fillAddresses(cells: CellEdit[]): { sheet: string; address: string }[] {
  return fillMarks(cells).map((c) => ({ sheet: c.sheet, address: a1(c.row, c.col) }));
}

/**
 * Mark fills, one range per same-coloured rectangle; `clear` marks take the fill away.
 * A colour someone chose is theirs: a cell filled with anything but white or one of this
 * add-in's colours keeps it (the finding still shows in the note and the pane), and a clear
 * removes only this add-in's colours. `current` holds the fills read before writing
 * (`sheet!A1` → colour, null when mixed); cells not in it (new sheets) are free.
 */
export function fillOps(cells: CellEdit[], current: ReadonlyMap<string, string | null> = new Map()): WriteOp[] {
  const ops: WriteOp[] = [];
  const mine = (c: CellEdit) => {
    const key = noteKey(c.sheet, a1(c.row, c.col));
    if (!current.has(key)) return true;
    const colour = current.get(key)?.toUpperCase();
    if (colour === undefined) return false;
    return c.mark === 'clear' ? OUR_FILLS.has(colour) : colour === NO_FILL || OUR_FILLS.has(colour);
  };
  for (const [sheet, list] of bySheet(fillMarks(cells).filter(mine))) {
    const rects = rectangles(
      list.map((c) => ({ row: c.row, col: c.col, item: c.mark === undefined || c.mark === 'clear' ? '' : (MARK_FILLS[c.mark] ?? '') })),
      (a, b) => a === b,
    );
    for (const rect of rects) {
      const colour = rect.items[0][0];
      ops.push({
        bytes: OP_OVERHEAD_BYTES,
        sheet,
        queue: (t) => {
          const fill = t.sheet(sheet).getRangeByIndexes(rect.row, rect.col, rect.items.length, rect.items[0].length).format.fill;
          if (colour === '') fill.clear();
          else fill.color = colour;
        },
      });
    }
  }
  return ops;
}

export const noteKey = cellKeyAt;

/**
 * The first line of every note this add-in writes: it tells a reader where the note came from,
 * and tells the add-in which notes it may replace or remove.
 */
export const NOTE_TAG = '【進捗チェック】';

/**
 * Notes (ExcelApi 1.18). `existing` holds the content of notes already on the cells. One of this
 * add-in's is deleted first (add() would fail); anyone else's note is left as it is, and the
 * finding shows in the fill and the pane instead.
 */
export function noteOps(cells: CellEdit[], existing: ReadonlyMap<string, string>): WriteOp[] {
  const latest = new Map<string, CellEdit>();
  for (const c of cells) if (noteOf(c) !== undefined) latest.set(noteKey(c.sheet, a1(c.row, c.col)), c);
  const ops: WriteOp[] = [];
  for (const [key, c] of latest) {
    const before = existing.get(key);
    if (before !== undefined && !before.startsWith(NOTE_TAG)) continue;
    const address = a1(c.row, c.col);
    const note = noteOf(c);
    if (note === undefined || (before === undefined && note === '')) continue;
    const content = `${NOTE_TAG}\n${note}`;
    ops.push({
      bytes: utf8Length(content) + OP_OVERHEAD_BYTES * 2,
      sheet: c.sheet,
      queue: (t) => {
        const notes = t.sheet(c.sheet).notes;
        if (before !== undefined) notes.getItem(address).delete();
        if (note !== '') notes.add(address, content);
      },
    });
  }
  return ops;
}

/** Rows written below the sheet's last used row. */
export function appendOps(sheet: string, startRow: number, rows: Scalar[][], budget: number): WriteOp[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return [];
  const items = rows.map((r) => Array.from({ length: width }, (_, c) => toOfficeValue(r[c])));
  return valueOps(sheet, { row: startRow, col: 0, items }, budget);
}

/**
 * Queues a load of the notes already on `at` (ExcelApi 1.18). After the sync, `read` gives their
 * content by `sheet!A1`; a cell without a note is left out.
 */
export function loadNotes(sheets: Excel.WorksheetCollection, at: { sheet: string; address: string }[]) {
  const probes = at.map((n) => ({ ...n, note: sheets.getItem(n.sheet).notes.getItemOrNullObject(n.address).load('content') }));
  return {
    queued: probes.length,
    read: () => new Map(probes.filter((p) => !p.note.isNullObject).map((p) => [noteKey(p.sheet, p.address), p.note.content])),
  };
}

/** Addresses whose note existence must be probed before writing (only when notes are used). */
export function noteAddresses(cells: CellEdit[]): { sheet: string; address: string }[] {
  const seen = new Map<string, { sheet: string; address: string }>();
  for (const c of cells) {
    if (noteOf(c) === undefined) continue;
    const address = a1(c.row, c.col);
    seen.set(noteKey(c.sheet, address), { sheet: c.sheet, address });
  }
  return [...seen.values()];
}
