import fc from 'fast-check';
import { DEFAULT_PLAN, type PlanDefinition } from '../../../src/plan/definition';
import { analyze } from '../../../src/plan/engine';
import { evaluateFinal, finalEvaluationFor, FINAL_SHEET } from '../../../src/plan/evaluation';
import { INDICATOR_HEADER, indicatorRow, policyBlock, seriesRow, workbook, type CellInput, type IndicatorInput } from '../build';

function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing');
  return v;
}

/** A synthetic FY2025 master: the plan's target year, so its report is the final evaluation. */
function fy2025(...policies: [number, IndicatorInput[]][]) {
  const rows: CellInput[][] = [];
  for (const [n, inds] of policies) rows.push(...policyBlock(n, inds.map(indicatorRow)));
  return workbook(rows);
}

const ind = (name: string, base: number, target: number, y2025: number | null, unit = '人'): IndicatorInput => ({
  name,
  target: `${target}${unit}`,
  values: { 2016: `${base}${unit}`, 2024: `${base}${unit}`, ...(y2025 === null ? {} : { 2025: `${y2025}${unit}` }) },
});

const BANDS: PlanDefinition = {
  ...DEFAULT_PLAN,
  evaluation: {
    bands: [
      { grade: 'S', min: 100 },
      { grade: 'A', min: 80 },
      { grade: 'B', min: 60 },
      { grade: 'C', min: 40 },
      { grade: 'D', min: 0 },
    ],
  },
};

describe('final-year evaluation', () => {
  const grid = fy2025(
    [
      1,
      [
        ind('講座の受講者数', 100, 200, 210),
        ind('登録者数', 100, 200, 150),
        ind('維持する参加者数', 50, 50, 55),
        ind('未集計の指標', 100, 200, null),
      ],
    ],
    [4, [{ ...ind('1人1日当たりのごみ排出量', 1000, 900, 925, 'g'), values: { 2016: '1000g', 2024: '950g', 2025: '925g' } }]],
  );
  const plan = analyze(grid, { year: 2025 }).plan;
  const ev = evaluateFinal(plan, BANDS, 2025);
  const by = (name: string) => must(ev.indicators.find((e) => e.name === name));

  it('says 達成 or 未達成 with the 達成率 from the 策定時 value, and grades it', () => {
    expect(by('講座の受講者数')).toMatchObject({
      verdict: '達成',
      rate: 110,
      grade: 'S',
      base: 100,
      baseYear: 2016,
      target: 200,
      actual: 210,
    });
    expect(by('登録者数')).toMatchObject({ verdict: '未達成', rate: 50, grade: 'C' });
  });

  it('works the rate in the better direction for a lower-is-better indicator', () => {
    expect(by('1人1日当たりのごみ排出量')).toMatchObject({ verdict: '未達成', rate: 75, grade: 'B' });
  });

  it('caps and explains the rate when the base equals the target', () => {
    const e = by('維持する参加者数');
    expect(e).toMatchObject({ verdict: '達成', rate: 100 });
    expect(e.note).toMatch(/基準値と目標値が同じ/);
  });

  it('does not pretend to judge an indicator without a FY2025 figure', () => {
    const e = by('未集計の指標');
    expect(e.verdict).toBe('判定できません');
    expect(e.rate).toBeUndefined();
    expect(e.note).toMatch(/2025年度の実績値がありません/);
  });

  it('counts per 施策 and overall in the sentences', () => {
    expect(ev.policies.map((p) => [p.number, p.total, p.achieved, p.notJudged])).toEqual([
      [1, 4, 2, 1],
      [4, 1, 0, 0],
    ]);
    expect(ev.policies[0].sentence).toBe(
      '◇ 基本指標4項目のうち、2項目が目標値を達成し、1項目が未達成でした。（1項目は2025年度の実績値か目標値がないため判定していません。）',
    );
    expect(ev.sentence).toBe(
      '◇ 計画の最終年度（2025年度）の基本指標5項目のうち、2項目が目標値を達成しました。（1項目は2025年度の実績値か目標値がないため判定していません。）',
    );
    expect(ev.notJudged).toBe(1);
  });

  it('an indicator that could not be judged is not counted as 未達成 in the overall sentence', () => {
    const own = { ...DEFAULT_PLAN, sentences: { finalOverall: '◇ 達成{achieved}・未達成{notAchieved}・判定なし{notJudged}' } };
    expect(evaluateFinal(plan, own, 2025).sentence).toBe(
      '◇ 達成2・未達成2・判定なし1（1項目は2025年度の実績値か目標値がないため判定していません。）',
    );
  });

  it("uses the definition's sentence templates", () => {
    const own = { ...DEFAULT_PLAN, sentences: { finalOverall: '◇ {total}項目中{achieved}項目達成（{year}年度）' } };
    expect(evaluateFinal(plan, own, 2025).sentence).toBe(
      '◇ 5項目中2項目達成（2025年度）（1項目は2025年度の実績値か目標値がないため判定していません。）',
    );
  });

  it('an indicator with several rows is achieved only when every row is', () => {
    const g = fy2025([1, [ind('児童・生徒の割合', 50, 60, 65, '%')]]);
    g.sheets[0].rows.splice(
      g.sheets[0].rows.findIndex((r) => r[0]?.value === '児童・生徒の割合') + 1,
      0,
      seriesRow({ 2016: '40%', 2024: '45%', 2025: '48%' }, '60%').map((c) =>
        c === null || c === undefined ? null : { value: c as string },
      ),
    );
    const e = evaluateFinal(analyze(g, { year: 2025 }).plan, DEFAULT_PLAN, 2025).indicators[0];
    expect(e).toMatchObject({ verdict: '未達成', rate: 40 });
  });

  it('is written only in the target year, as a 最終評価 sheet', () => {
    expect(finalEvaluationFor(grid, plan, 2024)).toBeUndefined();
    const out = must(finalEvaluationFor(grid, plan, 2025));
    const sheet = must(out.edits.sheets?.find((s) => s.name === FINAL_SHEET));
    expect(sheet.rows.find((r) => r[1] === '登録者数')).toEqual(['基本施策1', '登録者数', 100, '2016年度', 200, 150, '未達成', 50, '', '']);
  });

  it('writes into the column the template names', () => {
    const header = [...INDICATOR_HEADER, '最終評価'];
    const rows = policyBlock(1, [indicatorRow(ind('講座の受講者数', 100, 200, 210))], { header });
    const g = workbook(rows);
    const p = analyze(g, { year: 2025 }).plan;
    const def = { ...BANDS, evaluation: { ...BANDS.evaluation, column: '最終評価' } };
    const { edits } = must(finalEvaluationFor(g, { ...p, definition: def }, 2025));
    const table = must(p.policies[0].table);
    expect(edits.cells).toEqual([{ sheet: table.sheet, row: table.firstRow, col: 13, value: '達成（110%） S' }]);
  });

  it('for any figures, 達成 exactly when the 達成率 reaches 100%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 3000 }),
        (base, gap, actual) => {
          const g = fy2025([1, [ind('受講者数', base, base + gap, actual)]]);
          const e = evaluateFinal(analyze(g, { year: 2025 }).plan, DEFAULT_PLAN, 2025).indicators[0];
          expect(e.verdict === '達成').toBe(actual >= base + gap);
          expect(e.rate).toBeCloseTo(((actual - base) / gap) * 100, 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
