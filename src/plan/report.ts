import type { Arrow, Direction } from './model';

/** Something about an indicator that changed during the plan, which a reader must know. */
export type FlagKind = 'added' | 'target-revised' | 'restated' | 'department-renamed' | 'direction-review';

export interface RevisionFlag {
  kind: FlagKind;
  /** The indicator's key and name. */
  key: string;
  indicator: string;
  sheet: string;
  cell: string;
  /** Japanese: what changed, from what to what, and which value the engine used. */
  message: string;
  from?: string;
  to?: string;
  used?: string;
}

export interface TrendPoint {
  year: number;
  value: number;
  role: 'baseline' | 'review' | 'midterm' | 'actual';
}

export interface SeriesTrend {
  label?: string;
  points: TrendPoint[];
  target?: number;
}

export interface IndicatorProgress {
  key: string;
  name: string;
  policy: number;
  /** Undefined when there is no actual for the year (nothing to compare). */
  progress?: Arrow;
  improved: boolean;
  achieved: boolean;
  direction: Direction;
  directionSource: 'template' | 'inferred';
  flags: string[];
  sheet: string;
  cell: string;
  unit?: string;
  current?: number;
  previous?: number;
  previousYear?: number;
  target?: number;
  trend: SeriesTrend[];
}

export interface PolicyProgress {
  number: number;
  title: string;
  progress?: Arrow;
  indicatorCount: number;
  improvedCount: number;
  achievedCount: number;
  /** The main ◇ sentence, with the leading `◇ `. */
  sentence: string;
  /** Further ◇ sentences (an indicator that fell but is still past its target). */
  notes: string[];
  indicators: IndicatorProgress[];
}

export interface ProgressReport {
  year: number;
  policies: PolicyProgress[];
  overall: { policiesUp: number; policiesTotal: number; sentence: string };
  survey?: { indicators: IndicatorProgress[]; improvedCount: number; sentence: string };
}
