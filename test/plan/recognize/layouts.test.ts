/**
 * The published FY2023 figures in the layouts offices make: whatever the layout, the engine
 * must give the city's arrows (1↑2↑3↑4↓5↓6↑7↑), 5 of 7, and the seven ◇ sentences — having read
 * all seven 施策 and all 36 indicators.
 */
import { analyze, progressEdits } from '../../../src/plan/engine';
import { arrowsOf, canonical, layOut, type Layout } from './layouts';

const PUBLISHED = ['↑', '↑', '↑', '↓', '↓', '↑', '↑'];
const canonicalArrows = arrowsOf(canonical);
const canonicalSentences = canonical.progress!.policies.map((p) => p.sentence);

function expectCityAnswer(layout: Layout): void {
  const a = analyze(layOut(layout));
  expect(a.coverage.problems).toEqual([]);
  expect(a.coverage.policies).toMatchObject({ read: 7, expected: 7 });
  expect(a.coverage.indicators).toEqual({ read: canonical.counts.indicators, skipped: [] });
  expect(a.year).toBe(2023);
  expect(a.progress!.policies.map((p) => p.progress)).toEqual(PUBLISHED);
  expect(a.progress!.overall).toMatchObject({ policiesUp: 5, policiesTotal: 7 });
  expect(a.progress!.policies.map((p) => p.sentence)).toEqual(canonicalSentences);
  expect(arrowsOf(a)).toEqual(canonicalArrows);
}

// Years before 令和 are written in 平成 (策定時 2016 = 平成28年度).
const era = (y: number) => (y < 2019 ? `平成${y - 1988}` : y === 2019 ? '令和元' : `令和${y - 2018}`);
const short = (y: number) => (y < 2019 ? `H${y - 1988}` : `R${y - 2018}`);
const heisei = (y: number) => `${era(y)}年度`;

it('the canonical layout itself gives the published answer (the yardstick of every test below)', () => {
  expect(canonical.counts.indicators).toBe(36);
  expect(canonical.progress!.policies.map((p) => p.progress)).toEqual(PUBLISHED);
  expectCityAnswer({ header: 'two-row', yearForm: (y) => `${y}年度` });
});

describe('year headers in every form offices write', () => {
  it.each<[string, Layout]>([
    ['2022年度 (one row)', { header: 'single', yearForm: (y) => `${y}年度` }],
    ['令和4年度', { header: 'single', yearForm: (y) => `${era(y)}年度` }],
    ['R4', { header: 'single', yearForm: (y) => short(y) }],
    ['R4年度', { header: 'single', yearForm: (y) => `${short(y)}年度` }],
    ['平成28年度 / 令和4年度 over the columns', { header: 'two-row', yearForm: heisei }],
    ['FY2022', { header: 'single', yearForm: (y) => `FY${y}` }],
    ['2022(R4)年度', { header: 'single', yearForm: (y) => `${y}(${short(y)})年度` }],
    ['2022（令和4）年度', { header: 'single', yearForm: (y) => `${y}（${era(y)}）年度` }],
    ['令和4年度 and (2022年度) on two lines of one cell', { header: 'single', yearForm: (y) => `${era(y)}年度\n(${y}年度)` }],
    ['令和4年度 and (2022年度) on two rows', { header: 'three-row', yearForm: (y) => `${heisei(y)}\n(${y}年度)` }],
    ['R5実績', { header: 'single', yearForm: (y) => `${short(y)}実績` }],
    ['2023実績', { header: 'single', yearForm: (y) => `${y}実績` }],
    ['実績値 merged over the year row', { header: 'two-row', yearForm: (y) => `${y}年度` }],
    ['策定時・実績値・目標値 on a row above 基本指標項目 and the years', { header: 'labels-above', yearForm: (y) => `${y}年度` }],
  ])('%s', (_name, layout) => expectCityAnswer(layout));
});

describe('columns in any order: a year column is known by its header, never by position', () => {
  it('newest year first', () =>
    expectCityAnswer({ header: 'two-row', yearForm: (y) => `${y}年度`, actualOrder: (ys) => ys.map((_, i) => ys.length - 1 - i) }));
  it('target before the years, references after them, 進捗状況 last', () =>
    expectCityAnswer({
      header: 'single',
      yearForm: (y) => short(y),
      blockOrder: ['target', 'actuals', 'refs', 'progress'],
      refOrder: ['midterm', 'baseline', 'review'],
    }));
});

describe('header words offices use', () => {
  it.each([
    ['基本指標', '基準値', '目標', '担当課'],
    ['成果指標', '現状値', '目標値', '所管課'],
    ['成果指標名', '計画策定時', '目標', '担当所属'],
    ['指標名', '策定時', '目標値', '担当課'],
    ['指標', '基準値', '目標', '所管課'],
  ])('%s / %s / %s / %s', (name, baseline, target, department) =>
    expectCityAnswer({ header: 'single', yearForm: (y) => `${y}年度`, words: { name, baseline, target, department } }),
  );

  it('目標達成率 is never read as the target nor written over as 進捗状況', () => {
    const layout: Layout = { header: 'single', yearForm: (y) => `${y}年度`, blockOrder: ['refs', 'actuals', 'rate', 'target', 'progress'] };
    expectCityAnswer(layout);
    const a = analyze(layOut(layout));
    for (const p of a.plan.policies) {
      const t = p.table!;
      const rateCol = t.targetCol! - 1;
      expect(a.plan.policies.length).toBe(7);
      expect(t.progressCol).not.toBe(rateCol);
      expect(t.years.map((y) => y.col)).not.toContain(rateCol);
      expect(
        progressEdits(a).cells.filter((e) => e.sheet === t.sheet && e.col === rateCol && e.row > t.headerRow && e.row <= t.lastRow),
      ).toEqual([]);
    }
  });
});

