/**
 * One 施策 table at a time, each with the one thing an office did differently: the reader must
 * take it as the office meant it, or say which cell it could not read.
 */
import { analyze, progressEdits } from '../../../src/plan/engine';
import type { WorkbookGrid } from '../../../src/plan/grid';
import {
  addr,
  COL,
  INDICATOR_HEADER,
  indicatorRow,
  policyBlock,
  seriesRow,
  workbook,
  YEAR_ROW,
  type CellInput,
  type IndicatorInput,
} from '../build';

/** policyBlock rows: heading (0), blank (1), header (2), year row (3), data from row 4. */
const FIRST = 4;

function ind(name: string, over: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    name,
    target: '300件',
    ...over,
    values: { 2016: '261件', 2020: '238件', 2021: '296件', 2022: '260件', 2023: '299件', ...over.values },
  };
}

const rowsOf = (body: CellInput[][]) => policyBlock(1, body);
const run = (grid: WorkbookGrid, year?: number) => analyze(grid, year ? { year } : {});
const rules = (a: ReturnType<typeof analyze>, rule: string) => a.findings.filter((f) => f.rule === rule);
const nameRow = (name: string): CellInput[] => {
  const r: CellInput[] = new Array(INDICATOR_HEADER.length).fill(null);
  r[COL.name] = name;
  return r;
};

describe('（中3）-style sub-labels', () => {
  it('a label on its own line with figures is the next series of the indicator above, not a new one', () => {
    const sub = seriesRow({ 2016: '60.0%', 2022: '58.0%', 2023: '61.0%' }, '65.0%');
    sub[COL.name] = '（中3）';
    const a = run(
      workbook(
        rowsOf([
          indicatorRow(
            ind('地域の行事に参加している生徒の割合（小6）', {
              values: { 2016: '70.0%', 2020: '', 2021: '', 2022: '72.0%', 2023: '73.0%' },
              target: '75.0%',
            }),
          ),
          sub,
        ]),
      ),
      2023,
    );
    const inds = a.plan.policies[0].table!.indicators;
    expect(inds).toHaveLength(1);
    expect(inds[0].series).toHaveLength(2);
    expect(inds[0].series[1].label).toBe('中3');
    expect(a.coverage.complete).toBe(false); // only 施策1 is here
    expect(a.coverage.indicators).toEqual({ read: 1, skipped: [] });
  });

  it('a label alone on a row names the figures on the row below', () => {
    const a = run(
      workbook(rowsOf([indicatorRow(ind('参加割合')), nameRow('(中3)'), seriesRow({ 2022: '50件', 2023: '55件' }, '60件')])),
      2023,
    );
    const inds = a.plan.policies[0].table!.indicators;
    expect(inds).toHaveLength(1);
    expect(inds[0].series.map((s) => s.label)).toEqual([undefined, '中3']);
  });
});

describe('rows that are not indicators, and rows that cannot be read', () => {
  it('figures with no name at the top of a table are listed by cell, and the check fails', () => {
    const a = run(workbook(rowsOf([seriesRow({ 2022: '10件', 2023: '12件' }, '20件'), indicatorRow(ind('講座数'))])), 2023);
    expect(a.coverage.indicators.skipped).toEqual([
      { sheet: '基本指標', cell: addr(FIRST, 0), reason: expect.stringContaining('指標名がない') },
    ]);
    expect(rules(a, 'row-not-read')).toHaveLength(1);
    expect(a.coverage.problems.join('')).toContain(`基本指標!${addr(FIRST, 0)}`);
  });

  it('a label row inside a table does not end it: the indicators below are still read, and the label is named', () => {
    const a = run(workbook(rowsOf([indicatorRow(ind('講座数')), [], nameRow('【地域】'), indicatorRow(ind('参加者数'))])), 2023);
    expect(a.plan.policies[0].table!.indicators.map((i) => i.name)).toEqual(['講座数', '参加者数']);
    expect(rules(a, 'unread-label')[0].cell).toBe(addr(FIRST + 2, 0));
  });

  it('a hidden row without values is not counted; a hidden row with values is read and named', () => {
    const rows = rowsOf([indicatorRow(ind('講座数')), nameRow('廃止した指標'), indicatorRow(ind('参加者数'))]);
    const grid = workbook(rows);
    grid.sheets[0].hiddenRows = [FIRST + 1, FIRST + 2];
    const a = run(grid, 2023);
    expect(a.plan.policies[0].table!.indicators.map((i) => i.name)).toEqual(['講座数', '参加者数']);
    expect(rules(a, 'hidden-row').map((f) => f.cell)).toEqual([addr(FIRST + 1, 0)]);
    const hidden = rules(a, 'hidden-indicator');
    expect(hidden.map((f) => f.cell)).toEqual([addr(FIRST + 2, 0)]);
    expect(hidden[0].message).toContain(`行 ${FIRST + 3}`);
  });
});

