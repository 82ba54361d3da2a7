import { rowKeyText } from '../keys';
import type { CellEdit, SheetSpec } from '../edits';
import type { SheetGrid, WorkbookGrid } from '../grid';
import type { Plan } from '../model';
import { definitionOf, resolveDefinition } from '../definition/stored';
import { planDepartments, type PlanDepartments } from '../departments';
import { recognize } from '../recognize';
import { METADATA_SHEET, readMetadata, TEMPLATE_VERSION } from '../recognize/metadata';
import { SheetBuilder } from './builder';
import { departmentContributionSheet } from '../contribution/department-sheet';
import { contentSheets, type DepartmentContext } from './department';
import { GUIDE_SHEET, guideLines } from './guide';
import { manifestRows, type Manifest } from './manifest';
import { departmentFileNames } from './owners';
import { duplicateKeys, planRows, projectYearState, type PlanRow, type ProjectYear } from './rows';
import { slotsFor, type Slot } from '../contribution/slots';
import { ContributionLedgerError, readContributionLedger, type LedgerContribution } from '../contribution/ledger';

export interface SplitOptions {
  /** Fiscal year to collect; default: the master's fiscal year. */
  year?: number;
  /** Sheet-protection password (protection is not security: it stops slips, not people). */
  password?: string;
  /** Name of the master file, recorded in each workbook. */
  masterFile?: string;
  /** When the split was made (recorded as given). */
  splitAt?: string;
}

export interface DepartmentWorkbook {
  department: string;
  fileName: string;
  sheets: SheetSpec[];
  cells: CellEdit[];
  counts: { indicatorRows: number; projects: number; contributions: number; inputs: number };
}

export interface SplitResult {
  year: number;
  projectYear: ProjectYear;
  departments: DepartmentWorkbook[];
  /** Japanese notes about rows that could not be handed out. */
  warnings: string[];
}

/** A master that cannot be split; the message is Japanese and names the file. */
export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

/** What split and compile both need to know about a master for one year. */
export interface MasterView {
  plan: Plan;
  year: number;
  projectYear: ProjectYear;
  rows: PlanRow[];
  /** The same rows by key. */
  byKey: Map<string, PlanRow>;
  slots: Slot[];
  /** The contributions the master has recorded (its contribution ledger). */
  ledger: LedgerContribution[];
  departments: string[];
  /** The coordinator and 課 of the plan's definition, which every owner is read against. */
  planDepartments: PlanDepartments;
  sheets: Map<string, SheetGrid>;
  warnings: string[];
  metadata: Map<string, string>;
}

function ledgerOf(master: WorkbookGrid): LedgerContribution[] {
  try {
    return readContributionLedger(master);
  } catch (err) {
    if (err instanceof ContributionLedgerError) throw new SplitError(err.message);
    throw err;
  }
}

export function masterYear(master: WorkbookGrid, plan?: Plan): number | undefined {
  return readMetadata(master).fiscalYear ?? plan?.reportYear;
}

export function viewMaster(master: WorkbookGrid, year: number | undefined): MasterView {
  const { plan } = recognize(master, resolveDefinition(master));
  const metadata = readMetadata(master).entries;
  const file = master.source;
  const tables = [...plan.policies.flatMap((p) => (p.table ? [p.table] : [])), ...(plan.survey ? [plan.survey] : [])];
  if (tables.length === 0 && !plan.projects) {
    throw new SplitError(
      `${file} に協働推進計画の表が見つかりません。取りまとめ用ブック (shinchoku init で作成したもの) を指定してください。`,
    );
  }
  if (metadata.get('kind') === 'department') {
    throw new SplitError(`${file} は各課の記入用ファイルです。取りまとめ用ブック（分割する前のブック）を指定してください。`);
  }
  const y = year ?? masterYear(master, plan);
  if (y === undefined) throw new SplitError(`${file} からは年度が分かりません。--year で年度を指定してください（例: --year 2024）。`);
  if (tables.length > 0 && !tables.some((t) => t.years.some((c) => c.role === 'actual' && c.year === y))) {
    throw new SplitError(`${file} の基本指標の表には ${y}年度の実績値の列がありません。年度を確かめてください。`);
  }
  const warnings: string[] = [];
  const projectYear = projectYearState(plan, y);
  if (projectYear === 'older') {
    warnings.push(
      `${file} の実施計画は${plan.projects?.year ?? ''}年度のものです。${y}年度の取組状況・達成度は配りません（指標だけを配ります）。`,
    );
  }
  const all = planRows(plan, y, projectYear !== 'older');
  const dup = duplicateKeys(all);
  for (const key of dup)
    warnings.push(`${file} に同じ指標・事業の行が2つ以上あります（${rowKeyText(key)}）。どちらの課にも配りません。重複を直してください。`);
  const rows = all.filter((r) => !dup.has(r.key));
  for (const r of rows) {
    if (!r.owner && Object.keys(r.inputs).length > 0) {
      // A 全体指標 row or a bare 各課 has an owner only through the definition's coordinator.
      const written = r.kind === 'project' ? r.project.department?.text : r.indicator.department?.text;
      const why = r.kind === 'survey' || written?.trim() ? '計画定義に取りまとめの課（coordinator）がないため' : '担当の課が空欄のため';
      warnings.push(`${file} のシート「${r.sheet}」${r.row + 1}行目（${r.label}）は${why}、どの課にも配りません。`);
    }
  }
  const sheets = new Map(master.sheets.map((s) => [s.name, s]));
  const ledger = ledgerOf(master);
  const known = planDepartments(definitionOf(plan));
  const slots = rows.flatMap((r) => (r.kind !== 'project' && r.shared && r.series === 0 ? slotsFor(r, ledger, y, sheets, known) : []));
  const departments = [
    ...new Set([...rows.map((r) => r.owner), ...slots.map((s) => s.department)].filter((d): d is string => Boolean(d))),
  ].sort();
  return {
    plan,
    year: y,
    projectYear,
    rows,
    byKey: new Map(rows.map((r) => [r.key, r])),
    slots,
    ledger,
    departments,
    planDepartments: known,
    sheets,
    warnings,
    metadata,
  };
}

