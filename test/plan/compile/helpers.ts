import * as fs from 'fs';
import * as path from 'path';
import type { SheetSpec, WorkbookEdits } from '../../../src/plan/edits';
import { cellAt, type GridCell, type Scalar, type SheetGrid, type WorkbookGrid } from '../../../src/plan/grid';
import { manifestRows, readManifest, type InputCell, type Manifest } from '../../../src/plan/split/manifest';
import { METADATA_SHEET } from '../../../src/plan/recognize/metadata';
import { splitMaster, type DepartmentWorkbook, type SplitResult } from '../../../src/plan/split';
import { ACHIEVEMENT_LEVELS } from '../../../src/plan/validate';
import { parseText } from '../../../src/plan/value';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import type { SubmissionInput } from '../../../src/plan/compile';

export const SAMPLE_MASTER = path.join(__dirname, '..', '..', '..', 'samples', 'master-2023.xlsx');

let sample: WorkbookGrid | undefined;

/** The committed FY2023 sample master, read once through the real file gateway. */
export async function sampleMaster(): Promise<WorkbookGrid> {
  if (!sample) {
    const wb = await FileWorkbook.fromBuffer(fs.readFileSync(SAMPLE_MASTER), 'master-2023.xlsx');
    sample = await wb.read();
  }
  return clone(sample);
}

export function clone(grid: WorkbookGrid): WorkbookGrid {
  return {
    source: grid.source,
    sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((c) => (c ? { ...c } : c))) })),
  };
}

function toCell(v: Scalar | undefined): GridCell | null {
  return v === null || v === undefined ? null : { value: v };
}

/** What the file gateway would read back from these SheetSpecs (values only). */
export function specsToGrid(source: string, sheets: readonly SheetSpec[]): WorkbookGrid {
  return {
    source,
    sheets: sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r) => r.map(toCell)),
      ...(s.state && s.state !== 'visible' ? { hidden: true } : {}),
    })),
  };
}

function lastValueRow(sheet: SheetGrid): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    if ((sheet.rows[r] ?? []).some((c) => c && c.value !== null && c.value !== '')) return r;
  }
  return -1;
}

function setCell(sheet: SheetGrid, row: number, col: number, v: Scalar): void {
  while (sheet.rows.length <= row) sheet.rows.push([]);
  const line = sheet.rows[row] ?? (sheet.rows[row] = []);
  while (line.length <= col) line.push(null);
  line[col] = toCell(v);
}

/** Applies WorkbookEdits to a grid the way the file gateway does (values only). */
export function applyEdits(grid: WorkbookGrid, edits: WorkbookEdits): WorkbookGrid {
  const out = clone(grid);
  for (const spec of edits.sheets ?? []) {
    const fresh = specsToGrid(out.source, [spec]).sheets[0];
    const at = out.sheets.findIndex((s) => s.name === spec.name);
    if (at >= 0) out.sheets[at] = fresh;
    else out.sheets.push(fresh);
  }
  for (const a of edits.appends ?? []) {
    let sheet = out.sheets.find((s) => s.name === a.sheet);
    if (!sheet) out.sheets.push((sheet = { name: a.sheet, rows: [] }));
    const start = lastValueRow(sheet) + 1;
    a.rows.forEach((row, r) => row.forEach((v, c) => v !== null && setCell(sheet, start + r, c, v)));
  }
  for (const e of edits.cells) {
    if (e.value === undefined) continue;
    setCell(
      out.sheets.find((s) => s.name === e.sheet)!,
      e.row,
      e.col,
      e.value,
    );
  }
  return out;
}

export function manifestOf(grid: WorkbookGrid): Manifest {
  const read = readManifest(grid);
  if (!read.manifest || read.problems.length > 0) throw new Error(read.problems.join('\n'));
  return read.manifest;
}

/** A deterministic, valid value for every input cell of a department workbook. */
export function fillValue(grid: WorkbookGrid, input: InputCell, salt = 0): Scalar {
  const sheet = grid.sheets.find((s) => s.name === input.sheet)!;
  const n = input.row * 31 + input.col + salt;
  switch (input.field) {
    case 'actual': {
      // One more than last year keeps 累計 indicators from falling.
      const prev = parseText(String(cellAt(sheet, input.row, input.col - 1)?.value ?? ''));
      const unit = prev.unit;
      const last = prev.kind === 'number' ? prev.value! : 10;
      return unit === '%' ? Math.min(100, Number((last + 0.5).toFixed(1))) : last + 1 + (salt % 3);
    }
    case 'contribValue':
      return 10 + (n % 50);
    case 'contribName':
      return String(input.base || `協働事業${n}`);
    case 'achievement':
      return ACHIEVEMENT_LEVELS[n % 4];
    default:
      return `${input.key.slice(4, 24)} の記入 ${input.field} ${salt}`;
  }
}

export function filled(grid: WorkbookGrid, fill: (input: InputCell) => Scalar | undefined = (i) => fillValue(grid, i)): WorkbookGrid {
  const out = clone(grid);
  for (const input of manifestOf(grid).inputs) {
    const v = fill(input);
    if (v === undefined) continue;
    setCell(
      out.sheets.find((s) => s.name === input.sheet)!,
      input.row,
      input.col,
      v,
    );
  }
  return out;
}

export function departmentGrid(d: DepartmentWorkbook): WorkbookGrid {
  return specsToGrid(d.fileName, d.sheets);
}

export function submission(grid: WorkbookGrid, file = grid.source, sha256 = `sha-${file}`): SubmissionInput {
  return { file, sha256, grid: { ...grid, source: file } };
}

export interface Split2024 {
  master: WorkbookGrid;
  split: SplitResult;
  /** Every department's workbook, filled, by department. */
  filledByDept: Map<string, SubmissionInput>;
}

export async function split2024(): Promise<Split2024> {
  const master = await sampleMaster();
  const split = splitMaster(master, { year: 2024, masterFile: 'master-2023.xlsx' });
  const filledByDept = new Map<string, SubmissionInput>();
  for (const d of split.departments) {
    const g = filled(departmentGrid(d));
    filledByDept.set(d.department, submission(g, d.fileName, `sha-${d.department}`));
  }
  return { master, split, filledByDept };
}

/** The sheets a person reads as the report, and the contribution ledger: everything but the 提出履歴. */
export function contentOf(grid: WorkbookGrid, skip: readonly string[] = ['提出履歴']): Record<string, (Scalar | undefined)[][]> {
  const out: Record<string, (Scalar | undefined)[][]> = {};
  for (const s of grid.sheets) {
    if (skip.includes(s.name)) continue;
    const rows = s.rows.map((r) => r.map((c) => (c?.value === '' ? null : (c?.value ?? null))));
    for (const r of rows) while (r.length > 0 && r[r.length - 1] === null) r.pop();
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    out[s.name] = rows;
  }
  return out;
}

/** Rewrites the hidden manifest (and its checksum), as a forger or another split would. */
export function withManifest(grid: WorkbookGrid, change: (m: Manifest) => void): WorkbookGrid {
  const out = clone(grid);
  const m = manifestOf(out);
  change(m);
  const sheet = out.sheets.find((s) => s.name === METADATA_SHEET)!;
  sheet.rows = manifestRows(m).map((r) => r.map(toCell));
  return out;
}

export function setValue(grid: WorkbookGrid, sheet: string, row: number, col: number, value: Scalar | GridCell): WorkbookGrid {
  const out = clone(grid);
  const s = out.sheets.find((x) => x.name === sheet)!;
  setCell(s, row, col, null);
  s.rows[row][col] = typeof value === 'object' && value !== null ? value : toCell(value);
  return out;
}
