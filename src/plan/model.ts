import type { CellRef } from './grid';
import type { ParsedValue } from './value';
import type { PlanDefinition } from './definition/types';

/** Better direction of an indicator: up = higher is better, down = lower is better. */
export type Direction = 'up' | 'down';
export type Arrow = '↑' | '→' | '↓';

export interface ValueCell {
  ref: CellRef;
  parsed: ParsedValue;
}

export interface TextCell {
  ref: CellRef;
  text: string;
}

/** What a year column holds: the three reference points of the plan, or a yearly actual. */
export type YearRole = 'baseline' | 'review' | 'midterm' | 'actual';

export interface YearColumn {
  year: number;
  role: YearRole;
  col: number;
}

/** One row of numbers. Most indicators have one; some have several (小6 / 中3). */
export interface Series {
  label?: string;
  row: number;
  /** Keyed by fiscal year; reference points (策定時 2016 …) and actuals alike. */
  values: Map<number, ValueCell>;
  target?: ValueCell;
  /** 当初目標値, when the template records the target before the mid-term review. */
  originalTarget?: ValueCell;
}

export interface Indicator {
  /** Stable key: policy number and name, e.g. `1:きらめき出前講座実施件数`. */
  key: string;
  /** 0 for the 全体指標 (citizen survey) table. */
  policy: number;
  /** The 基本指標項目 text without the 【追加】 mark. */
  name: string;
  nameRef: CellRef;
  /** Added at the FY2021 mid-term review (【追加】). */
  added: boolean;
  description: string;
  unit?: string;
  cumulative: boolean;
  /** Direction written in the template (方向 column); undefined when it must be inferred. */
  direction?: Direction;
  series: Series[];
  progressRef?: CellRef;
  /** The office's own formula in the 進捗状況 cell (`IF(G5>F5,"↑",…)`), which is not written over unasked. */
  progressFormula?: string;
  /** The row is hidden in the sheet but carries values. */
  hidden?: boolean;
  reason?: TextCell;
  department?: TextCell;
}

export interface IndicatorTable {
  sheet: string;
  headerRow: number;
  /** First and last rows of data (inclusive). */
  firstRow: number;
  lastRow: number;
  years: YearColumn[];
  targetCol?: number;
  progressCol?: number;
  /** The table had no 進捗状況 column: progress writes one here (header and arrows). */
  addedProgressCol?: number;
  indicators: Indicator[];
}

export interface Policy {
  number: number;
  title: string;
  keyPoints: string[];
  table?: IndicatorTable;
  /** Cells holding the ◇ sentences of this 施策 (the first is the main one). */
  sentenceRefs: CellRef[];
}

export interface SurveyTable extends IndicatorTable {
  sentenceRef?: CellRef;
  /** Further ◇ sentences of the section (the coordinator's commentary), kept as written. */
  commentary: TextCell[];
}

export interface Project {
  key: string;
  no: number;
  policy: number;
  category: string;
  name: string;
  plan: string;
  status?: TextCell;
  achievement?: TextCell;
  department?: TextCell;
  sdgs?: TextCell;
  row: number;
  sheet: string;
}

export interface ProjectTable {
  sheet: string;
  headerRow: number;
  year?: number;
  columns: Partial<Record<'no' | 'category' | 'name' | 'plan' | 'status' | 'achievement' | 'department' | 'sdgs' | 'sdgsNote', number>>;
  projects: Project[];
}

export interface OverviewRow {
  policy: number;
  title: string;
  keyPoints: string;
  arrowRef?: CellRef;
}

export interface OverviewTable {
  sheet: string;
  headerRow: number;
  rows: OverviewRow[];
  sentenceRef?: CellRef;
}

export interface Plan {
  source: string;
  /** The plan the workbook belongs to (its stored definition, `--plan`, or the shipped one). */
  definition?: PlanDefinition;
  /** The report's fiscal year when the template states it (title, project headers). */
  reportYear?: number;
  policies: Policy[];
  survey?: SurveyTable;
  projects?: ProjectTable;
  overview?: OverviewTable;
}

export function allIndicators(plan: Plan): Indicator[] {
  return plan.policies.flatMap((p) => p.table?.indicators ?? []);
}
