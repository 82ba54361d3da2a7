import fc from 'fast-check';
import { sortChanges, type ChangeRow, type ChangeSortKey } from '../../src/taskpane/features/compile/changeRows';

const row: fc.Arbitrary<ChangeRow> = fc.record({
  department: fc.constantFrom('河川課', '市民課', '生涯学習課', ''),
  sheet: fc.constantFrom('基本施策1', '基本施策2', '実施計画'),
  cell: fc.tuple(fc.constantFrom('B', 'C', 'Z', 'AA'), fc.integer({ min: 1, max: 120 })).map(([c, r]) => `${c}${r}`),
  item: fc.string({ maxLength: 6 }),
  before: fc.string({ maxLength: 4 }),
  after: fc.string({ maxLength: 4 }),
  conflict: fc.option(fc.constantFrom<'master' | 'submission'>('master', 'submission'), { nil: undefined }),
});

describe('the 取りまとめ preview order', () => {
  it('puts every conflict first and loses no row, whatever the column and direction', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.constantFrom<ChangeSortKey>('department', 'place', 'item'),
        fc.boolean(),
        (rows, key, descending) => {
          const sorted = sortChanges(rows, key, descending);
          expect(sorted).toHaveLength(rows.length);
          expect(new Set(sorted)).toEqual(new Set(rows));
          const firstPlain = sorted.findIndex((r) => !r.conflict);
          if (firstPlain >= 0) expect(sorted.slice(firstPlain).every((r) => !r.conflict)).toBe(true);
        },
      ),
    );
  });

  it('orders cells as they stand in the sheet: row by row, B9 before B10, Z5 before AA5', () => {
    const at = (cell: string): ChangeRow => ({ department: '河川課', sheet: '基本施策1', cell, item: '', before: '', after: '1' });
    const sorted = sortChanges([at('B10'), at('AA5'), at('B9'), at('Z5')], 'place');
    expect(sorted.map((r) => r.cell)).toEqual(['Z5', 'AA5', 'B9', 'B10']);
    expect(sortChanges(sorted, 'place', true).map((r) => r.cell)).toEqual(['B10', 'B9', 'AA5', 'Z5']);
  });
});