describe('figures as offices write them', () => {
  it('％ in a 単位 column is %: no unit mismatch with figures typed with %', () => {
    const header = [...INDICATOR_HEADER, '単位'];
    const row = [
      ...indicatorRow(
        ind('加入率', { values: { 2016: '63.2%', 2020: '61.4%', 2021: '60.9%', 2022: '61.9%', 2023: '61.6%' }, target: '70.0%' }),
      ),
      '％',
    ];
    const a = run(workbook(policyBlock(1, [row], { header, yearRow: [...YEAR_ROW, ''] })), 2023);
    expect(a.plan.policies[0].table!.indicators[0].unit).toBe('%');
    expect(rules(a, 'unit-mismatch')).toEqual([]);
  });

  it.each([
    ['13,236人 ※R6.3.31時点', 13236, '※R6.3.31時点', '人'],
    ['R6.3末 148法人', 148, 'R6.3末', '法人'],
    ['75.6%（速報値）', 75.6, '(速報値)', '%'],
  ])('%s: the figure is read, the note kept as a warning', (text, value, note, unit) => {
    const earlier = { 2016: `50${unit}`, 2020: `60${unit}`, 2021: `61${unit}`, 2022: `62${unit}` };
    const a = run(workbook(rowsOf([indicatorRow(ind('登録者数', { values: { ...earlier, 2023: text }, target: `90${unit}` }))])), 2023);
    const v = a.plan.policies[0].table!.indicators[0].series[0].values.get(2023)!.parsed;
    expect(v).toMatchObject({ kind: 'number', value, note });
    const f = rules(a, 'value-note');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain(note);
    expect(a.findings.filter((x) => x.severity === 'error' && x.cell === addr(FIRST, COL[2023]))).toEqual([]);
  });

  it.each(['－', '―', '‐', '-', '─', '／', '/', 'ー', '該当なし', '未集計'])('%s means no value, not an unreadable one', (mark) => {
    const a = run(workbook(rowsOf([indicatorRow(ind('登録者数', { values: { 2016: mark } }))])), 2023);
    expect(a.plan.policies[0].table!.indicators[0].series[0].values.get(2016)!.parsed.kind).toBe('none');
    expect(rules(a, 'not-a-number')).toEqual([]);
  });
});

describe('formulas', () => {
  const withFormula = (cell: CellInput) => rowsOf([indicatorRow(ind('講座数', { values: { 2023: cell } }))]);

  it('the cached result of a formula is the value', () => {
    const a = run(workbook(withFormula({ value: 299, formula: 'F5+39' })), 2023);
    expect(a.progress!.policies[0].indicators[0]).toMatchObject({ current: 299, progress: '↑' });
  });

  it('a SUM over the same sheet without a saved result is worked out', () => {
    const rows = withFormula({ value: null, formula: 'SUM(F5,O5:P5)' });
    rows[FIRST].push(null, 20, 19);
    const a = run(workbook(rows), 2023);
    expect(a.progress!.policies[0].indicators[0].current).toBe(260 + 39);
    expect(rules(a, 'formula-not-computed')).toEqual([]);
  });

  it('any other formula without a saved result is reported by cell, never as 未入力', () => {
    const a = run(workbook(withFormula({ value: null, formula: 'VLOOKUP(A5,集計!A:B,2,FALSE)' })), 2023);
    const f = rules(a, 'formula-not-computed');
    expect(f.map((x) => x.cell)).toEqual([addr(FIRST, COL[2023])]);
    expect(f[0].message).toContain('計算結果が保存されていません。Excel で開いて保存し直してください');
    expect(rules(a, 'actual-missing')).toEqual([]);
  });

  it('an office’s own IF formula in 進捗状況 is reported and kept, and written over only when asked', () => {
    const a = run(workbook(rowsOf([indicatorRow(ind('講座数', { progress: { value: '↑', formula: 'IF(G5>F5,"↑","↓")' } }))])), 2023);
    const cell = addr(FIRST, COL.progress);
    expect(rules(a, 'progress-formula').map((f) => f.cell)).toEqual([cell]);
    const arrowAt = (edits: ReturnType<typeof progressEdits>) =>
      edits.cells.filter((e) => e.mark === 'arrow' && e.row === FIRST && e.col === COL.progress);
    expect(arrowAt(progressEdits(a))).toEqual([]);
    expect(arrowAt(progressEdits(a, { overwriteFormulas: true }))).toHaveLength(1);
  });
});

