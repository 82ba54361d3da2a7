/** @jest-environment jsdom */
import { analyze, analyzeSteps, type WorkbookGrid } from '../../src/plan';
import type { Engine } from '../../src/taskpane/services';
import { analyzeInSlices, runInSlices } from '../../src/taskpane/state/slices';
import { pastedReport } from '../plan/helpers';

function* steps(order: string[], n: number) {
  for (let i = 1; i <= n; i++) {
    order.push(`step ${i}`);
    yield;
  }
  return 'done';
}

describe('work in slices', () => {
  it('lets other work of the page (a click, a paint) run between slices, and still finishes', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('page'), 0);
    // No time allowed per slice: the page gets the thread back after every step.
    await expect(runInSlices(steps(order, 3), 0)).resolves.toBe('done');
    expect(order.indexOf('page')).toBeGreaterThan(0);
    expect(order.indexOf('page')).toBeLessThan(order.indexOf('step 3'));
  });

  it('does not stop for the page while the slice has time left', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('page'), 0);
    await runInSlices(steps(order, 3), 60_000);
    expect(order).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('gives the pane the same analysis as the engine at once, and falls back to analyze without steps', async () => {
    const grid: WorkbookGrid = pastedReport();
    const at = analyze(grid);
    const sliced: Engine = {
      analyze: () => {
        throw new Error('an engine with steps is run in slices');
      },
      analyzeSteps,
      progressEdits: jest.fn(),
      revisionEdits: jest.fn(),
    };
    await expect(analyzeInSlices(sliced, grid, {})).resolves.toEqual(at);
    const plain: Engine = { analyze, progressEdits: jest.fn(), revisionEdits: jest.fn() };
    await expect(analyzeInSlices(plain, grid, {})).resolves.toEqual(at);
  });
});
