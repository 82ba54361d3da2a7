import { cellAt, type WorkbookGrid } from '../grid';
import type { Indicator, IndicatorTable, Plan } from '../model';
import { parseDepartment } from '../departments';
import { recognize } from '../recognize';
import { readMetadata } from '../recognize/metadata';
import { scalarText } from '../text';
import { parseFiscalYear } from '../years';
import { storedDefinition } from './stored';
import type { IndicatorDefinition, PlanDefinition, ReferencePoint } from './types';

export interface Inference {
  definition: PlanDefinition;
  /** What the tables did not say and had to be guessed, in Japanese, to check by hand. */
  guesses: string[];
}

const ROLE_ORDER = ['baseline', 'review', 'midterm'] as const;
const TITLE = /^(.+?計画)/u;
const PERIOD = /(\d{4})\s*(?:\([^)]*\))?\s*年度?から\s*(\d{4})\s*(?:\([^)]*\))?\s*年度?まで/u;

function text(grid: WorkbookGrid, sheet: string, row: number, col: number): string {
  const s = grid.sheets.find((x) => x.name === sheet);
  return s ? scalarText(cellAt(s, row, col)?.value).trim() : '';
}

function allTexts(grid: WorkbookGrid): string[] {
  // flatMap skips the holes of a sparse sheet.
  return grid.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => scalarText(c?.value))));
}

function indicatorDefinition(ind: Indicator): IndicatorDefinition {
  const out: IndicatorDefinition = { name: ind.name };
  if (ind.unit) out.unit = ind.unit;
  if (ind.direction) out.direction = ind.direction;
  if (ind.cumulative) out.cumulative = true;
  const owner = ind.department?.text ? parseDepartment(ind.department.text).key : '';
  if (owner) out.owners = [owner];
  return out;
}

function referencePoints(
  grid: WorkbookGrid,
  tables: IndicatorTable[],
  survey: IndicatorTable | undefined,
  guesses: string[],
): ReferencePoint[] {
  const label = (t: IndicatorTable | undefined, role: string) => {
    const y = t?.years.find((x) => x.role === role);
    return t && y ? text(grid, t.sheet, t.headerRow, y.col) : '';
  };
  const out: ReferencePoint[] = [];
  for (const role of ROLE_ORDER) {
    const t = tables.find((x) => x.years.some((y) => y.role === role));
    const y = t?.years.find((x) => x.role === role);
    if (!t || !y) continue;
    const point: ReferencePoint = { role, label: label(t, role) || role, year: y.year };
    const surveyLabel = label(survey, role);
    if (surveyLabel && surveyLabel !== point.label) point.surveyLabel = surveyLabel;
    out.push(point);
  }
  if (out.length === 0) guesses.push('referencePoints: 策定時・見直し時・中間年度の列が見つかりません。手で書き入れてください。');
  return out;
}

function targetYear(grid: WorkbookGrid, tables: IndicatorTable[], guesses: string[]): number {
  for (const t of tables) {
    if (t.targetCol === undefined) continue;
    const y = parseFiscalYear(text(grid, t.sheet, t.headerRow + 1, t.targetCol));
    if (y !== undefined) return y;
  }
  const actuals = tables.flatMap((t) => t.years.filter((y) => y.role === 'actual').map((y) => y.year));
  const last = actuals.length ? Math.max(...actuals) : new Date().getFullYear();
  guesses.push(`targetYear: 目標値の列に年度がないため、最後の実績の列の年度 ${last} としました。`);
  return last;
}

function planName(grid: WorkbookGrid, guesses: string[]): string {
  const stored = readMetadata(grid).entries.get('plan');
  if (stored) return stored;
  for (const t of allTexts(grid)) {
    const m = TITLE.exec(t.trim());
    if (m) {
      guesses.push(`name: 表題「${t.trim()}」から「${m[1]}」としました。`);
      return m[1];
    }
  }
  guesses.push('name: 計画の名前が見つからないため「計画」としました。');
  return '計画';
}