describe('the report year and the 進捗状況 column', () => {
  it('is the latest year most indicators have; a stray later entry is a finding, not the year', () => {
    const inds = ['講座数', '参加者数', '登録者数'].map((n, i) => ind(n, i === 0 ? { values: { 2024: '310件' } } : {}));
    const a = run(workbook(rowsOf(inds.map(indicatorRow))));
    expect(a.year).toBe(2023);
    const stray = rules(a, 'stray-later-value');
    expect(stray.map((f) => f.cell)).toEqual([addr(FIRST, COL[2024])]);
    expect(stray[0].message).toContain('2024年度');
  });

  it('--year wins over the inference', () => {
    const a = run(workbook(rowsOf([indicatorRow(ind('講座数', { values: { 2024: '310件' } }))])), 2022);
    expect(a.year).toBe(2022);
  });

  it('no 進捗状況 column: the arrows go into a new one right after 目標値, with its header and a note', () => {
    const header = INDICATOR_HEADER.filter((h) => h !== '進捗状況');
    const drop = (r: CellInput[]) => r.filter((_, i) => i !== COL.progress);
    const rows = policyBlock(1, [drop(indicatorRow(ind('講座数')))], { header, yearRow: drop(YEAR_ROW) });
    // 目標値 sits where 進捗状況 was; the column after it holds the reasons, so the new column goes right of the table.
    const a = run(workbook(rows), 2023);
    const edits = progressEdits(a).cells;
    const headerEdit = edits.find((e) => e.value === '進捗状況')!;
    expect(headerEdit).toMatchObject({ row: 2, col: header.length });
    expect(headerEdit.note).toContain('進捗状況の列がなかった');
    expect(edits.find((e) => e.mark === 'arrow')).toMatchObject({ row: FIRST, col: header.length, value: '↑' });
    expect(rules(a, 'progress-column-missing')).toHaveLength(1);
  });

  it('no 進捗状況 column on a protected sheet: no column is added, no arrow written, and the sheet is named', () => {
    const header = INDICATOR_HEADER.filter((h) => h !== '進捗状況');
    const drop = (r: CellInput[]) => r.filter((_, i) => i !== COL.progress);
    const grid = workbook(policyBlock(1, [drop(indicatorRow(ind('講座数')))], { header, yearRow: drop(YEAR_ROW) }));
    grid.sheets[0].protected = true;
    const a = run(grid, 2023);
    const edits = progressEdits(a).cells;
    expect(edits.find((e) => e.mark === 'arrow')).toBeUndefined();
    expect(edits.find((e) => e.value === '進捗状況')).toBeUndefined();
    expect(rules(a, 'progress-column-missing')).toHaveLength(0);
    const [f] = rules(a, 'progress-column-protected');
    expect(f.message).toContain(`シート「${grid.sheets[0].name}」`);
    expect(f.message).toContain('保護');
  });

  it('no 進捗状況 column and a free column after 目標値: the new column goes right after 目標値', () => {
    const header = [...INDICATOR_HEADER.filter((h) => h !== '進捗状況').slice(0, 10), '', '施策の実施状況・実績の増減理由等', '担当所属'];
    const drop = (r: CellInput[]) => [...r.filter((_, i) => i !== COL.progress).slice(0, 10), null, ...r.slice(-2)];
    const rows = policyBlock(1, [drop(indicatorRow(ind('講座数')))], { header, yearRow: drop(YEAR_ROW) });
    const a = run(workbook(rows), 2023);
    expect(progressEdits(a).cells.find((e) => e.mark === 'arrow')).toMatchObject({ row: FIRST, col: 10 });
  });
});

describe('look-alike columns', () => {
  it('目標年度 beside 目標値 is not the target; 中間値 is the mid-term reference', () => {
    const header = [...INDICATOR_HEADER];
    header[COL[2021]] = '中間値';
    const rows = policyBlock(1, [[...indicatorRow(ind('講座数')), '2025']], {
      header: [...header, '目標年度'],
      yearRow: [...YEAR_ROW, ''],
    });
    // 目標年度 is written after 目標値 here and again before it below: neither is taken as the target.
    const a = run(workbook(rows), 2023);
    expect(a.plan.policies[0].table!.targetCol).toBe(COL.target);
    expect(a.plan.policies[0].table!.years.find((y) => y.col === COL[2021])?.role).toBe('midterm');
    const before = [...header];
    before.splice(COL.target, 0, '目標年度');
    const body = indicatorRow(ind('講座数'));
    body.splice(COL.target, 0, '2025');
    const b = run(
      workbook(policyBlock(1, [body], { header: before, yearRow: [...YEAR_ROW.slice(0, COL.target), '', ...YEAR_ROW.slice(COL.target)] })),
      2023,
    );
    expect(b.plan.policies[0].table!.targetCol).toBe(COL.target + 1);
    expect(b.progress!.policies[0].indicators[0].target).toBe(300);
  });
});

