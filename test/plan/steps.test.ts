/**
 * The engine's analysis as steps (src/plan/steps): the pane runs it in slices so a large plan
 * never freezes it, the CLI at once. Both must give exactly the same analysis, and a large plan
 * must come in many small pieces.
 */
import fc from 'fast-check';
import { analyze, analyzeSteps } from '../../src/plan/engine';
import type { SheetGrid, WorkbookGrid } from '../../src/plan/grid';
import { COL, actualCol } from '../../src/plan/layout/columns';
import { renderMaster } from '../../src/plan/layout/master';
import { ROWS_PER_STEP, type Steps } from '../../src/plan/steps';
import { pastedReport } from './helpers';

/** The canonical master with `perPolicy[i]` synthetic indicators under 基本施策 i+1. */
function master(perPolicy: readonly number[]): WorkbookGrid {
  const specs = renderMaster({ year: 2023 });
  const units = ['件', '人', '%', '回', '団体'];
  perPolicy.forEach((n, p) => {
    const spec = specs.find((s) => s.name === `基本施策${p + 1}`)!;
    const header = spec.rows.findIndex((r) => r[0] === '基本指標項目');
    spec.rows.length = header + 2;
    for (let i = 0; i < n; i++) {
      const unit = units[i % units.length];
      const v = (k: number) => `${100 + ((i * 37 + k * 11) % 900)}${unit}`;
      const row: (string | null)[] = new Array<string | null>(14).fill(null);
      row[COL.name] = `指標${p + 1}-${i + 1}`;
      row[COL.description] = `指標 ${i + 1} の説明`;
      row[COL.baseline] = v(0);
      row[COL.review] = v(1);
      row[COL.midterm] = v(2);
      row[actualCol(2022)] = v(3);
      row[actualCol(2023)] = v(4);
      row[COL.target] = v(5);
      row[COL.reason] = '前年度の取組を継続した。';
      row[COL.department] = '市民・NPO活動推進課';
      spec.rows.push(row);
    }
  });
  const sheets: SheetGrid[] = specs.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) => r.map((v) => (v === null || v === '' ? null : { value: v }))),
    ...(s.state && s.state !== 'visible' ? { hidden: true } : {}),
  }));
  return { source: 'master.xlsx', sheets };
}

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

  it('gives the same analysis for any size of 施策 and any chosen year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 150 }), { minLength: 7, maxLength: 7 }),
        fc.option(fc.constantFrom(2022, 2023), { nil: undefined }),
        (perPolicy, year) => {
          const grid = master(perPolicy);
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
