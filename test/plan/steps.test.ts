/**
 * The engine's analysis as steps (src/plan/steps): the pane runs it in slices so a large plan
 * never freezes it, the CLI at once. Both must give exactly the same analysis, and a large plan
 * must come in many small pieces.
 */
import fc from 'fast-check';
import { analyze, analyzeSteps } from '../../src/plan/engine';
import { ROWS_PER_STEP, type Steps } from '../../src/plan/steps';
import { pastedReport } from './helpers';
import { gridOf, largeMasterSheets } from './large-master';

const master = (perPolicy: readonly number[]) => gridOf(largeMasterSheets(perPolicy));

/** Runs steps to the end, counting the pauses the pane would get. */
function counted<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses };
    pauses++;
  }
}

describe('the analysis in steps', () => {
  it('reads a 2,000-indicator master in many small pieces, to exactly the analysis made at once', () => {
    const grid = master([286, 286, 286, 286, 286, 286, 284]);
    const { value, pauses } = counted(analyzeSteps(grid));
    expect(value.counts.indicators).toBe(2000);
    // A pause at least every ROWS_PER_STEP rows of a table.
    expect(pauses).toBeGreaterThanOrEqual(2000 / ROWS_PER_STEP);
    expect(value).toEqual(analyze(grid));
  });

  it('gives the same analysis for the whole report pasted onto one sheet, paused inside that sheet', () => {
    const grid = pastedReport();
    const { value, pauses } = counted(analyzeSteps(grid));
    expect(value.counts.indicators).toBeGreaterThan(30);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(grid.sheets[0].rows.length / ROWS_PER_STEP));
    expect(value).toEqual(analyze(grid));
  });

  it('gives the same analysis for any size of 施策, any unreadable figures and any chosen year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 150 }), { minLength: 7, maxLength: 7 }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        fc.option(fc.constantFrom(2022, 2023), { nil: undefined }),
        (perPolicy, unreadableEvery, year) => {
          const grid = gridOf(largeMasterSheets(perPolicy, { unreadableEvery }));
          const options = year === undefined ? {} : { year };
          const { value } = counted(analyzeSteps(grid, options));
          expect(value).toEqual(analyze(grid, options));
          expect(value.counts.indicators).toBe(perPolicy.reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 8 },
    );
  });
});
