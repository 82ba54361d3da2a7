import type { CellEdit } from '../edits';
import { cellAt, type CellRef, type GridCell, type Scalar, type SheetGrid, type WorkbookGrid } from '../grid';
import { cellKey, cellKeyAt } from '../keys';
import type { HistoryRow } from './ledger';

function id(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}

/**
 * The master as it will be once this compile is written: its cells with every change so
 * far laid over them, so each step sees what the steps before it decided. Nothing here
 * touches the master itself; the changes leave as CellEdits.
 */
export class MasterDraft {
  private readonly sheets: Map<string, SheetGrid>;
  private readonly overlay = new Map<string, { ref: CellRef; value: Scalar }>();
  private readonly marks = new Map<string, CellEdit>();
  /** Who last wrote each cell according to the 提出履歴: `sheet!A1` → 課 and value. */
  private readonly writers = new Map<string, { department: string; value: Scalar }>();

  constructor(master: WorkbookGrid, history: readonly HistoryRow[]) {
    this.sheets = new Map(master.sheets.map((s) => [s.name, s]));
    for (const h of history)
      if (h.sheet && h.cell) this.writers.set(cellKeyAt(h.sheet, h.cell), { department: h.department, value: h.value });
  }

  original(ref: CellRef): GridCell | undefined {
    const sheet = this.sheets.get(ref.sheet);
    return sheet ? cellAt(sheet, ref.row, ref.col) : undefined;
  }

  current(ref: CellRef): GridCell | undefined {
    const o = this.overlay.get(id(ref));
    if (!o) return this.original(ref);
    return o.value === null || o.value === '' ? undefined : { value: o.value };
  }

  set(ref: CellRef, value: Scalar): void {
    this.overlay.set(id(ref), { ref, value });
  }

  lastWriter(ref: CellRef): { department: string; value: Scalar } | undefined {
    return this.writers.get(cellKey(ref));
  }

  mark(ref: CellRef, edit: Omit<CellEdit, 'sheet' | 'row' | 'col'>): void {
    this.marks.set(id(ref), { ...ref, ...edit });
  }

  /** Values that differ from the master, then marks (a conflict's note) on top. */
  edits(): CellEdit[] {
    const out: CellEdit[] = [];
    for (const { ref, value } of this.overlay.values()) {
      const before = this.original(ref)?.value ?? '';
      if (before !== (value ?? '')) out.push({ ...ref, value });
    }
    for (const m of this.marks.values()) out.push(m);
    return out;
  }
}
