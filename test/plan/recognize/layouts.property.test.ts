/**
 * For any layout drawn from the forms offices use — year columns in any order, any header
 * spelling from the vocabulary, names wrapped or written above their figures — the arrows are
 * those of the canonical layout, and every 施策 and indicator is read.
 */
import fc from 'fast-check';
import { analyze } from '../../../src/plan/engine';
import { arrowsOf, canonical, layOut, type Layout, type RefRole } from './layouts';

// Years before 令和 are written in 平成 (策定時 2016 = 平成28年度).
const era = (y: number) => (y < 2019 ? `平成${y - 1988}` : y === 2019 ? '令和元' : `令和${y - 2018}`);
const short = (y: number) => (y < 2019 ? `H${y - 1988}` : `R${y - 2018}`);
const SINGLE_LINE_FORMS: ((y: number) => string)[] = [
  (y) => `${y}年度`,
  (y) => `${y} 年度`,
  (y) => `${era(y)}年度`,
  (y) => short(y),
  (y) => `${short(y)}年度`,
  (y) => `FY${y}`,
  (y) => `${y}(${short(y)})年度`,
  (y) => `${y}（${era(y)}）年度`,
  (y) => `${era(y)}年度\n(${y}年度)`,
  (y) => `${String(y).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}年度`,
];
const ACTUAL_ONLY_FORMS: ((y: number) => string)[] = [(y) => `${short(y)}実績`, (y) => `${y}実績`];
const TWO_ROW_FORMS: ((y: number) => string)[] = [(y) => `${era(y)}年度\n(${y}年度)`, (y) => `${short(y)}\n${y}`];

const permutation = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

const layoutArb: fc.Arbitrary<Layout> = fc
  .record({
    header: fc.constantFrom<Layout['header']>('single', 'two-row', 'three-row', 'labels-above'),
    form: fc.nat(),
    actualKeys: fc.array(fc.double({ noNaN: true }), { minLength: 4, maxLength: 4 }),
    refOrder: permutation<RefRole>(['baseline', 'review', 'midterm']),
    blockOrder: permutation(['refs', 'actuals', 'target', 'progress'] as const),
    name: fc.constantFrom('基本指標項目', '基本指標', '成果指標', '成果指標名', '指標名', '指標'),
    baseline: fc.constantFrom('策定時', '基準値', '現状値', '計画策定時'),
    target: fc.constantFrom('目標値', '目標'),
    department: fc.constantFrom('担当所属', '担当課', '所管課'),
    wraps: fc.array(fc.option(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
    above: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    wrapDescription: fc.boolean(),
  })
  .map((r) => {
    const forms =
      r.header === 'three-row' ? TWO_ROW_FORMS : r.header === 'single' ? [...SINGLE_LINE_FORMS, ...ACTUAL_ONLY_FORMS] : SINGLE_LINE_FORMS;
    return {
      header: r.header,
      yearForm: forms[r.form % forms.length],
      actualOrder: (ys: number[]) => ys.map((_, i) => i).sort((a, b) => r.actualKeys[a] - r.actualKeys[b]),
      refOrder: r.refOrder,
      // 実績値 is written over the first actual column: the actuals stay side by side under it.
      blockOrder: [...r.blockOrder],
      words: { name: r.name, baseline: r.baseline, target: r.target, department: r.department },
      wrapAt: (ind, i) => {
        const w = r.wraps[i % r.wraps.length];
        return w === undefined ? undefined : Math.max(1, Math.floor(ind.name.length * w));
      },
      wrapDescription: r.wrapDescription,
      nameAbove: (ind, i) => r.above[i % r.above.length] && ind.series.length === 1 && r.wraps[i % r.wraps.length] === undefined,
    } satisfies Layout;
  });

it('arrows, 施策 arrows and the count of 施策 going well equal the canonical layout’s', () => {
  const expected = arrowsOf(canonical);
  fc.assert(
    fc.property(layoutArb, (layout) => {
      const a = analyze(layOut(layout));
      expect(a.coverage.problems).toEqual([]);
      expect(a.coverage.indicators.read).toBe(canonical.counts.indicators);
      expect(a.year).toBe(2023);
      expect(arrowsOf(a)).toEqual(expected);
      expect(a.progress!.policies.map((p) => p.progress)).toEqual(['↑', '↑', '↑', '↓', '↓', '↑', '↑']);
      expect(a.progress!.overall.policiesUp).toBe(5);
    }),
    { numRuns: 60 },
  );
});