describe('names and rows as offices lay them out', () => {
  it('every name wrapped onto a second row: one indicator each, not the end of the table', () =>
    expectCityAnswer({ header: 'two-row', yearForm: (y) => `${y}年度`, wrapAt: (ind) => Math.ceil(ind.name.length / 2) }));

  it('names written above their figures (a name cell merged over two rows)', () =>
    expectCityAnswer({ header: 'two-row', yearForm: (y) => `${y}年度`, nameAbove: (_ind, i) => i % 2 === 0 }));

  it('a hidden row without values is not an indicator, and says so', () => {
    const layout: Layout = { header: 'two-row', yearForm: (y) => `${y}年度`, hiddenEmptyRow: true };
    expectCityAnswer(layout);
    const hidden = analyze(layOut(layout)).findings.filter((f) => f.rule === 'hidden-row');
    expect(hidden).toHaveLength(7);
    expect(hidden[0].message).toContain('非表示');
  });
});

describe('施策 numbers from the titles', () => {
  it.each<[string, Pick<Layout, 'sheetName' | 'heading'>]>([
    ['【基本施策３】 headings', { heading: (n, t) => `【基本施策${String.fromCharCode(0xff10 + n)}】${t}` }],
    ['`3．` headings with the 施策 title', { heading: (n, t) => `${n}．${t}` }],
    ['one sheet per 施策 named 基本施策3, no heading', { sheetName: (n) => `基本施策${n}`, heading: null }],
    ['one sheet per 施策 named 3．ICTを…, no heading', { sheetName: (n, t) => `${n}．${t}`.slice(0, 31), heading: null }],
  ])('%s', (_name, titles) => expectCityAnswer({ header: 'two-row', yearForm: (y) => `${y}年度`, ...titles }));

  it('a workbook holding only some 施策 keeps their real numbers', () => {
    const grid = layOut({ header: 'two-row', yearForm: (y) => `${y}年度`, sheetName: (n) => `基本施策${n}`, heading: null });
    grid.sheets = grid.sheets.filter((s) => s.name === '基本施策3' || s.name === '基本施策6');
    const a = analyze(grid);
    expect(a.plan.policies.map((p) => p.number)).toEqual([3, 6]);
    expect(a.findings.filter((f) => f.rule === 'policy-heading-missing')).toEqual([]);
    expect(a.coverage.complete).toBe(false);
    expect(a.coverage.policies).toMatchObject({ read: 2, expected: 7, missing: [1, 2, 4, 5, 7] });
  });
});

describe('more office spellings', () => {
  it('`(3) 基本施策3 …` headings and 基本指標（項目） as the name header', () =>
    expectCityAnswer({
      header: 'two-row',
      yearForm: (y) => `${y}`,
      heading: (n, t) => `(${n}) 基本施策${n} ${t}`,
      words: { name: '基本指標（項目）' },
    }));

  it('those headings give the real 施策 numbers, with no guess from the table order', () => {
    const a = analyze(layOut({ header: 'two-row', yearForm: (y) => `${y}`, heading: (n, t) => `(${n}) 基本施策${n} ${t}` }));
    expect(a.findings.filter((f) => f.rule === 'policy-heading-missing')).toEqual([]);
  });
});

describe('a year header that cannot be read', () => {
  it('leaves the table without the report year: coverage says which 施策, never a quiet missing arrow', () => {
    const grid = layOut({ header: 'single', yearForm: (y) => `${y}年度`, sheetName: (n) => `基本施策${n}`, heading: null });
    const sheet = grid.sheets.find((s) => s.name === '基本施策4')!;
    const col = sheet.rows[0].findIndex((c) => c?.value === '2023年度');
    sheet.rows[0][col] = { value: '今年度' };
    const a = analyze(grid);
    expect(a.year).toBe(2023);
    expect(a.coverage.complete).toBe(false);
    expect(a.coverage.problems.join('')).toContain('基本施策4の表に2023年度の実績値の列が見つかりません');
    expect(a.coverage.columns.skipped.map((c) => `${c.sheet}!${c.cell}`)).toEqual([`基本施策4!${String.fromCharCode(65 + col)}1`]);
  });

  it('a column of figures under a header like `R4見込` is named as unread; No. and 備考 columns are not', () => {
    const grid = layOut({ header: 'single', yearForm: (y) => `${y}年度`, sheetName: (n) => `基本施策${n}`, heading: null });
    for (const s of grid.sheets) {
      s.rows = s.rows.map((r, i) => [
        i === 0 ? { value: 'No.' } : r[0] ? { value: i } : null,
        ...r,
        i === 0 ? { value: '備考' } : r[0] ? { value: 1 } : null,
      ]);
    }
    expect(analyze(grid).coverage.complete).toBe(true);
    const sheet = grid.sheets[1];
    for (const [i, r] of sheet.rows.entries()) r.push(i === 0 ? { value: 'R4見込' } : r[1] ? { value: '12件' } : null);
    const a = analyze(grid);
    expect(a.coverage.complete).toBe(false);
    expect(a.coverage.columns.skipped).toEqual([
      expect.objectContaining({ sheet: '基本施策2', reason: expect.stringContaining('R4見込') }),
    ]);
    expect(a.findings.filter((f) => f.rule === 'column-not-read').map((f) => [f.severity, f.sheet])).toEqual([['error', '基本施策2']]);
  });
});
