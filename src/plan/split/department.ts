import type { ValidationSpec } from '../edits';
import { cellAt, type Scalar, type SheetGrid, type WorkbookGrid } from '../grid';
import { INDICATOR_WIDTHS, PROJECT_WIDTHS } from '../layout/columns';
import type { IndicatorTable, Plan } from '../model';
import { definitionOf } from '../definition/stored';
import { ACHIEVEMENT_LEVELS } from '../validate';
import { SheetBuilder } from './builder';
import type { PlanRow, ProjectRow, ProjectYear } from './rows';
import type { Slot } from '../contribution/slots';

export interface DepartmentContext {
  master: WorkbookGrid;
  plan: Plan;
  year: number;
  department: string;
  rows: PlanRow[];
  slots: Slot[];
  projectYear: ProjectYear;
}

function cellScalar(sheet: SheetGrid | undefined, row: number, col: number): Scalar {
  const c = sheet && cellAt(sheet, row, col);
  if (!c) return '';
  if (c.error) return c.error;
  return c.value ?? '';
}

function copyRow(sheet: SheetGrid | undefined, row: number, width: number): Scalar[] {
  const out: Scalar[] = [];
  for (let c = 0; c < width; c++) out.push(cellScalar(sheet, row, c));
  return out;
}

function rowWidth(sheet: SheetGrid | undefined, rows: number[]): number {
  return rows.reduce((w, r) => Math.max(w, sheet?.rows[r]?.length ?? 0), 0);
}

export function reyear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g'), String(to));
}

export function actualValidation(row: PlanRow, year: number): Omit<ValidationSpec, 'range'> {
  const unit = row.unit ? `（単位: ${row.unit}）` : '';
  if (row.unit === '%') {
    return {
      kind: 'decimal',
      min: 0,
      max: 100,
      prompt: `${year}年度の実績値を 0～100 の数値で入力してください${unit}。75.6% は 75.6 と入力します。`,
      error: '0 から 100 までの数値を入力してください。',
    };
  }
  return {
    kind: 'decimal',
    min: 0,
    prompt: `${year}年度の実績値を数値で入力してください${unit}。単位は入力しません。`,
    error: '0 以上の数値を入力してください (単位は不要です)。',
  };
}

const ACHIEVEMENT_VALIDATION: Omit<ValidationSpec, 'range'> = {
  kind: 'list',
  list: [...ACHIEVEMENT_LEVELS],
  prompt: '達成度を一覧から選んでください。',
  error: '達成度は一覧の4つから選んでください。',
};

/** One table of a department's rows, written into a sheet in the master's order (`at`). */
export interface Block {
  at: number;
  write: (b: SheetBuilder) => void;
}

function indicatorBlock(ctx: DepartmentContext, sheet: SheetGrid | undefined, table: IndicatorTable, title: string): Block | undefined {
  const mine = ctx.rows.filter((r) => r.kind !== 'project' && r.table === table);
  if (mine.length === 0) return undefined;
  const headerRows: number[] = [];
  for (let r = table.headerRow; r < table.firstRow; r++) headerRows.push(r);
  const width = rowWidth(sheet, [...headerRows, ...mine.map((r) => r.row)]);
  return {
    at: table.headerRow,
    write: (b) => {
      b.blank();
      b.push([title], 'heading');
      b.push([]);
      for (const r of headerRows) b.push(copyRow(sheet, r, width), 'header');
      b.freezeRows = b.freezeRows ?? b.length;
      for (const row of mine) {
        const at = b.push(copyRow(sheet, row.row, width));
        b.keyRow(at, row.key);
        if (row.inputs.actual)
          b.input(at, row.inputs.actual.col, { key: row.key, field: 'actual', validation: actualValidation(row, ctx.year) });
        if (row.inputs.reason) b.input(at, row.inputs.reason.col, { key: row.key, field: 'reason' });
      }
    },
  };
}

function projectBlock(ctx: DepartmentContext, sheet: SheetGrid | undefined): Block | undefined {
  const table = ctx.plan.projects;
  const mine = ctx.rows.filter((r): r is ProjectRow => r.kind === 'project');
  if (!table || mine.length === 0) return undefined;
  const width = rowWidth(sheet, [table.headerRow, ...mine.map((r) => r.row)]);
  const from = ctx.projectYear === 'rollover' ? table.year : undefined;
  const header = copyRow(sheet, table.headerRow, width).map((v) =>
    from !== undefined && typeof v === 'string' ? reyear(v, from, ctx.year) : v,
  );
  return {
    at: table.headerRow,
    write: (b) => {
      b.blank();
      b.push([`${definitionOf(ctx.plan).name}_${ctx.year}実施計画`], 'heading');
      b.push(header, 'header');
      b.freezeRows = b.freezeRows ?? b.length;
      for (const def of definitionOf(ctx.plan).policies) {
        const rows = mine.filter((r) => r.project.policy === def.number);
        if (rows.length === 0) continue;
        b.push([`◆基本施策${def.number} ${def.title}`], 'heading');
        for (const row of rows) {
          const line = copyRow(sheet, row.row, width);
          // A new year's 取組状況 and 達成度 start empty: last year's text is not this year's report.
          if (from !== undefined) for (const ref of [row.inputs.status, row.inputs.achievement]) if (ref) line[ref.col] = '';
          const at = b.push(line);
          b.keyRow(at, row.key);
          if (row.inputs.status) b.input(at, row.inputs.status.col, { key: row.key, field: 'status' });
          if (row.inputs.achievement)
            b.input(at, row.inputs.achievement.col, { key: row.key, field: 'achievement', validation: ACHIEVEMENT_VALIDATION });
        }
      }
    },
  };
}

/** The department's tables found on one sheet of the master, in the order they appear there. */
export function sheetBlocks(ctx: DepartmentContext, sheet: SheetGrid): Block[] {
  const blocks: Block[] = [];
  for (const p of ctx.plan.policies) {
    if (p.table?.sheet !== sheet.name) continue;
    const title =
      `基本施策${p.number} ${p.title || definitionOf(ctx.plan).policies.find((d) => d.number === p.number)?.title || ''}`.trim();
    const block = indicatorBlock(ctx, sheet, p.table, title);
    if (block) blocks.push(block);
  }
  if (ctx.plan.survey?.sheet === sheet.name) {
    const block = indicatorBlock(ctx, sheet, ctx.plan.survey, '全体指標');
    if (block) blocks.push(block);
  }
  if (ctx.plan.projects?.sheet === sheet.name) {
    const block = projectBlock(ctx, sheet);
    if (block) blocks.push(block);
  }
  return blocks.sort((x, y) => x.at - y.at);
}

/** The department's copies of the master's sheets, in the master's order, only its rows. */
export function contentSheets(ctx: DepartmentContext): SheetBuilder[] {
  const out: SheetBuilder[] = [];
  for (const sheet of ctx.master.sheets) {
    const blocks = sheetBlocks(ctx, sheet);
    if (blocks.length === 0) continue;
    const projectsOnly = blocks.length === 1 && ctx.plan.projects?.sheet === sheet.name;
    const b = new SheetBuilder(sheet.name, projectsOnly ? PROJECT_WIDTHS : INDICATOR_WIDTHS);
    for (const block of blocks) block.write(b);
    out.push(b);
  }
  return out;
}
