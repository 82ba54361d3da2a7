import type { Analysis } from '../../plan';
import type { PaneMode } from './mode';

/** One line of what was read: `read` of `total` (total unknown: only the count is shown). */
export interface CoverageLine {
  what: 'tables' | 'indicators' | 'inputs';
  read: number;
  total?: number;
}

/**
 * What the verdict rests on, stated with it. Derived from the analysis in this one place until
 * the recognition reports its own coverage.
 */
export function coverageOf(analysis: Analysis, mode: PaneMode): CoverageLine[] {
  if (mode.kind === 'clerk') {
    return [{ what: 'inputs', read: mode.inputsFound, total: mode.inputs.size }];
  }
  const { plan } = analysis;
  const tables =
    plan.policies.filter((p) => p.table).length + (plan.survey ? 1 : 0) + (plan.projects ? 1 : 0) + (plan.overview ? 1 : 0);
  const lines: CoverageLine[] = [];
  if (tables + analysis.missing.length > 0) lines.push({ what: 'tables', read: tables, total: tables + analysis.missing.length });
  lines.push({ what: 'indicators', read: analysis.counts.indicators + analysis.counts.surveyIndicators });
  return lines;
}