/**
 * One workbook per department: its rows of the master in the master's layout, only the
 * year's input cells unlocked, validations on them, a 記入方法 sheet, and a hidden manifest.
 */
export function splitMaster(master: WorkbookGrid, options: SplitOptions = {}): SplitResult {
  const view = viewMaster(master, options.year);
  const names = departmentFileNames(view.departments);
  const departments = view.departments.map((department, i) => departmentWorkbook(master, view, department, options, names[i]));
  return { year: view.year, projectYear: view.projectYear, departments, warnings: view.warnings };
}

/** What every manifest says of where it came from, for a department's workbook or sheet alike. */
export function manifestHead(view: MasterView, department: string, options: { masterFile?: string; splitAt?: string }) {
  return {
    plan: definitionOf(view.plan).name,
    templateVersion: view.metadata.get('templateVersion') || TEMPLATE_VERSION,
    fiscalYear: view.year,
    department,
    masterFile: options.masterFile,
    splitAt: options.splitAt,
  };
}

/** What a department's workbook or sheet is built from: the master, seen for one department. */
export function departmentContext(master: WorkbookGrid, view: MasterView, department: string): DepartmentContext {
  return {
    master,
    plan: view.plan,
    year: view.year,
    department,
    rows: view.rows.filter((r) => r.owner === department),
    slots: view.slots,
    projectYear: view.projectYear,
  };
}

function departmentWorkbook(
  master: WorkbookGrid,
  view: MasterView,
  department: string,
  options: SplitOptions,
  fileName: string,
): DepartmentWorkbook {
  const ctx = departmentContext(master, view, department);
  const content = contentSheets(ctx);
  const contrib = departmentContributionSheet(ctx);
  if (contrib) content.push(contrib);
  const counts = {
    indicatorRows: ctx.rows.filter((r) => r.kind !== 'project').length,
    projects: ctx.rows.filter((r) => r.kind === 'project').length,
    contributions: contrib ? contrib.rowKeys.length : 0,
    inputs: content.reduce((n, b) => n + b.inputs.length, 0),
  };
  const guide = new SheetBuilder(GUIDE_SHEET, [120]);
  guideLines({
    planName: definitionOf(view.plan).name,
    department,
    year: view.year,
    fileName,
    rolledOver: view.projectYear === 'rollover',
    ...counts,
  }).forEach((l, i) => guide.push([l], i === 0 ? 'heading' : undefined));
  const builders = [guide, ...content];
  const manifest: Manifest = {
    ...manifestHead(view, department, options),
    sheets: builders.map((b) => ({ name: b.name, rows: b.length, cols: b.width })),
    rows: builders.flatMap((b) => b.rowKeys.map((k) => ({ sheet: b.name, ...k }))),
    inputs: builders.flatMap((b) => b.inputs),
    locks: builders.flatMap((b) => b.locks()),
  };
  const sheets = [
    ...builders.map((b) => b.spec(options.password)),
    { name: METADATA_SHEET, rows: manifestRows(manifest), state: 'veryHidden' as const },
  ];
  return { department, fileName, sheets, cells: builders.flatMap((b) => b.marks()), counts };
}
