import type { Finding } from '../../src/plan/findings';
import { changeBounds, liveEdits } from '../../src/plan/live';

const f = (cell: string, severity: Finding['severity'] = 'error', message = `${cell} の誤り`, sheet = '基本施策1'): Finding => ({
  severity,
  rule: 'jump',
  sheet,
  cell,
  message,
});

describe('liveEdits (live validation)', () => {
  it('reads the addresses Excel reports for a change', () => {
    expect(changeBounds('C3')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(changeBounds('B3:C9')).toEqual({ top: 2, left: 1, bottom: 8, right: 2 });
    expect(changeBounds('C:D')).toMatchObject({ top: 0, left: 2, right: 3 });
    expect(changeBounds('4:6')).toMatchObject({ top: 3, bottom: 5, left: 0 });
    expect(changeBounds('基本施策1!$H$8')).toEqual({ top: 7, left: 7, bottom: 7, right: 7 });
  });

  it('marks findings on the edited cells only, one note per cell', () => {
    const plan = liveEdits(
      [f('H8'), f('H8', 'warning', '増減が大きい'), f('H9'), f('H8', 'error', 'x', '基本施策2')],
      [{ sheet: '基本施策1', address: 'H8' }],
      new Map(),
    );
    expect(plan.edits.cells).toEqual([{ sheet: '基本施策1', row: 7, col: 7, mark: 'error', note: 'H8 の誤り\n増減が大きい' }]);
    expect(plan.findings).toHaveLength(2);
    expect([...plan.marks.keys()]).toEqual(['基本施策1!H8']);
  });

  it('checks every area of a change made on several areas at once', () => {
    const plan = liveEdits([f('H8'), f('J12'), f('K20')], [{ sheet: '基本施策1', address: 'H8:H9, J10:J12' }], new Map());
    expect([...plan.marks.keys()].sort()).toEqual(['基本施策1!H8', '基本施策1!J12']);
  });

  it('clears the mark once the cell is valid, and leaves cells it never marked alone', () => {
    const first = liveEdits([f('H8')], [{ sheet: '基本施策1', address: 'H8:H9' }], new Map());
    const fixed = liveEdits([], [{ sheet: '基本施策1', address: 'H8' }], first.marks);
    expect(fixed.edits.cells).toEqual([{ sheet: '基本施策1', row: 7, col: 7, mark: 'clear' }]);
    expect(fixed.marks.size).toBe(0);
    expect(liveEdits([], [{ sheet: '基本施策1', address: 'H9' }], new Map()).edits.cells).toEqual([]);
  });

  it('writes nothing again for a cell still marked with the same note', () => {
    const first = liveEdits([f('H8', 'warning')], [{ sheet: '基本施策1', address: 'H8' }], new Map());
    const again = liveEdits([f('H8', 'warning')], [{ sheet: '基本施策1', address: 'L8' }], first.marks);
    expect(again.edits.cells).toEqual([]);
    expect(again.findings).toHaveLength(1);
  });
});

describe('liveEdits on a department’s input cells', () => {
  it('gives an input cell its input colour back (and drops the note) instead of no fill', () => {
    const first = liveEdits([f('H8')], [{ sheet: '基本施策1', address: 'H8' }], new Map(), new Set(['基本施策1!H8']));
    const fixed = liveEdits([], [{ sheet: '基本施策1', address: 'H8' }], first.marks, new Set(['基本施策1!H8']));
    expect(fixed.edits.cells).toEqual([{ sheet: '基本施策1', row: 7, col: 7, mark: 'input', note: '' }]);
  });
});
