import type { Scalar } from './grid';

/**
 * What the plan engine asks a gateway to write. Gateways apply a whole WorkbookEdits
 * in one go (one batch in Excel, one rebuilt file on disk).
 */
export type Mark = 'arrow' | 'sentence' | 'revised' | 'error' | 'warning' | 'input' | 'conflict' | 'clear';

export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  value?: Scalar;
  /**
   * A visual mark: a fill colour chosen by the gateway. `clear` takes a mark away again: the
   * fill is removed, and the note too where the gateway can remove notes.
   */
  mark?: Mark;
  /**
   * A note (cell comment) shown on hover; gateways without notes fall back to the mark. An
   * empty note removes the cell's note.
   */
  note?: string;
}

export interface ColumnSpec {
  width?: number;
  hidden?: boolean;
}

export interface ValidationSpec {
  /** A1 range on the sheet, e.g. `G5:G40`. */
  range: string;
  kind: 'list' | 'decimal' | 'whole';
  /** For list: the allowed entries. */
  list?: string[];
  min?: number;
  max?: number;
  prompt?: string;
  error?: string;
}

export interface SheetSpec {
  name: string;
  rows: Scalar[][];
  columns?: ColumnSpec[];
  /** Rows (0-based) drawn as headers. */
  headerRows?: number[];
  /** Rows (0-based) drawn as headings (bold, larger). */
  headingRows?: number[];
  /** Merged ranges in A1 form, e.g. `F6:I6`. */
  merges?: string[];
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Wrap text in every cell (long Japanese prose). */
  wrap?: boolean;
  protection?: { password?: string; unlocked: { row: number; col: number }[] };
  validations?: ValidationSpec[];
  /** Freeze panes below this many rows. */
  freezeRows?: number;
}

export interface WorkbookEdits {
  cells: CellEdit[];
  /** Sheets to create, or to replace entirely when a sheet of that name exists. */
  sheets?: SheetSpec[];
  /** Rows appended to an existing sheet (created from `sheets` when missing). */
  appends?: { sheet: string; rows: Scalar[][] }[];
}

export function emptyEdits(): WorkbookEdits {
  return { cells: [] };
}
