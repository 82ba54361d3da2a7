import fc from 'fast-check';
import { analyze } from '../../src/plan/engine';
import { addr, COL, INDICATOR_HEADER, indicatorRow, policyBlock, workbook, YEAR_ROW } from './build';

/** One indicator whose target may have changed: in the target cell itself, or against a 当初目標値 column. */
function revisedFlags(target: string, original?: string) {
  const header = original === undefined ? INDICATOR_HEADER : [...INDICATOR_HEADER, '当初目標値'];
  const years = original === undefined ? YEAR_ROW : [...YEAR_ROW, ''];
  const row = indicatorRow({ name: '講座の受講者数', target, values: { 2016: '100人', 2023: '120人' } });
  const rows = policyBlock(1, [original === undefined ? row : [...row, original]], { header, yearRow: years });
  const a = analyze(workbook(rows), { year: 2023 });
  return {
    flags: a.flags.filter((f) => f.kind === 'target-revised'),
    at: addr(rows.indexOf(rows.find((r) => r[0] === '講座の受講者数')!), COL.target),
  };
}

describe('revised targets', () => {
  it('against the 当初目標値 column: says 当初の, judges on the current target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 101, max: 5000 }), fc.integer({ min: 101, max: 5000 }), (first, now) => {
        fc.pre(first !== now);
        const { flags, at } = revisedFlags(`${now}人`, `${first}人`);
        expect(flags).toHaveLength(1);
        const from = `${first.toLocaleString('en-US')}人`;
        const to = `${now.toLocaleString('en-US')}人`;
        expect(flags[0]).toMatchObject({ from, to, used: to, cell: at });
        expect(flags[0].message).toBe(
          `講座の受講者数の目標値は当初の ${from} から ${to} に変更されています。進捗状況は変更後の ${to} で判断しました。`,
        );
      }),
      { numRuns: 30 },
    );
  });

  it('an unchanged 当初目標値 raises no flag', () => {
    expect(revisedFlags('150人', '150人').flags).toEqual([]);
  });
});