function period(grid: WorkbookGrid, refs: ReferencePoint[], target: number, guesses: string[]): PlanDefinition['period'] {
  for (const t of allTexts(grid)) {
    const m = PERIOD.exec(t);
    if (m) return { first: Number(m[1]), last: Number(m[2]) };
  }
  const baseline = refs.find((r) => r.role === 'baseline')?.year;
  // A plan is drafted the year after its baseline figures and starts the year after that.
  const first = baseline !== undefined ? Math.min(baseline + 2, target) : target;
  guesses.push(`period.first: 計画期間の記載がないため、策定時の年度の2年後 ${first} としました。`);
  return { first, last: target };
}

function departments(plan: Plan): string[] {
  const keys = new Set<string>();
  const add = (t: string | undefined) => {
    const key = t ? parseDepartment(t).key : '';
    if (key && key !== '各課') keys.add(key);
  };
  for (const p of plan.policies) for (const i of p.table?.indicators ?? []) add(i.department?.text);
  const owners = [...keys];
  // 実施計画 may shorten the 部 in front (`こども子育て給付課`): that is the indicator's 課, not another one.
  for (const p of plan.projects?.projects ?? []) {
    const key = p.department?.text ? parseDepartment(p.department.text).key : '';
    add(owners.find((o) => key.endsWith(o)) ?? key);
  }
  return [...keys].sort();
}

/** The 課 named in `各課（…取りまとめ）`, else the one the workbook's stored definition names. */
function coordinator(grid: WorkbookGrid, plan: Plan, guesses: string[]): string | undefined {
  const counts = new Map<string, number>();
  const indicators = [...plan.policies.flatMap((p) => p.table?.indicators ?? []), ...(plan.survey?.indicators ?? [])];
  for (const ind of indicators) {
    const d = ind.department?.text ? parseDepartment(ind.department.text) : undefined;
    if (d?.shared && d.key !== '各課') counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
  }
  const named = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (named) return named;
  let stored: string | undefined;
  try {
    stored = storedDefinition(grid)?.coordinator;
  } catch {
    // A broken stored definition is what infer is run to replace; the tables are read instead.
  }
  if (!stored)
    guesses.push(
      'coordinator: 「各課（…取りまとめ）」の指標がないため、取りまとめの課が分かりません。全体指標を受け持つ課を書き入れてください。',
    );
  return stored;
}

/** A definition read back from a report or master: what its tables show, and what was guessed. */
export function inferPlanDefinition(grid: WorkbookGrid): Inference {
  const guesses: string[] = [];
  const { plan } = recognize(grid);
  const tables = [...plan.policies.flatMap((p) => (p.table ? [p.table] : [])), ...(plan.survey ? [plan.survey] : [])];
  const refs = referencePoints(grid, tables, plan.survey, guesses);
  const target = targetYear(grid, tables, guesses);
  const definition: PlanDefinition = {
    name: planName(grid, guesses),
    period: period(grid, refs, target, guesses),
    referencePoints: refs,
    targetYear: target,
    policies: [...plan.policies]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({
        number: p.number,
        title: p.title,
        keyPoints: p.keyPoints,
        indicators: (p.table?.indicators ?? []).map(indicatorDefinition),
      })),
  };
  if (plan.survey) definition.surveyIndicators = plan.survey.indicators.map(indicatorDefinition);
  const lead = coordinator(grid, plan, guesses);
  if (lead) definition.coordinator = lead;
  const deps = departments(plan);
  if (deps.length) definition.departments = deps;
  if (plan.projects) {
    const pt = plan.projects;
    const columns = Object.values(pt.columns)
      .sort((a, b) => a - b)
      .map((c) => text(grid, pt.sheet, pt.headerRow, c))
      .filter(Boolean)
      // Headers name the report's year; the definition serves every year.
      .map((h) => (pt.year !== undefined ? h.split(String(pt.year)).join('{year}') : h));
    const categories = [...new Set(pt.projects.map((p) => p.category.trim()).filter(Boolean))];
    definition.projects = { columns, categories };
  }
  for (const p of plan.policies) if (!p.title) guesses.push(`policies: 基本施策${p.number}の題名が見つかりません。`);
  return { definition, guesses };
}
