import { a1, parseA1, type Scalar, type WorkbookGrid } from '../grid';
import { METADATA_SHEET } from '../recognize/metadata';
import { scalarText } from '../text';
import { canonValue } from './fingerprint';
import { Fnv64 } from './hash';
import type { Field } from './rows';

/**
 * What a department workbook's hidden sheet (_shinchoku) records, one entry per row:
 * who and what it is for, where every row and input cell is, the input cells' values at
 * split time (the base of the three-way merge), and a fingerprint of every locked cell.
 * A checksum over all of it makes an edit of the sheet itself visible.
 */
export const DEPARTMENT_KIND = 'department';
export const FIELDS: readonly Field[] = ['actual', 'reason', 'status', 'achievement', 'contribName', 'contribValue'];

export interface InputCell {
  sheet: string;
  row: number;
  col: number;
  /** Row key (rows.ts) or, for a contribution, `ctb:<indicator key>|<課>|<n>`. */
  key: string;
  field: Field;
  base: Scalar;
}

export interface SheetShape {
  name: string;
  rows: number;
  cols: number;
}

export interface LockedRow {
  sheet: string;
  row: number;
  /** One hash per column; `-` for an input cell. */
  hashes: string;
}

export interface Manifest {
  plan: string;
  templateVersion: string;
  fiscalYear: number;
  department: string;
  masterFile?: string;
  splitAt?: string;
  sheets: SheetShape[];
  rows: { sheet: string; row: number; key: string }[];
  inputs: InputCell[];
  locks: LockedRow[];
}

/**
 * FNV-1a over every row, fed piece by piece (no joined copy of the sheet). Trailing empty
 * cells are left out and an empty string counts as empty: Excel does not keep either.
 */
function checksum(rows: readonly (readonly Scalar[])[]): string {
  const h = new Fnv64();
  for (const r of rows) {
    let end = r.length;
    while (end > 0 && canonValue(r[end - 1]) === '') end--;
    for (let i = 0; i < end; i++) {
      const v = r[i];
      if (v !== null && v !== '') h.text(typeof v === 'string' ? `s${v.replace(/\r\n?/g, '\n')}` : `${typeof v}${String(v)}`);
      h.byte(0x02);
    }
    h.byte(0x03);
  }
  return h.hex();
}

export function manifestRows(m: Manifest): Scalar[][] {
  const rows: Scalar[][] = [
    ['plan', m.plan],
    ['templateVersion', m.templateVersion],
    ['fiscalYear', String(m.fiscalYear)],
    ['kind', DEPARTMENT_KIND],
    ['department', m.department],
  ];
  if (m.masterFile) rows.push(['masterFile', m.masterFile]);
  if (m.splitAt) rows.push(['splitAt', m.splitAt]);
  for (const s of m.sheets) rows.push(['sheet', s.name, s.rows, s.cols]);
  for (const r of m.rows) rows.push(['row', r.sheet, a1(r.row, 0), r.key]);
  for (const i of m.inputs) rows.push(['input', i.sheet, a1(i.row, i.col), i.key, i.field, i.base]);
  for (const l of m.locks) rows.push(['lock', l.sheet, l.row, l.hashes]);
  rows.push(['checksum', checksum(rows)]);
  return rows;
}

export interface ManifestRead {
  manifest?: Manifest;
  /** Japanese reasons the sheet cannot be trusted or is not a department workbook's. */
  problems: string[];
  /** The department named, even when something else is wrong (to spot two files of one 課). */
  department?: string;
  fiscalYear?: number;
}

export function readManifest(grid: WorkbookGrid): ManifestRead {
  const sheet = grid.sheets.find((s) => s.name === METADATA_SHEET);
  if (!sheet) {
    return {
      problems: [
        '管理用の隠しシートがありません。split で作った各課の提出用ファイルではないか、別のブックに写したものです。配られたファイルに記入して提出してください。',
      ],
    };
  }
  const raw: Scalar[][] = [];
  let stored: string | undefined;
  for (const row of sheet.rows) {
    const cells = row.map((c) => (c ? (c.error ? c.error : c.value) : null));
    while (cells.length > 0 && canonValue(cells[cells.length - 1]) === '') cells.pop();
    if (cells.length === 0) continue;
    if (scalarText(cells[0]) === 'checksum') {
      stored = scalarText(cells[1]);
      break;
    }
    raw.push(cells);
  }
  const text = (r: readonly Scalar[], i: number) => scalarText(r[i]).trim();
  const entries = new Map<string, string>();
  for (const r of raw) if (!entries.has(text(r, 0))) entries.set(text(r, 0), text(r, 1));
  const department = entries.get('department') || undefined;
  const fy = Number(entries.get('fiscalYear'));
  const fiscalYear = Number.isInteger(fy) && fy > 0 ? fy : undefined;
  const problems: string[] = [];
  if (entries.get('kind') !== DEPARTMENT_KIND) {
    problems.push('各課の提出用ファイルではありません (取りまとめ用ブックなど)。split で作ったファイルを提出してください。');
    return { problems, department, fiscalYear };
  }
  // The checksum is compared on the canonical text, as the rows were written.
  if (stored === undefined || checksum(raw) !== stored) {
    problems.push('管理用の隠しシートの内容が変更されています。配られたファイルに記入し直して提出してください。');
  }
  if (!department) problems.push('管理用の隠しシートに課名がありません。');
  if (!fiscalYear) problems.push('管理用の隠しシートに年度がありません。');
  const m: Manifest = {
    plan: entries.get('plan') ?? '',
    templateVersion: entries.get('templateVersion') ?? '',
    fiscalYear: fiscalYear ?? 0,
    department: department ?? '',
    masterFile: entries.get('masterFile'),
    splitAt: entries.get('splitAt'),
    sheets: [],
    rows: [],
    inputs: [],
    locks: [],
  };
  for (const r of raw) {
    const kind = text(r, 0);
    if (kind === 'sheet') m.sheets.push({ name: text(r, 1), rows: Number(r[2]) || 0, cols: Number(r[3]) || 0 });
    else if (kind === 'row' || kind === 'input') {
      const pos = parseA1(text(r, 2));
      if (!pos) {
        problems.push(`管理用の隠しシートのセル番地「${text(r, 2)}」が読めません。`);
        continue;
      }
      if (kind === 'row') m.rows.push({ sheet: text(r, 1), row: pos.row, key: text(r, 3) });
      else {
        const field = text(r, 4) as Field;
        if (!FIELDS.includes(field)) problems.push(`管理用の隠しシートの項目「${text(r, 4)}」が読めません。`);
        else m.inputs.push({ sheet: text(r, 1), row: pos.row, col: pos.col, key: text(r, 3), field, base: r[5] ?? '' });
      }
    } else if (kind === 'lock') m.locks.push({ sheet: text(r, 1), row: Number(r[2]) || 0, hashes: scalarText(r[3]) });
  }
  return problems.length > 0 ? { problems, department, fiscalYear, manifest: m } : { manifest: m, problems, department, fiscalYear };
}
