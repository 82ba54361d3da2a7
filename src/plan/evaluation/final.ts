import type { GradeBand, PlanDefinition } from '../definition/types';
import type { Indicator, IndicatorTable, Plan, Series, YearColumn } from '../model';
import { directionOf, seriesOutcome } from '../progress';

/**
 * The plan's final evaluation, made in the report of its target year: each indicator 達成 /
 * 未達成 with its 達成率 ((実績−基準)/(目標−基準)), an optional S/A/B/C/D grade from the
 * definition's bands, and per 施策 how many reached their targets.
 */
export type Verdict = '達成' | '未達成' | '判定できません';

export interface IndicatorEvaluation {
  key: string;
  policy: number;
  name: string;
  row: number;
  sheet: string;
  verdict: Verdict;
  /** Percent, rounded to one decimal; undefined when it cannot be worked out. */
  rate?: number;
  grade?: string;
  base?: number;
  baseYear?: number;
  target?: number;
  actual?: number;
  /** Why the rate is what it is when the formula does not apply plainly. */
  note?: string;
}

export interface PolicyEvaluation {
  number: number;
  title: string;
  total: number;
  achieved: number;
  notJudged: number;
  sentence: string;
}

export interface FinalEvaluation {
  year: number;
  indicators: IndicatorEvaluation[];
  policies: PolicyEvaluation[];
  total: number;
  achieved: number;
  /** Indicators without the final year's figure or a target: counted neither as 達成 nor as 未達成. */
  notJudged: number;
  sentence: string;
}

function notJudgedNote(count: number, year: number): string {
  return `（${count}項目は${year}年度の実績値か目標値がないため判定していません。）`;
}

const DEFAULT_POLICY_SENTENCE = '◇ 基本指標{total}項目のうち、{achieved}項目が目標値を達成し、{notAchieved}項目が未達成でした。';
const DEFAULT_OVERALL_SENTENCE = '◇ 計画の最終年度（{year}年度）の基本指標{total}項目のうち、{achieved}項目が目標値を達成しました。';

export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

function numberAt(s: Series, year: number): number | undefined {
  const p = s.values.get(year)?.parsed;
  return p?.kind === 'number' ? p.value : undefined;
}

/** The 基準: the plan's 策定時 figure, or the earliest reference point the row has. */
function baseOf(s: Series, years: readonly YearColumn[]): { base?: number; baseYear?: number } {
  const refs = years
    .filter((y) => y.role !== 'actual')
    .sort((a, b) => (a.role === 'baseline' ? -1 : b.role === 'baseline' ? 1 : a.year - b.year));
  for (const y of refs) {
    const v = numberAt(s, y.year);
    if (v !== undefined) return { base: v, baseYear: y.year };
  }
  return {};
}

export function gradeOf(rate: number | undefined, bands: readonly GradeBand[] | undefined): string | undefined {
  if (rate === undefined || !bands?.length) return undefined;
  return bands.find((b) => rate >= b.min)?.grade ?? bands[bands.length - 1].grade;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function evaluateSeries(
  ind: Indicator,
  s: Series,
  table: IndicatorTable,
  year: number,
): Omit<IndicatorEvaluation, 'key' | 'policy' | 'name' | 'sheet'> {
  const dir = directionOf(ind, table.years).direction;
  const o = seriesOutcome(s, table.years, year, dir);
  const { base, baseYear } = baseOf(s, table.years);
  const out = { row: s.row, base, baseYear, target: o.target, actual: o.current };
  if (o.current === undefined) return { ...out, verdict: '判定できません', note: `${year}年度の実績値がありません。` };
  if (o.target === undefined) return { ...out, verdict: '判定できません', note: '目標値が数値として読めません。' };
  const verdict: Verdict = o.achieved ? '達成' : '未達成';
  if (base === undefined) return { ...out, verdict, note: '基準値がないため、達成率は出せません。' };
  if (base === o.target) {
    // Nothing to close: keeping the level is the whole target, so the rate is all or nothing.
    return {
      ...out,
      verdict,
      rate: o.achieved ? 100 : 0,
      note: `基準値と目標値が同じ（${base}）ため、達成率は目標値を維持できていれば100%、できていなければ0%としました。`,
    };
  }
  const raw = ((o.current - base) / (o.target - base)) * 100;
  if (raw > 100 && !o.achieved)
    return { ...out, verdict, rate: 100, note: '計算上は100%を超えますが、目標値に届いていないため100%としました。' };
  return { ...out, verdict, rate: round1(raw) };
}

function evaluateIndicator(
  ind: Indicator,
  table: IndicatorTable,
  year: number,
  bands: readonly GradeBand[] | undefined,
): IndicatorEvaluation {
  const parts = ind.series.map((s) => evaluateSeries(ind, s, table, year));
  // Several rows (小6 / 中3): achieved only when every row is; the rate is the weakest row's.
  const judged = parts.filter((p) => p.verdict !== '判定できません');
  const weakest = [...parts].sort((a, b) => (a.rate ?? Infinity) - (b.rate ?? Infinity))[0];
  const verdict: Verdict = judged.length < parts.length ? '判定できません' : judged.every((p) => p.verdict === '達成') ? '達成' : '未達成';
  const first = parts.find((p) => p.verdict === '判定できません') ?? weakest;
  const rate = judged.length === parts.length ? weakest.rate : undefined;
  return {
    key: ind.key,
    policy: ind.policy,
    name: ind.name,
    sheet: ind.nameRef.sheet,
    ...first,
    row: ind.series[0].row,
    verdict,
    rate,
    grade: verdict === '判定できません' ? undefined : gradeOf(rate, bands),
    note: parts.length > 1 && first.note ? `${first.note}（${parts.length}行のうち最も低い行）` : first.note,
  };
}

export function isFinalYear(definition: PlanDefinition, year: number | undefined): boolean {
  return year === definition.targetYear;
}

export function evaluateFinal(plan: Plan, definition: PlanDefinition, year = definition.targetYear): FinalEvaluation {
  const bands = definition.evaluation?.bands;
  const indicators: IndicatorEvaluation[] = [];
  const policies: PolicyEvaluation[] = [];
  for (const p of [...plan.policies].sort((a, b) => a.number - b.number)) {
    const table = p.table;
    const evals = table ? table.indicators.map((ind) => evaluateIndicator(ind, table, year, bands)) : [];
    indicators.push(...evals);
    const achieved = evals.filter((e) => e.verdict === '達成').length;
    const notJudged = evals.filter((e) => e.verdict === '判定できません').length;
    const values = { total: evals.length, achieved, notAchieved: evals.length - achieved - notJudged, year, name: p.title };
    let sentence = fillTemplate(definition.sentences?.finalPolicy ?? DEFAULT_POLICY_SENTENCE, values);
    if (notJudged) sentence += notJudgedNote(notJudged, year);
    policies.push({ number: p.number, title: p.title, total: evals.length, achieved, notJudged, sentence });
  }
  const achieved = indicators.filter((e) => e.verdict === '達成').length;
  // An indicator that could not be judged is neither achieved nor 未達成, and the sentence says so.
  const notJudged = indicators.filter((e) => e.verdict === '判定できません').length;
  const values = { total: indicators.length, achieved, notAchieved: indicators.length - achieved - notJudged, notJudged, year };
  let sentence = fillTemplate(definition.sentences?.finalOverall ?? DEFAULT_OVERALL_SENTENCE, values);
  if (notJudged) sentence += notJudgedNote(notJudged, year);
  return { year, indicators, policies, total: indicators.length, achieved, notJudged, sentence };
}
