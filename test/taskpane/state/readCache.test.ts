import { emptyReadCache, readCacheReducer, type ReadAction, type ReadCache } from '../../../src/taskpane/state/readCache';
import type { PaneAction } from '../../../src/taskpane/state/pane';
import { analysed, checked, yearChosen } from '../../../src/taskpane/state/analysis';
import { detailShown } from '../../../src/taskpane/features/check/detailState';
import { chartsDrawn, progressWritten } from '../../../src/taskpane/features/progress/progressState';
import { revisionMarked } from '../../../src/taskpane/features/revision/revisionState';
import { started } from '../../../src/taskpane/state/operation';
import { fakeEngine, FLAGS, makeAnalysis, sampleGrid, sampleReport } from '../fakes';

const reduce = (cache: ReadCache, ...actions: (ReadAction | PaneAction)[]) => actions.reduce(readCacheReducer, cache);

/** A cache after two whole reads, the second one kept. */
function afterTwoReads(): ReadCache {
  const { engine } = fakeEngine();
  return reduce(emptyReadCache, { type: 'read/begun' }, { type: 'read/begun' }, { type: 'read/done', grid: sampleGrid(), engine, seq: 2 });
}

describe('the reads the pane keeps', () => {
  it('numbers whole reads and keeps the last one for the live check and the detail panel', () => {
    const cache = afterTwoReads();
    expect(cache.reads).toBe(2);
    expect(cache.last?.seq).toBe(2);
    expect(cache.last?.grid).toEqual(sampleGrid());
    expect(cache.shown).toBe(cache.last?.grid);
  });

  const writes: [string, ReadAction | PaneAction][] = [
    ['a write by a feature of its own', { type: 'read/written' }],
    ['進捗状況を記入', progressWritten(sampleReport(), 5)],
    ['見直し指標に印', revisionMarked(FLAGS, 2)],
    ['推移グラフ', chartsDrawn(24, '推移グラフ')],
    [
      'a failed operation (it may have written part)',
      { type: 'operation/failed', area: 'progress', error: { kind: 'key', key: 'error.unexpected' } },
    ],
  ];
  it.each(writes)('%s forgets the grids but not how many reads began', (_what, write) => {
    const cache = reduce(afterTwoReads(), write);
    expect(cache.last).toBeUndefined();
    expect(cache.shown).toBeUndefined();
    expect(cache.reads).toBe(2);
  });

  it('what only shows or chooses keeps them', () => {
    const before = afterTwoReads();
    const after = reduce(
      before,
      started('check', 'check'),
      analysed(makeAnalysis()),
      checked(makeAnalysis()),
      yearChosen(2022),
      detailShown({ sheet: '施策1', cell: 'C2', found: true, value: '' }),
    );
    expect(after).toBe(before);
  });

  it('a grid read for the detail panel alone is not a base for the live check', () => {
    const cache = reduce(emptyReadCache, { type: 'read/forDetail', grid: sampleGrid() });
    expect(cache.shown).toEqual(sampleGrid());
    expect(cache.last).toBeUndefined();
    expect(cache.reads).toBe(0);
  });
});