describe('group labels above the name row', () => {
  it('策定時 / 実績値 / 目標値 on the row above, the years on the row of 基本指標項目: each year column keeps its role', () => {
    const labels: CellInput[] = new Array(INDICATOR_HEADER.length).fill(null);
    labels[COL[2016]] = '策定時';
    labels[COL[2020]] = '見直し時';
    labels[COL[2021]] = '中間年度';
    labels[COL[2022]] = '実績値';
    labels[COL.progress] = '進捗状況';
    labels[COL.target] = '目標値';
    const years = YEAR_ROW.map((y, i) => (i === COL.name ? '基本指標項目' : i === COL.description ? '説明' : y));
    years[COL.reason] = '施策の実施状況・実績の増減理由等';
    years[COL.department] = '担当所属';
    const rows: CellInput[][] = [
      ['基本施策1 協働を支える人材の育成と協働意識の醸成'],
      [],
      labels,
      years,
      indicatorRow(ind('講座数', { values: { 2023: '320件' } })),
    ];
    const a = run(workbook(rows), 2023);
    const t = a.plan.policies[0].table!;
    expect(t.targetCol).toBe(COL.target);
    expect(t.years.find((y) => y.col === COL[2016])?.role).toBe('baseline');
    expect(t.years.filter((y) => y.role === 'actual').map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(a.progress!.policies[0].indicators[0]).toMatchObject({ target: 300, achieved: true, progress: '↑' });
  });
});

describe('a name and its description both wrapped onto a second row', () => {
  it('is one indicator, its name and description joined', () => {
    const second: CellInput[] = new Array(INDICATOR_HEADER.length).fill(null);
    second[COL.name] = '実施件数';
    second[COL.description] = '（年間）';
    const a = run(
      workbook(rowsOf([indicatorRow(ind('きらめき出前講座', { description: '講座の件数' })), second, indicatorRow(ind('参加者数'))])),
      2023,
    );
    const inds = a.plan.policies[0].table!.indicators;
    expect(inds.map((i) => i.name)).toEqual(['きらめき出前講座実施件数', '参加者数']);
    expect(inds[0].description).toBe('講座の件数（年間）');
    expect(a.coverage.indicators.read).toBe(2);
  });
});

describe('a row with a name and no figures right under an indicator', () => {
  const H = ['基本指標項目', '策定時(H28)', '令和4年度', '令和5年度', '目標値(R7)', '進捗状況', '担当所属'];
  const DEPT = '市民・NPO活動推進課';
  const of = (rows: CellInput[][]) =>
    analyze(workbook([['基本施策1 協働を支える人材の育成と協働意識の醸成'], [], H, ...rows]), { year: 2023 });

  it.each([
    ['the same 担当', DEPT],
    ['another 担当', '生涯学習課'],
  ])('with %s is a new indicator whose actual is missing, not part of the name above', (_, dept) => {
    const a = of([
      ['指標1の1', 100, 110, 120, 150, '', DEPT],
      ['新しい指標1', '', '', '', '', '', dept],
      ['指標1の2', 50, 45, 40, 30, '', DEPT],
    ]);
    expect(a.plan.policies[0].table!.indicators.map((i) => i.name)).toEqual(['指標1の1', '新しい指標1', '指標1の2']);
    expect(rules(a, 'actual-missing').map((f) => f.cell)).toEqual([addr(4, 3)]);
    expect(rules(a, 'names-joined')).toEqual([]);
  });

  it('with nothing else on it is the wrapped name above, and the joining is reported at its cell', () => {
    const a = of([['きらめき出前講座', 100, 110, 120, 150, '', DEPT], ['実施件数'], ['指標1の2', 50, 45, 40, 30, '', DEPT]]);
    expect(a.plan.policies[0].table!.indicators.map((i) => i.name)).toEqual(['きらめき出前講座実施件数', '指標1の2']);
    const joined = rules(a, 'names-joined');
    expect(joined.map((f) => [f.cell, f.severity])).toEqual([[addr(4, 0), 'warning']]);
    expect(joined[0].message).toContain('きらめき出前講座実施件数');
  });
});
