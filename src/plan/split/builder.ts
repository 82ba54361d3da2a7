import type { CellEdit, ColumnSpec, SheetSpec, ValidationSpec } from '../edits';
import { a1, type Scalar } from '../grid';
import { scalarHash, encodeRowHashes } from './fingerprint';
import type { InputCell, LockedRow } from './manifest';
import type { Field } from './rows';

export interface InputSpec {
  key: string;
  field: Field;
  validation?: Omit<ValidationSpec, 'range'>;
}

/**
 * Collects one sheet of a department workbook: its rows, which cells are inputs (with
 * their base values and validation), row keys, and the styling hints of a SheetSpec.
 */
export class SheetBuilder {
  readonly rows: Scalar[][] = [];
  readonly inputs: InputCell[] = [];
  readonly rowKeys: { row: number; key: string }[] = [];
  readonly headerRows: number[] = [];
  readonly headingRows: number[] = [];
  private readonly validations = new Map<string, { spec: Omit<ValidationSpec, 'range'>; cells: string[] }>();
  freezeRows?: number;

  constructor(
    readonly name: string,
    readonly widths?: number[],
  ) {}

  get length(): number {
    return this.rows.length;
  }

  push(row: Scalar[], kind?: 'header' | 'heading'): number {
    const r = this.rows.length;
    this.rows.push(row);
    if (kind === 'header') this.headerRows.push(r);
    if (kind === 'heading') this.headingRows.push(r);
    return r;
  }

  blank(): void {
    if (this.rows.length > 0 && this.rows[this.rows.length - 1].length > 0) this.rows.push([]);
  }

  keyRow(row: number, key: string): void {
    this.rowKeys.push({ row, key });
  }

  input(row: number, col: number, spec: InputSpec): void {
    const line = this.rows[row];
    while (line.length <= col) line.push('');
    this.inputs.push({ sheet: this.name, row, col, key: spec.key, field: spec.field, base: line[col] ?? '' });
    if (spec.validation) {
      const id = JSON.stringify(spec.validation);
      const group = this.validations.get(id) ?? { spec: spec.validation, cells: [] };
      group.cells.push(a1(row, col));
      this.validations.set(id, group);
    }
  }

  get width(): number {
    return this.rows.reduce((w, r) => Math.max(w, r.length), 0);
  }

  /** Per-row hashes of every locked cell, as the manifest records them. */
  locks(): LockedRow[] {
    const width = this.width;
    const isInput = new Set(this.inputs.map((i) => `${i.row},${i.col}`));
    return this.rows.map((row, r) => {
      const hashes: string[] = [];
      for (let c = 0; c < width; c++) hashes.push(isInput.has(`${r},${c}`) ? '-' : scalarHash(row[c]));
      return { sheet: this.name, row: r, hashes: encodeRowHashes(hashes) };
    });
  }

  spec(password: string | undefined): SheetSpec {
    const columns: ColumnSpec[] | undefined = this.widths?.map((width) => ({ width }));
    return {
      name: this.name,
      rows: this.rows,
      columns,
      headerRows: this.headerRows,
      headingRows: this.headingRows,
      wrap: true,
      freezeRows: this.freezeRows,
      validations: [...this.validations.values()].map(({ spec, cells }) => ({ ...spec, range: cells.join(' ') })),
      protection: { password, unlocked: this.inputs.map(({ row, col }) => ({ row, col })) },
    };
  }

  marks(): CellEdit[] {
    return this.inputs.map(({ row, col }) => ({ sheet: this.name, row, col, mark: 'input' as const }));
  }
}
