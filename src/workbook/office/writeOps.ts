/// <reference types="office-js" />
import { a1, type Scalar } from '../../plan/grid';
import type { CellEdit } from '../../plan/edits';
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

/** Mark fills, one range per same-coloured rectangle; `clear` marks take the fill away. */
export function fillOps(cells: CellEdit[]): WriteOp[] {
  const ops: WriteOp[] = [];
  // The last mark of a cell wins, whether a colour or a clear.
  const latest = new Map<string, CellEdit>();
  for (const c of cells) if (c.mark === 'clear' || (c.mark && MARK_FILLS[c.mark])) latest.set(`${c.sheet}\u0000${c.row},${c.col}`, c);
  for (const [sheet, list] of bySheet([...latest.values()])) {
    const rects = rectangles(
      list.map((c) => ({ row: c.row, col: c.col, item: c.mark === 'clear' ? '' : MARK_FILLS[c.mark!]! })),
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

export const noteKey = (sheet: string, address: string) => `${sheet}!${address}`;

/** Notes (ExcelApi 1.18): an existing note on the cell is deleted first, since add() would fail. */
export function noteOps(cells: CellEdit[], existing: ReadonlySet<string>): WriteOp[] {
  const latest = new Map<string, CellEdit>();
  for (const c of cells) if (noteOf(c) !== undefined) latest.set(noteKey(c.sheet, a1(c.row, c.col)), c);
  return [...latest.values()].map((c) => {
    const address = a1(c.row, c.col);
    const note = noteOf(c)!;
    return {
      bytes: utf8Length(note) + OP_OVERHEAD_BYTES * 2,
      sheet: c.sheet,
      queue: (t) => {
        const notes = t.sheet(c.sheet).notes;
        if (existing.has(noteKey(c.sheet, address))) notes.getItem(address).delete();
        if (note !== '') notes.add(address, note);
      },
    };
  });
}

/** Rows written below the sheet's last used row. */
export function appendOps(sheet: string, startRow: number, rows: Scalar[][], budget: number): WriteOp[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return [];
  const items = rows.map((r) => Array.from({ length: width }, (_, c) => toOfficeValue(r[c])));
  return valueOps(sheet, { row: startRow, col: 0, items }, budget);
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
