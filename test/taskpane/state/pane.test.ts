import fc from 'fast-check';
import { initialPaneState, paneReducer, resultActions, type PaneAction, type PaneState } from '../../../src/taskpane/state/pane';
import { started, type Area, type Operation } from '../../../src/taskpane/state/operation';
import { analysed, checked, yearChosen } from '../../../src/taskpane/state/analysis';
import type { PaneError } from '../../../src/taskpane/state/paneError';
import { detailClosed, detailShown } from '../../../src/taskpane/features/check/detailState';
import { chartsDrawn, progressWritten } from '../../../src/taskpane/features/progress/progressState';
import { revisionMarked } from '../../../src/taskpane/features/revision/revisionState';
import { FLAGS, makeAnalysis, sampleReport } from '../fakes';

const AREAS: Area[] = ['check', 'progress', 'revision', 'download', 'departments', 'compile'];
const area = fc.constantFrom(...AREAS);
const operation = fc.constantFrom<Operation>('identify', 'check', 'progress', 'revision', 'select', 'charts', 'compileRead');
const paneError = fc.oneof(
  fc.record({ kind: fc.constant('message' as const), message: fc.string() }),
  fc.record({ kind: fc.constant('key' as const), key: fc.constantFrom('error.unexpected', 'error.unrecognised') }),
);
/** Any set of areas showing an error. */
const errors = fc.dictionary(area, paneError) as fc.Arbitrary<Partial<Record<Area, PaneError>>>;

const reduce = (state: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, state);
const view = { sheet: '施策1', cell: 'C2', found: true, value: '', origin: 'finding:施策1!C2' };

describe('the operation slice', () => {
  it('starting an operation clears only its own area’s error and shows it busy', () => {
    fc.assert(
      fc.property(errors, area, operation, (before, where, what) => {
        const state = reduce({ ...initialPaneState, errors: before }, started(where, what));
        expect(state.busy).toEqual({ area: where, operation: what });
        expect(state.errors[where]).toBeUndefined();
        for (const other of AREAS.filter((a) => a !== where)) expect(state.errors[other]).toEqual(before[other]);
      }),
    );
  });

  it('a failing operation keeps the previous analysis and results, and shows its error in its area', () => {
    const previous = makeAnalysis({ year: 2022 });
    fc.assert(
      fc.property(area, operation, paneError, (where, what, error) => {
        const before = reduce(initialPaneState, checked(previous), progressWritten(sampleReport(), 3));
        const state = reduce(before, started(where, what), { type: 'operation/failed', area: where, error });
        expect(state.analysis).toBe(previous);
        expect(state.checked).toBe(true);
        expect(state.progress).toEqual(before.progress);
        expect(state.busy).toBeUndefined();
        expect(state.errors).toEqual({ [where]: error });
      }),
    );
  });

  it('progress is shown only while something runs, and finishing ends the spinner but keeps errors shown', () => {
    const idle = reduce(initialPaneState, { type: 'operation/progressed', detail: { current: 1, total: 2 } });
    expect(idle.busy).toBeUndefined();
    const error: PaneError = { kind: 'key', key: 'error.unrecognised' };
    const running = reduce(initialPaneState, started('departments', 'departmentZip'), {
      type: 'operation/progressed',
      detail: { current: 2, total: 5, name: '生涯学習課.xlsx' },
    });
    expect(running.busy?.detail).toEqual({ current: 2, total: 5, name: '生涯学習課.xlsx' });
    const done = reduce(running, { type: 'error/shown', area: 'departments', error }, { type: 'operation/finished' });
    expect(done.busy).toBeUndefined();
    expect(done.errors.departments).toEqual(error);
  });

  it('dismissing an error closes that area’s only', () => {
    fc.assert(
      fc.property(errors, area, (before, where) => {
        const state = reduce({ ...initialPaneState, errors: before }, { type: 'error/dismissed', area: where });
        expect(Object.keys(state.errors).sort()).toEqual(
          Object.keys(before)
            .filter((a) => a !== where)
            .sort(),
        );
      }),
    );
  });
});

