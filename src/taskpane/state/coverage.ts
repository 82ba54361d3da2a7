import { coverageLine, type Analysis } from '../../plan';
import type { PaneMode } from './mode';

/** One line of what was read: `read` of `total` (total unknown: only the count is shown). */
export interface CoverageLine {
  what: 'tables' | 'policies' | 'indicators' | 'inputs';
  read: number;
  total?: number;
}

/** What the verdict rests on, stated with it. */
export interface VerdictBasis {
  /** Counted lines, worded by the pane (a clerk's input cells). */
  lines: CoverageLine[];
  /**
   * The reader's own sentence (`基本施策 7/7、基本指標 36/36 を読み取りました。`), as `check` prints it:
   * shown in Japanese; in another language the lines are worded instead.
   */
  read?: string;
  /** False: something that looks like data was not read, so no verdict may pass. */
  complete: boolean;
}

/**
 * The coordinator's coverage is the reader's (analysis.coverage), the same `check` reports; a
 * clerk's is their input cells, found on the sheets or not.
 */
export function coverageOf(analysis: Analysis, mode: PaneMode): VerdictBasis {
  if (mode.kind === 'clerk') {
    return { lines: [{ what: 'inputs', read: mode.inputsFound, total: mode.inputs.size }], complete: true };
  }
  const c = analysis.coverage;
  return {
    lines: [
      { what: 'policies', read: c.policies.read, total: c.policies.expected },
      { what: 'indicators', read: c.indicators.read, total: c.indicators.read + c.indicators.skipped.length },
    ],
    read: coverageLine(c),
    complete: c.complete,
  };
}
