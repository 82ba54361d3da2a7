/**
 * Small hand-built workbooks in the report's own layout, for tests that need one rule
 * or one column at a time. Rows are 0-based here; findings use A1 addresses.
 */
import type { GridCell, SheetGrid, WorkbookGrid } from '../../src/plan/grid';
import { DEFAULT_PLAN } from '../../src/plan/definition/default';

const POLICIES = DEFAULT_PLAN.policies;

export type CellInput = string | number | GridCell | null | undefined;

export const SHEET = '基本指標';

/** 基本指標 header as the report prints it (13 columns, A..M). */
// Copied from the published report, not from src/plan/layout/columns.ts: the recogniser is checked against the report.
export const INDICATOR_HEADER = [
  '基本指標項目',
  '説明',
  '策定時',
  '見直し時',
  '中間年度',
  '実績値',
  '',
  '',
  '',
  '進捗状況',
  '目標値',
  '施策の実施状況・実績の増減理由等',
  '担当所属',
];
export const YEAR_ROW = [
  '',
  '',
  '2016年度',
  '2020年度',
  '2021年度',
  '2022年度',
  '2023年度',
  '2024年度',
  '2025年度',
  '',
  '2025年度',
  '',
  '',
];

/** Column of each part in the standard layout (0-based). */
export const COL = {
  name: 0,
  description: 1,
  2016: 2,
  2020: 3,
  2021: 4,
  2022: 5,
  2023: 6,
  2024: 7,
  2025: 8,
  progress: 9,
  target: 10,
  reason: 11,
  department: 12,
} as const;

export interface IndicatorInput {
  name: string;
  description?: string;
  /** Values by fiscal year: 2016 策定時, 2020 見直し時, 2021 中間年度, 2022.. actuals. */
  values?: Partial<Record<2016 | 2020 | 2021 | 2022 | 2023 | 2024 | 2025, CellInput>>;
  progress?: CellInput;
  target?: CellInput;
  /** null leaves the cell empty; undefined gives a default reason. */
  reason?: string | null;
  department?: string | null;
}

export function cell(v: CellInput): GridCell | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object') return v;
  return { value: v };
}

/** One data row of a 基本指標 table in the standard 13-column layout. */
export function indicatorRow(ind: IndicatorInput): CellInput[] {
  const row: CellInput[] = new Array(INDICATOR_HEADER.length).fill(null);
  row[COL.name] = ind.name;
  row[COL.description] = ind.description ?? `${ind.name}の説明`;
  for (const [year, v] of Object.entries(ind.values ?? {})) row[COL[Number(year) as 2016]] = v;
  row[COL.progress] = ind.progress ?? null;
  row[COL.target] = ind.target ?? null;
  row[COL.reason] = ind.reason === undefined ? '事業を実施した。' : ind.reason;
  row[COL.department] = ind.department === undefined ? '生涯学習課' : ind.department;
  return row;
}

/** A second series row (小6 / 中3): values only. */
export function seriesRow(values: IndicatorInput['values'], target?: CellInput): CellInput[] {
  const row: CellInput[] = new Array(INDICATOR_HEADER.length).fill(null);
  for (const [year, v] of Object.entries(values ?? {})) row[COL[Number(year) as 2016]] = v;
  row[COL.target] = target ?? null;
  return row;
}

export interface PolicyBlockOptions {
  /** Write the `基本施策N …` heading row (default true). */
  heading?: boolean;
  /** 重点項目 rows to write before the table (the circled texts, e.g. `①…`). */
  keyPoints?: string[];
  /** ◇ sentence rows before the table. */
  sentences?: string[];
  header?: CellInput[];
  yearRow?: CellInput[];
}

/** Rows of one 基本施策 section: heading, (重点項目), (◇), header, year row, data. */
export function policyBlock(policy: number, body: CellInput[][], opts: PolicyBlockOptions = {}): CellInput[][] {
  const def = POLICIES.find((p) => p.number === policy)!;
  const rows: CellInput[][] = [];
  if (opts.heading ?? true) rows.push([`基本施策${policy} ${def.title}`]);
  rows.push([]);
  if (opts.keyPoints) {
    rows.push(['重点項目']);
    for (const k of opts.keyPoints) rows.push([k]);
    rows.push([]);
  }
  for (const s of opts.sentences ?? []) rows.push([s], []);
  rows.push(opts.header ?? INDICATOR_HEADER, opts.yearRow ?? YEAR_ROW, ...body);
  rows.push([]);
  return rows;
}

// The 実施計画 header as the report prints it, independent of layout/columns.ts projectHeader on purpose.
export const PROJECT_HEADER = [
  'No.',
  '2023 区分',
  '事業名',
  '事業計画 (2023)',
  '取組状況 (2023)',
  '達成度 (2023)',
  '担当課',
  'SDGs ゴール、 ターゲット',
  'SDGsの取り組み',
];
export const PCOL = { no: 0, category: 1, name: 2, plan: 3, status: 4, achievement: 5, department: 6, sdgs: 7, sdgsNote: 8 } as const;

export interface ProjectInput {
  no: number;
  name: string;
  status?: string;
  achievement?: string;
  department?: string;
  sdgs?: string;
}

export function projectRow(p: ProjectInput): CellInput[] {
  return [
    String(p.no),
    '継続',
    p.name,
    `${p.name}を実施します。`,
    p.status ?? `${p.name}を実施した。`,
    p.achievement ?? '4 予定どおり実施した（75%以上）',
    p.department ?? '教育総務部生涯学習課',
    p.sdgs ?? '17.17',
    '',
  ];
}

/** The 実施計画 table: header, a ◆基本施策 row, then the projects. */
export function projectBlock(policy: number, projects: ProjectInput[]): CellInput[][] {
  const def = POLICIES.find((p) => p.number === policy)!;
  return [PROJECT_HEADER, [`◆基本施策 ${policy} ${def.title}`], ...projects.map(projectRow), []];
}

export function sheet(rows: CellInput[][], name = SHEET): SheetGrid {
  return { name, rows: rows.map((r) => r.map(cell)) };
}

export function workbook(rows: CellInput[][], name = SHEET): WorkbookGrid {
  return { source: 'test.xlsx', sheets: [sheet(rows, name)] };
}

/** A1 address of a row/column given 0-based. */
export function addr(row: number, col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

/** Row (0-based) of the first row whose first cell is `text`. */
export function rowOf(rows: CellInput[][], text: string): number {
  const i = rows.findIndex((r) => r[0] === text);
  if (i < 0) throw new Error(`row ${text} not found`);
  return i;
}
