import { cellAt, rowAt, type GridCell, type SheetGrid } from '../grid';
import { oneLine, scalarText } from '../text';

/** Read-only helpers over one sheet's rows, so table readers stay about tables. */
export class SheetView {
  readonly width: number;
  // Table detection asks about the same rows many times; each row is cleaned once.
  private readonly textCache = new Map<number, string[]>();
  private readonly filledCache = new Map<number, number[]>();
  private readonly signatureCache = new Map<number, string>();
  constructor(readonly sheet: SheetGrid) {
    this.width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  }
  private hiddenSet?: Set<number>;
  isHidden(row: number): boolean {
    this.hiddenSet = this.hiddenSet ?? new Set(this.sheet.hiddenRows ?? []);
    return this.hiddenSet.has(row);
  }
  get name(): string {
    return this.sheet.name;
  }
  get height(): number {
    return this.sheet.rows.length;
  }
  cell(row: number, col: number): GridCell | undefined {
    return cellAt(this.sheet, row, col);
  }
  /** Cell text on one line, cleaned; '' for empty or non-text-like cells. */
  text(row: number, col: number): string {
    let texts = this.textCache.get(row);
    if (!texts) {
      const r = this.sheet.rows[row] ?? [];
      texts = Array.from({ length: r.length }, (_, i) => {
        const c = r[i];
        if (!c) return '';
        return c.error ? c.error : oneLine(scalarText(c.value));
      });
      this.textCache.set(row, texts);
    }
    return texts[col] ?? '';
  }
  /** Text as typed, before NFKC (which would turn ① into 1). */
  rawText(row: number, col: number): string {
    const c = this.cell(row, col);
    return c && typeof c.value === 'string' ? c.value.trim() : '';
  }
  /** Multi-line text kept as typed (reasons, plans), cleaned of extraction artefacts. */
  longText(row: number, col: number): string {
    const c = this.cell(row, col);
    if (!c || c.value === null) return '';
    return oneLine(scalarText(c.value));
  }
  /** Columns of a row that hold anything. */
  filled(row: number): number[] {
    const cached = this.filledCache.get(row);
    if (cached) return cached;
    const r = rowAt(this.sheet, row);
    const out: number[] = [];
    this.filledCache.set(row, out);
    if (!r) return out;
    for (let c = 0; c < r.length; c++) {
      const cell = r[c];
      if (cell && (cell.error || (cell.value !== null && String(cell.value).trim() !== ''))) out.push(c);
    }
    return out;
  }
  /** The row's texts without spaces, joined: to compare rows and look for key words cheaply. */
  signature(row: number): string {
    let sig = this.signatureCache.get(row);
    if (sig === undefined) {
      sig = this.filled(row)
        .map((c) => (this.rawText(row, c) || this.text(row, c)).replace(/\s+/g, ''))
        .join('|');
      this.signatureCache.set(row, sig);
    }
    return sig;
  }
  isBlank(row: number): boolean {
    return this.filled(row).length === 0;
  }
  /** The first non-empty text of a row, and where. */
  lead(row: number): { col: number; text: string } | undefined {
    const cols = this.filled(row);
    if (cols.length === 0) return undefined;
    return { col: cols[0], text: this.text(row, cols[0]) };
  }
}
