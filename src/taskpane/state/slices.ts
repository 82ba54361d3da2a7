import type { Analysis, AnalyzeOptions, Steps, WorkbookGrid } from '../../plan';
import type { Engine } from '../services';

/**
 * Work between two pauses. The browser reports a task over 50 ms as long; well under it, a
 * click or a paint waits at most this long while a large workbook is analysed.
 */
export const SLICE_MS = 30;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Gives the main thread back to the browser (input, paint) and resumes soon after. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  // scheduler.yield resumes ahead of other queued tasks; a timer is what every browser has.
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs the steps (see src/plan/steps) in slices of about `budgetMs`, yielding to the browser between them. */
export async function runInSlices<T>(steps: Steps<T>, budgetMs = SLICE_MS): Promise<T> {
  let start = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - start >= budgetMs) {
      await yieldToBrowser();
      start = now();
    }
  }
}

/** The engine's analysis, in slices when the engine offers its steps (the plan engine does). */
export function analyzeInSlices(engine: Engine, grid: WorkbookGrid, options: AnalyzeOptions): Promise<Analysis> {
  return engine.analyzeSteps ? runInSlices(engine.analyzeSteps(grid, options)) : Promise.resolve(engine.analyze(grid, options));
}