describe('the analysis slice', () => {
  it('choosing a year changes the year and not the year the engine picked', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 2018, max: 2025 }), { nil: undefined }), fc.integer({ min: 2018, max: 2025 }), (y, auto) => {
        const state = reduce({ ...initialPaneState, autoYear: auto }, yearChosen(y));
        expect(state.year).toBe(y);
        expect(state.autoYear).toBe(auto);
      }),
    );
  });

  it('a read records the engine’s year as the default only when no year was chosen', () => {
    const read = (analysedYear: number, yearChosen: boolean): PaneAction => ({
      type: 'analysis/read',
      mode: { kind: 'coordinator' },
      analysedYear,
      yearChosen,
    });
    const auto = reduce(initialPaneState, read(2023, false));
    expect(auto.autoYear).toBe(2023);
    expect(auto.mode).toEqual({ kind: 'coordinator' });
    const chosen = reduce(auto, yearChosen(2021), read(2021, true));
    expect(chosen.autoYear).toBe(2023);
    expect(chosen.year).toBe(2021);
  });

  it('identifying shows an analysis without its findings; 提出前チェック shows them and closes the detail panel', () => {
    const analysis = makeAnalysis();
    const identified = reduce(initialPaneState, analysed(analysis));
    expect(identified.analysis).toBe(analysis);
    expect(identified.checked).toBe(false);
    const open = reduce(identified, checked(analysis), detailShown(view));
    expect(open.detail).toEqual(view);
    const again = reduce(open, checked(makeAnalysis({ year: 2024 })));
    expect(again.checked).toBe(true);
    expect(again.analysis?.year).toBe(2024);
    expect(again.detail).toBeUndefined();
  });
});

describe('feature slices', () => {
  it('each result lands in its own slice and leaves the others as they were', () => {
    const base = reduce(initialPaneState, checked(makeAnalysis()), detailShown(view));
    const progress = reduce(base, progressWritten(sampleReport(), 12));
    expect(progress.progress).toEqual({ report: sampleReport(), cells: 12 });
    expect({ ...progress, progress: undefined }).toEqual({ ...base, progress: undefined });
    const charts = reduce(progress, chartsDrawn(24, '推移グラフ'));
    expect(charts.charts).toEqual({ count: 24, sheet: '推移グラフ' });
    expect(charts.progress).toBe(progress.progress);
    const revision = reduce(charts, revisionMarked(FLAGS, 2));
    expect(revision.revision).toEqual({ flags: FLAGS, cells: 2 });
    expect(revision.detail).toEqual(view);
    expect(reduce(revision, detailClosed).detail).toBeUndefined();
  });

  it('an action no slice knows leaves the very same state (no re-render)', () => {
    const state = reduce(initialPaneState, checked(makeAnalysis()));
    expect(paneReducer(state, detailClosed)).toBe(state);
    expect(paneReducer(state, { type: 'error/dismissed', area: 'check' })).toBe(state);
  });
});

describe('what a task returns', () => {
  it('a Patch of known slices changes the state as the equivalent actions do', () => {
    const analysis = makeAnalysis();
    const cases: [Parameters<typeof resultActions>[0], PaneAction[]][] = [
      [{ analysis }, [analysed(analysis)]],
      [{ analysis, checked: true, detail: undefined }, [checked(analysis)]],
      [{ analysis, progress: { report: sampleReport(), cells: 4 } }, [analysed(analysis), progressWritten(sampleReport(), 4)]],
      [{ revision: { flags: FLAGS, cells: 2 } }, [revisionMarked(FLAGS, 2)]],
      [{ charts: { count: 3, sheet: '推移グラフ' } }, [chartsDrawn(3, '推移グラフ')]],
      [{ detail: view }, [detailShown(view)]],
      [{ detail: undefined }, [detailClosed]],
    ];
    const from = reduce(initialPaneState, detailShown({ ...view, cell: 'B2' }));
    for (const [patch, actions] of cases) {
      expect(reduce(from, ...resultActions(patch))).toEqual(reduce(from, ...actions));
    }
  });

  it('actions pass through as they are; nothing changes nothing', () => {
    const one = analysed(makeAnalysis());
    expect(resultActions(one)).toEqual([one]);
    expect(resultActions([one, detailClosed])).toEqual([one, detailClosed]);
    expect(resultActions(undefined)).toEqual([]);
    expect(resultActions({})).toEqual([]);
  });
});
