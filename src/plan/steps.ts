/**
 * Long work on a large plan (thousands of indicators) is written as a generator that yields
 * between pieces of work — after each sheet, each table, every few dozen rows. Run with
 * `runSteps` it is one plain call, as the CLI wants; the pane runs the same generator in slices
 * and lets the browser paint between them, so a large workbook never freezes the pane. Both
 * drive the same code, so both give the same result.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Rows read between two yields inside a table: a few milliseconds of work. */
export const ROWS_PER_STEP = 64;
