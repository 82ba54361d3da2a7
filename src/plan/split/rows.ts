import type { CellRef } from '../grid';
import { planDepartments, type PlanDepartments } from '../departments';
import { definitionOf } from '../definition/stored';
import { indicatorKeyOf, projectKeyOf, type RowKey } from '../keys';
import type { Indicator, IndicatorTable, Plan, Project } from '../model';
import { isShared, ownerOf } from './owners';

/**
 * The rows of a master that departments fill, each with a stable key and the cells that
 * are input cells for one fiscal year. Keys come from the plan model (Indicator.key,
 * Project.key) so a row is found again after other rows moved.
 */
export type Field = 'actual' | 'reason' | 'status' | 'achievement' | 'contribName' | 'contribValue';

export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  actual: '実績値',
  reason: '施策の実施状況・実績の増減理由等',
  status: '取組状況',
  achievement: '達成度',
  contribName: '内訳の事業名',
  contribValue: '内訳の実績',
};

interface RowBase {
  key: RowKey;
  sheet: string;
  row: number;
  /** The 課 that fills the row; undefined when its 担当 cell is empty. */
  owner?: string;
  /** For messages and the 提出履歴: the indicator (and series) or `No.3 事業名`. */
  label: string;
  inputs: Partial<Record<Field, CellRef>>;
  /** The unit figures in this row are in; a project row has none. */
  unit?: string;
}

/** A row of numbers: one series of an indicator (基本施策) or of the 全体指標 (survey). */
export interface IndicatorRow extends RowBase {
  kind: 'indicator' | 'survey';
  indicator: Indicator;
  table: IndicatorTable;
  series: number;
  /** Several departments feed this indicator (各課…取りまとめ). */
  shared: boolean;
}

export interface ProjectRow extends RowBase {
  kind: 'project';
  project: Project;
}

export type PlanRow = IndicatorRow | ProjectRow;

export function indicatorRowKey(ind: Indicator, series: number): RowKey {
  return indicatorKeyOf(ind.key, series);
}

export function projectRowKey(p: Project): RowKey {
  return projectKeyOf(p.key);
}

function indicatorRows(table: IndicatorTable, year: number, kind: 'indicator' | 'survey', departments: PlanDepartments): PlanRow[] {
  const col = table.years.find((y) => y.year === year && y.role === 'actual')?.col;
  const rows: PlanRow[] = [];
  for (const ind of table.indicators) {
    const owner = kind === 'survey' ? departments.coordinator : ownerOf(ind.department?.text, departments);
    ind.series.forEach((s, i) => {
      const inputs: PlanRow['inputs'] = {};
      if (col !== undefined) inputs.actual = { sheet: table.sheet, row: s.row, col };
      if (i === 0 && ind.reason) inputs.reason = ind.reason.ref;
      const label = ind.series.length > 1 ? `${ind.name}（${s.label ?? `${i + 1}行目`}）` : ind.name;
      rows.push({
        key: indicatorRowKey(ind, i),
        kind,
        sheet: table.sheet,
        row: s.row,
        owner,
        label,
        inputs,
        indicator: ind,
        table,
        series: i,
        unit: ind.unit,
        shared: kind === 'indicator' && isShared(ind.department?.text),
      });
    });
  }
  return rows;
}

/**
 * Every fillable row of the plan for `year`, each with the 課 of the plan's definition that fills it. Project rows carry their 取組状況 and 達成度
 * cells only when `projectInputs` is true (the 実施計画 is for `year`, or is rolled over to it).
 */
export function planRows(plan: Plan, year: number, projectInputs = true): PlanRow[] {
  const rows: PlanRow[] = [];
  const departments = planDepartments(definitionOf(plan));
  for (const p of plan.policies) if (p.table) rows.push(...indicatorRows(p.table, year, 'indicator', departments));
  if (plan.survey) rows.push(...indicatorRows(plan.survey, year, 'survey', departments));
  for (const p of plan.projects?.projects ?? []) {
    const inputs: PlanRow['inputs'] = {};
    if (projectInputs && p.status) inputs.status = p.status.ref;
    if (projectInputs && p.achievement) inputs.achievement = p.achievement.ref;
    rows.push({
      key: projectRowKey(p),
      kind: 'project',
      sheet: p.sheet,
      row: p.row,
      owner: ownerOf(p.department?.text, departments),
      label: `No.${p.no} ${p.name}`,
      inputs,
      project: p,
    });
  }
  return rows;
}

/** Keys that occur twice (a duplicated indicator or 事業 No.): such rows cannot be matched safely. */
export function duplicateKeys(rows: readonly PlanRow[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of rows) (seen.has(r.key) ? dup : seen).add(r.key);
  return dup;
}

/** How the 実施計画's year relates to the year being collected. */
export type ProjectYear = 'same' | 'rollover' | 'older';

export function projectYearState(plan: Plan, year: number): ProjectYear {
  const y = plan.projects?.year;
  if (y === undefined || y === year) return 'same';
  return y < year ? 'rollover' : 'older';
}
