import type { Direction } from '../model';

/** The plan as data (plans/plan.schema.json): everything that differs from one 基本計画 to the next. */
export interface PlanDefinition {
  name: string;
  period: { first: number; last: number };
  referencePoints: ReferencePoint[];
  /** The year the targets are for; that year's report is the final evaluation. */
  targetYear: number;
  policies: PolicyDefinition[];
  surveyIndicators?: IndicatorDefinition[];
  /** The 課 that compiles the report; it fills the 全体指標 and every row whose 担当 is just 各課. */
  coordinator?: string;
  departments?: string[];
  projects?: { columns?: string[]; categories?: string[] };
  sentences?: { finalPolicy?: string; finalOverall?: string };
  evaluation?: { column?: string; bands?: GradeBand[] };
}

export type ReferenceRole = 'baseline' | 'review' | 'midterm';

export interface ReferencePoint {
  role: ReferenceRole;
  label: string;
  /** The 全体指標 table's header when it differs (計画策定時). */
  surveyLabel?: string;
  year: number;
}

export interface PolicyDefinition {
  number: number;
  title: string;
  keyPoints?: string[];
  indicators?: IndicatorDefinition[];
}

export interface IndicatorDefinition {
  name: string;
  unit?: string;
  direction?: Direction;
  cumulative?: boolean;
  owners?: string[];
  /** 再掲: the same indicator listed under another 施策 (0 = 全体指標). */
  repeatOf?: { policy: number; name: string };
}

export interface GradeBand {
  grade: string;
  /** Lowest 達成率 (%) of the band. */
  min: number;
  label?: string;
}
