/**
 * Year columns as offices head them in compact one-table-per-施策 layouts: reference columns beside
 * actuals of the same year, a single year under 実績値, 年度末 spellings, and formulas without results.
 */
import fc from 'fast-check';
import { analyze } from '../../../src/plan/engine';
import { parseFiscalYear } from '../../../src/plan/years';
import { addr, workbook, type CellInput } from '../build';

const DEPT = '市民・NPO活動推進課';
const HEADING = ['基本施策1 協働を支える人材の育成と協働意識の醸成'];
const table = (header: CellInput[][], body: CellInput[][]) => workbook([HEADING, [], ...header, ...body]);
const rules = (a: ReturnType<typeof analyze>, rule: string) => a.findings.filter((f) => f.rule === rule);

describe('a reference column of the same year as an actual', () => {
  const header = [
    '基本指標項目',
    '策定時(H28)',
    '中間年度(R3)',
    '令和3年度',
    '令和4年度',
    '令和5年度',
    '目標値(R7)',
    '進捗状況',
    '担当所属',
  ];

  it.each([
    ['up', [100, 999, 105, 110, 120, 150], '↑'],
    ['down', [50, 1, 48, 45, 40, 30], '↑'],
    ['up, a fall from the actual', [100, 1, 115, 110, 120, 150], '↓'],
  ] as const)('the 2021 actual, not the 中間年度 figure, is the year before 2022 (%s)', (_, v, arrow) => {
    const a = analyze(table([header], [['指標', ...v, '', DEPT]]), { year: 2022 });
    const t = a.plan.policies[0].table!;
    expect(t.indicators[0].series[0].values.get(2021)?.parsed).toMatchObject({ kind: 'number', value: v[2] });
    expect(a.progress!.policies[0].indicators[0].progress).toBe(arrow);
  });

  it('whichever side the reference column is on, the year keeps its actual', () => {
    const figure = fc.integer({ min: 1, max: 100_000 });
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.boolean(),
        fc.constantFrom('中間年度(R3)', '見直し時(2021年度)', '中間値(R3)'),
        (actual, reference, before, label) => {
          const cols: [string, number][] = before
            ? [
                [label, reference],
                ['令和3年度', actual],
              ]
            : [
                ['令和3年度', actual],
                [label, reference],
              ];
          const h = ['基本指標項目', '策定時(H28)', ...cols.map((c) => c[0]), '令和4年度', '目標値(R7)', '進捗状況', '担当所属'];
          const a = analyze(table([h], [['指標', 10, ...cols.map((c) => c[1]), 20, 30, '', DEPT]]), { year: 2022 });
          expect(a.plan.policies[0].table!.indicators[0].series[0].values.get(2021)?.parsed).toMatchObject({ value: actual });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('one year under 実績値', () => {
  it('a two-row header with a single year is read, its figures are the year’s actuals', () => {
    const a = analyze(
      table(
        [
          ['基本指標項目', '策定時', '実績値', '目標値', '進捗状況', '担当所属'],
          ['', '', '令和5年度', '', '', ''],
        ],
        [['講座数', 100, 120, 150, '', DEPT]],
      ),
      { year: 2023 },
    );
    const t = a.plan.policies[0].table!;
    expect(t.years.filter((y) => y.role === 'actual').map((y) => y.year)).toEqual([2023]);
    expect(t.indicators.map((i) => i.name)).toEqual(['講座数']);
    expect(a.progress!.policies[0].indicators[0].progress).toBe('↑');
    expect(a.coverage.columns.skipped).toEqual([]);
  });
});

describe('年度末 spellings', () => {
  it.each([
    ['令和5年度末', 2023],
    ['R5年度末', 2023],
    ['2023年度末', 2023],
    ['令和4年度末現在', 2022],
    ['2022年度末現在', 2022],
    ['H28年度末', 2016],
  ])('%s is %i', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  it('every spelling of a plan year, with or without 末 / 末現在, is that year', () => {
    const spelling = fc.constantFrom(
      (y: number) => String(y),
      (y: number) => `令和${y - 2018 === 1 ? '元' : y - 2018}`,
      (y: number) => `R${y - 2018}`,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 2019, max: 2025 }),
        spelling,
        fc.constantFrom('年度末', '年度末現在', '年度 末', '年度末 現在'),
        (year, spell, suffix) => {
          expect(parseFiscalYear(`${spell(year)}${suffix}`)).toBe(year);
        },
      ),
    );
  });

  it('columns headed 令和4年度末 / 令和5年度末 are the actuals of those years', () => {
    const a = analyze(
      table(
        [['基本指標項目', '策定時(H28)', '令和4年度末', '令和5年度末', '目標値(R7)', '進捗状況', '担当所属']],
        [['講座数', 100, 110, 120, 150, '', DEPT]],
      ),
    );
    const t = a.plan.policies[0].table!;
    expect(t.years.filter((y) => y.role === 'actual').map((y) => y.year)).toEqual([2022, 2023]);
    expect(a.progress!.year).toBe(2023);
    expect(rules(a, 'column-not-read')).toEqual([]);
  });
});

describe('formulas without a saved result', () => {
  it('still count as the year filled in: the report year is the year they sit in', () => {
    const rows = [
      ['指標1', 100, 110, { value: null, formula: 'C3*2' }, 150, '', DEPT],
      ['指標2', 50, 45, { value: null, formula: "'基本施策1'!D4" }, 30, '', DEPT],
    ];
    const a = analyze(table([['基本指標項目', '策定時(H28)', '令和4年度', '令和5年度', '目標値(R7)', '進捗状況', '担当所属']], rows));
    expect(a.progress!.year).toBe(2023);
    expect(rules(a, 'formula-not-computed').length).toBeGreaterThan(0);
  });
});

describe('one finding per unread column', () => {
  it('a column of figures under a header that is not a year is one column-not-read error, no second warning', () => {
    const a = analyze(
      table(
        [['基本指標項目', '策定時(H28)', '令和4年度', '実績値', '目標値(R7)', '進捗状況', '担当所属']],
        [['講座数', 100, 110, 120, 150, '', DEPT]],
      ),
      { year: 2022 },
    );
    const cell = addr(2, 3);
    expect(a.findings.filter((f) => f.cell === cell).map((f) => [f.rule, f.severity])).toEqual([['column-not-read', 'error']]);
    expect(a.coverage.complete).toBe(false);
  });

  it('the same header over an empty column is a single warning', () => {
    const a = analyze(
      table(
        [['基本指標項目', '策定時(H28)', '令和4年度', '実績値', '目標値(R7)', '進捗状況', '担当所属']],
        [['講座数', 100, 110, '', 150, '', DEPT]],
      ),
      { year: 2022 },
    );
    expect(a.findings.filter((f) => f.cell === addr(2, 3)).map((f) => [f.rule, f.severity])).toEqual([['unplaced-header', 'warning']]);
  });

  it('a table without the checked year’s column is an error, as coverage says', () => {
    const a = analyze(
      table([['基本指標項目', '策定時(H28)', '令和4年度', '目標値(R7)', '進捗状況', '担当所属']], [['講座数', 100, 110, 150, '', DEPT]]),
      { year: 2023 },
    );
    expect(rules(a, 'year-column-missing').map((f) => f.severity)).toEqual(['error']);
    expect(a.coverage.complete).toBe(false);
  });
});
