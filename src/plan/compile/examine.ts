import { DEFAULT_JUMP_RATIO } from '../engine';
import { a1 } from '../grid';
import { indicatorKeyOf, indicatorOfRowKey } from '../keys';
import { definitionOf } from '../definition/stored';
import { inputFindings } from '../input-findings';
import type { MasterView } from '../split';
import type { Manifest, ManifestRead } from '../split/manifest';
import { parseCell } from '../value';
import type { SubmissionInput } from './types';
import { readSubmitted, type Submitted } from './values';
import { verifyStructure } from './verify';

/** What compile learned about one submission before touching the master. */
export interface Examined {
  input: SubmissionInput;
  department?: string;
  manifest?: Manifest;
  /** Errors: any one rejects the whole file. Full sentences naming file, sheet and cell. */
  reasons: string[];
  warnings: string[];
  values: Submitted[];
}

export function located(file: string, sheet: string | undefined, cell: string | undefined, message: string): string {
  const where = `${sheet ? ` のシート「${sheet}」` : ''}${cell && !message.includes(cell) ? `${sheet ? '' : ' '}セル ${cell}` : ''}`;
  return `${file}${where}: ${message}`;
}

function checkIdentity(m: Manifest, view: MasterView, year: number, templateVersion: string, say: (msg: string) => void): void {
  const planName = definitionOf(view.plan).name;
  if (m.plan !== planName) say(`別の計画「${m.plan || '不明'}」のファイルです。${planName}のファイルを提出してください。`);
  if (m.templateVersion !== templateVersion) {
    say(`テンプレートの版 (${m.templateVersion || '不明'}) が取りまとめ用ブックの版 (${templateVersion}) と違います。今回配ったファイルに記入してください。`);
  }
  if (m.fiscalYear !== year) say(`${m.fiscalYear}年度のファイルです。今回の取りまとめは${year}年度です。${year}年度のファイルに記入してください。`);
  if (!view.departments.includes(m.department)) {
    say(`課「${m.department}」は取りまとめ用ブックに担当の行がありません。課名が違うか、別の取りまとめ用ブックから作ったファイルです。`);
  }
}

function checkContributions(values: readonly Submitted[], view: MasterView, file: string, reasons: string[]): void {
  for (const v of values) {
    if (v.input.field !== 'contribValue') continue;
    const p = parseCell(v.cell);
    const cell = a1(v.input.row, v.input.col);
    const say = (msg: string) => reasons.push(located(file, v.input.sheet, cell, msg));
    if (p.kind === 'invalid' || p.kind === 'none') say(`内訳の実績${p.raw ? `「${p.raw}」` : ''}を数値として読めません。数値だけを入力してください。`);
    else if (p.kind === 'number' && p.value !== undefined) {
      const indicatorKey = indicatorOfRowKey(v.input.key);
      const percent = (p.unit ?? (indicatorKey === undefined ? undefined : view.byKey.get(indicatorKeyOf(indicatorKey, 0))?.unit)) === '%';
      if (p.value < 0) say(`内訳の実績「${p.raw}」が負の数です。0 以上で入力してください。`);
      else if (percent && p.value > 100) say(`内訳の実績「${p.raw}」は割合として 0～100 の範囲を外れています。`);
    }
  }
}

/**
 * Everything that decides whether a file is taken: it opened, it is a department workbook
 * of this plan, year and template, for a department of this master, nothing locked was
 * changed, its values are plain data, and the plan's own checks find no error in what the
 * department entered. Findings on locked cells are the master's, not the department's.
 */
export function examine(
  input: SubmissionInput,
  read: ManifestRead | undefined,
  view: MasterView,
  year: number,
  templateVersion: string,
): Examined {
  const file = input.file;
  const reasons = (input.problems ?? []).map((p) => (p.startsWith(file) ? p : `${file}: ${p}`));
  const ex: Examined = { input, department: read?.department, reasons, warnings: [], values: [] };
  if (!input.grid || !read) return ex;
  for (const p of read.problems) reasons.push(`${file}: ${p}`);
  const m = read.manifest;
  if (!m) return ex;
  ex.manifest = m;
  checkIdentity(m, view, year, templateVersion, (msg) => reasons.push(`${file}: ${msg}`));
  const structure = verifyStructure(input.grid, m);
  for (const i of structure) reasons.push(located(file, i.sheet, i.cell, i.message));
  // A workbook whose rows moved cannot be read cell by cell: its values would land in the wrong rows.
  if (structure.length > 0) return ex;
  const { values, issues } = readSubmitted(input.grid, m.inputs);
  for (const i of issues) (i.severity === 'error' ? reasons : ex.warnings).push(located(file, i.sheet, i.cell, i.message));
  ex.values = values;
  checkContributions(values, view, file, reasons);
  for (const f of inputFindings(input.grid, m.inputs, { year, jumpRatio: DEFAULT_JUMP_RATIO, departments: new Set(view.departments) })) {
    (f.severity === 'error' ? reasons : ex.warnings).push(located(file, f.sheet, f.cell, f.message));
  }
  return ex;
}
