/// <reference types="office-js" />
import type { SheetSpec, WorkbookEdits } from '../../plan/edits';
import { sheetSpecOps } from './sheetSpecs';
import { OP_OVERHEAD_BYTES } from './writeBlocks';
import { appendOps, cellValueOps, fillOps, type WriteOp } from './writeOps';

/** A worksheet as found in the first sync of apply(). */
export interface SheetInfo {
  name: string;
  position: number;
  protected: boolean;
  options?: Excel.WorksheetProtectionOptions;
}

export interface WritePlan {
  /** Every change, in order; split across syncs only when the payload demands it. */
  ops: WriteOp[];
  /** Visibility and protection of built sheets, queued after every other change. */
  finish: WriteOp[];
  /** Existing protected sheets the ops touch: unprotected first, protected again last. */
  unprotect: SheetInfo[];
}

/**
 * Sheet specs to build. A spec for a sheet that also receives appends only creates it when it is
 * missing; an existing one keeps its rows and gets the new ones below.
 */
export function specsToBuild(edits: WorkbookEdits, existing: ReadonlyMap<string, SheetInfo>): SheetSpec[] {
  const appendTargets = new Set((edits.appends ?? []).map((a) => a.sheet));
  return (edits.sheets ?? []).filter((s) => !(appendTargets.has(s.name) && existing.has(s.name)));
}

/** The first sheet a cell edit names that neither exists nor is built by these edits. */
export function missingSheet(edits: WorkbookEdits, existing: ReadonlyMap<string, SheetInfo>, specs: SheetSpec[]): string | undefined {
  const built = new Set(specs.map((s) => s.name));
  return edits.cells.find((c) => !existing.has(c.sheet) && !built.has(c.sheet))?.sheet;
}

export function planWrites(input: {
  edits: WorkbookEdits;
  existing: ReadonlyMap<string, SheetInfo>;
  specs: SheetSpec[];
  /** Row (0-based) below the used range of each existing append target. */
  appendStart: ReadonlyMap<string, number>;
  /** Content of the notes already on the cells that get one, by `sheet!A1`. */
  existingNotes: ReadonlyMap<string, string>;
  /** Fill colours of the cells that get a mark, by `sheet!A1`, read before writing. */
  currentFills?: ReadonlyMap<string, string | null>;
  /** noteOps where the host has notes (ExcelApi 1.18), handed over from behind the guard. */
  writeNotes?: (cells: WorkbookEdits['cells'], existing: ReadonlyMap<string, string>) => WriteOp[];
  budget: number;
}): WritePlan {
  const { edits, existing, specs, budget } = input;
  const appendStart = new Map(input.appendStart);
  const created = new Set(specs.map((s) => s.name));
  const ops: WriteOp[] = [];
  const finish: WriteOp[] = [];

  for (const spec of specs) {
    const built = sheetSpecOps(spec, existing.get(spec.name), budget);
    ops.push(...built.ops);
    finish.push(...built.finish);
    appendStart.set(spec.name, spec.rows.length);
  }
  ops.push(...cellValueOps(edits.cells, budget), ...fillOps(edits.cells, input.currentFills));
  if (input.writeNotes) ops.push(...input.writeNotes(edits.cells, input.existingNotes));
  for (const append of edits.appends ?? []) {
    if (!existing.has(append.sheet) && !created.has(append.sheet)) {
      created.add(append.sheet);
      ops.push({
        bytes: OP_OVERHEAD_BYTES,
        sheet: append.sheet,
        queue: (t) => t.define(append.sheet, t.ctx.workbook.worksheets.add(append.sheet)),
      });
    }
    const start = appendStart.get(append.sheet) ?? 0;
    ops.push(...appendOps(append.sheet, start, append.rows, budget));
    appendStart.set(append.sheet, start + append.rows.length);
  }

  const touched = new Set(ops.map((o) => o.sheet));
  const unprotect = [...touched]
    .map((name) => existing.get(name))
    .filter((s): s is SheetInfo => !!s && s.protected && !created.has(s.name));
  return { ops, finish, unprotect };
}
