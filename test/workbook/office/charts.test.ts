import type { SheetSpec } from '../../../src/plan/edits';
import { NOTE_TAG } from '../../../src/workbook/office/writeOps';
import type { ChartSpec } from '../../../src/plan/trend-charts';
import { OfficeWorkbook, OfficeWorkbookError } from '../../../src/workbook/office';
import { FakeExcel, FakeOfficeError } from './fakeExcel';

const gateway = (fake: FakeExcel) => new OfficeWorkbook(fake.run, '進捗報告.xlsx', { supports: () => true, runOn: fake.runOn });

const sheet: SheetSpec = {
  name: '推移グラフ',
  rows: [
    ['推移グラフ'],
    [],
    ['基本施策1 講座数', '2016年度（策定時）', '2022年度', '2023年度'],
    ['実績値', 80, 120, 130],
    ['目標値', 150, 150, 150],
    [],
    ['基本施策1 参加者数', '2022年度', '2023年度'],
    ['実績値', 10, 12],
  ],
  headingRows: [0],
};
const charts: ChartSpec[] = [
  { title: '基本施策1 講座数', data: { row: 2, col: 0, rows: 3, cols: 4 }, from: 'F4', to: 'L18' },
  { title: '基本施策1 参加者数', data: { row: 6, col: 0, rows: 2, cols: 3 }, from: 'N4', to: 'T18' },
];

describe('OfficeWorkbook.addTrendCharts', () => {
  it('builds the sheet and draws one line chart per spec, titled and placed, in two syncs', async () => {
    const fake = new FakeExcel();
    fake.addSheet('基本施策1');
    await gateway(fake).addTrendCharts(sheet, charts);
    expect(fake.syncs).toHaveLength(2);
    const ws = fake.sheet('推移グラフ');
    expect(fake.cell('推移グラフ', 'B4')?.value).toBe(80);
    expect(ws.charts).toEqual([
      {
        type: 'LineMarkers',
        source: 'A3:D5',
        seriesBy: 'Rows',
        title: '基本施策1 講座数',
        titleFontSize: 10,
        legendPosition: 'Bottom',
        from: 'F4',
        to: 'L18',
      },
      {
        type: 'LineMarkers',
        source: 'A7:C8',
        seriesBy: 'Rows',
        title: '基本施策1 参加者数',
        titleFontSize: 10,
        legendPosition: 'Bottom',
        from: 'N4',
        to: 'T18',
      },
    ]);
    // Events are off while the add-in writes, and back as they were afterwards.
    const sets = fake.syncs[1].commands.filter((c) => c.what === 'Runtime.enableEvents').map((c) => c.args[0]);
    expect(sets).toEqual([false, true]);
    expect(fake.enableEvents).toBe(true);
  });

  it('replaces an earlier 推移グラフ sheet (and its charts) in place', async () => {
    const fake = new FakeExcel();
    fake.addSheet('基本施策1');
    fake.addSheet('推移グラフ', { cells: { A1: '古い表' } });
    fake.addSheet('提出履歴');
    fake.sheet('推移グラフ').charts.push({ type: 'Line', source: 'A1:B2' });
    await gateway(fake).addTrendCharts(sheet, charts);
    expect(fake.sheets.map((s) => s.name)).toEqual(['基本施策1', '推移グラフ', '提出履歴']);
    expect(fake.sheet('推移グラフ').charts).toHaveLength(2);
    expect(fake.cell('推移グラフ', 'A1')?.value).toBe('推移グラフ');
  });

  it('explains a failure in Japanese, says the sheet may be partly built, and turns events back on', async () => {
    const fake = new FakeExcel();
    fake.failOn = (c) => (c.what.endsWith('setPosition') ? new FakeOfficeError('InvalidArgument', 'bad', 'Chart.setPosition') : undefined);
    const error = (await gateway(fake)
      .addTrendCharts(sheet, charts)
      .catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(error.message).toMatch(/^「進捗報告\.xlsx」にグラフを作成できませんでした。/);
    expect(error.message).toMatch(/一部のセルだけが変更されている可能性があります/);
    expect(error.code).toBe('InvalidArgument');
    expect(error.written).toBe('maybe');
    // The failed sync dropped the rest of its batch, the restore of events with it: a sync of its own.
    expect(fake.syncs).toHaveLength(3);
    expect(fake.syncs[2].commands.map((c) => [c.what, ...c.args])).toEqual([['Runtime.enableEvents', true]]);
    expect(fake.enableEvents).toBe(true);
  });

  it('keeps events off after a failure when they were off before', async () => {
    const fake = new FakeExcel();
    fake.enableEvents = false;
    fake.failOn = (c) => (c.what.endsWith('setPosition') ? new FakeOfficeError('InvalidArgument', 'bad', 'Chart.setPosition') : undefined);
    await expect(gateway(fake).addTrendCharts(sheet, charts)).rejects.toBeInstanceOf(OfficeWorkbookError);
    expect(fake.syncs[fake.syncs.length - 1].commands.map((c) => [c.what, ...c.args])).toEqual([['Runtime.enableEvents', false]]);
    expect(fake.enableEvents).toBe(false);
  });

  it('still reports the original error when events cannot be turned back on, and says so', async () => {
    const fake = new FakeExcel();
    fake.failOn = (c) => {
      if (c.what.endsWith('setPosition')) return new FakeOfficeError('InvalidArgument', 'bad', 'Chart.setPosition');
      if (c.what === 'Runtime.enableEvents' && c.args[0] === true)
        return new FakeOfficeError('GeneralException', 'down', 'Runtime.enableEvents');
      return undefined;
    };
    const error = (await gateway(fake)
      .addTrendCharts(sheet, charts)
      .catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toMatch(/入力内容のチェックが止まったままになっている可能性があります/);
  });

  it('suspends calculation (and screen updating where ExcelApi 1.9 has it) for the write, then recalculates', async () => {
    const fake = new FakeExcel();
    await gateway(fake).addTrendCharts(sheet, charts);
    const write = fake.syncs[1].commands.map((c) => c.what);
    expect(write.slice(0, 2)).toEqual(['Application.suspendApiCalculationUntilNextSync', 'Application.suspendScreenUpdatingUntilNextSync']);
    expect(write).toContain('Application.calculate');

    const old = new FakeExcel();
    await new OfficeWorkbook(old.run, 'a.xlsx', { supports: (_s, v) => v !== '1.9' }).addTrendCharts(sheet, charts);
    expect(old.commands().map((c) => c.what)).toContain('Application.suspendApiCalculationUntilNextSync');
    expect(old.commands().map((c) => c.what)).not.toContain('Application.suspendScreenUpdatingUntilNextSync');
  });

  describe('with thousands of charts', () => {
    const many = (n: number) => {
      const rows: SheetSpec['rows'] = [['推移グラフ（2023年度実施報告）'], [], []];
      const specs: ChartSpec[] = [];
      for (let i = 0; i < n; i++) {
        const title = `基本施策${(i % 12) + 1} 指標${i + 1} 協働事業の参加団体数［団体］`;
        const at = rows.length;
        rows.push([title, '2016年度（策定時）', '2020年度（見直し時）', '2022年度', '2023年度']);
        rows.push(['実績値', 80 + i, 100, 120, 130 + (i % 7)]);
        rows.push(['目標値', 150, 150, 150, 150]);
        rows.push([]);
        specs.push({ title, data: { row: at, col: 0, rows: 3, cols: 5 }, from: `H${4 + i * 16}`, to: `N${18 + i * 16}` });
      }
      return { sheet: { ...sheet, rows }, charts: specs };
    };

    it('keeps every sync within the budget and still draws every chart', async () => {
      const budget = 400_000;
      const fake = new FakeExcel();
      const big = many(5000);
      await new OfficeWorkbook(fake.run, 'a.xlsx', { supports: () => true, maxSyncBytes: budget }).addTrendCharts(big.sheet, big.charts);
      const writes = fake.syncs.slice(1);
      expect(writes.length).toBeGreaterThan(1);
      for (const s of fake.syncs) expect(s.bytes).toBeLessThanOrEqual(budget);
      expect(fake.sheet('推移グラフ').charts).toHaveLength(5000);
      expect(fake.sheet('推移グラフ').charts[4999]).toMatchObject({
        source: 'A20000:E20002',
        title: big.charts[4999].title,
        from: big.charts[4999].from,
      });
      expect(fake.cell('推移グラフ', 'B20001')?.value).toBe(5079);
      // Every write sync suspends calculation; events go off in the first and come back in the last.
      for (const s of writes) expect(s.commands[0].what).toBe('Application.suspendApiCalculationUntilNextSync');
      const events = writes.map((s) => s.commands.filter((c) => c.what === 'Runtime.enableEvents').map((c) => c.args[0]));
      expect(events[0]).toEqual([false]);
      expect(events[events.length - 1]).toEqual([true]);
      expect(events.slice(1, -1).every((e) => e.length === 0)).toBe(true);
      expect(fake.enableEvents).toBe(true);
    });

    it('says a failure after the first write sync left part of the sheet written', async () => {
      const fake = new FakeExcel();
      const big = many(2000);
      fake.failOn = (c) =>
        c.what.endsWith('charts[1500].setPosition') ? new FakeOfficeError('InvalidArgument', 'bad', 'Chart.setPosition') : undefined;
      const error = (await new OfficeWorkbook(fake.run, 'a.xlsx', { supports: () => true, maxSyncBytes: 400_000 })
        .addTrendCharts(big.sheet, big.charts)
        .catch((e: unknown) => e)) as OfficeWorkbookError;
      expect(error.written).toBe('partial');
      expect(error.message).toMatch(/変更の一部はすでに書き込まれています/);
      expect(fake.enableEvents).toBe(true);
    });

    it('fits the usual few dozen charts in one write sync at the default budget', async () => {
      const fake = new FakeExcel();
      const usual = many(40);
      await gateway(fake).addTrendCharts(usual.sheet, usual.charts);
      expect(fake.syncs).toHaveLength(2);
      expect(fake.sheet('推移グラフ').charts).toHaveLength(40);
    });
  });
});

describe('OfficeWorkbook: clear marks', () => {
  it('takes the fill and the note away (ExcelApi 1.18), leaving other cells alone', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', {
      cells: { H8: { value: 'x', fill: '#FFC7CE' }, H9: { value: 'y', fill: '#FFC7CE' } },
      notes: new Map([['H8', `${NOTE_TAG}\n実績値を数値として読めません`]]),
    });
    await gateway(fake).apply({ cells: [{ sheet: '施策1', row: 7, col: 7, mark: 'clear' }] });
    expect(fake.cell('施策1', 'H8')?.fill).toBeUndefined();
    expect(fake.cell('施策1', 'H9')?.fill).toBe('#FFC7CE');
    expect(fake.sheet('施策1').notes.has('H8')).toBe(false);
    expect(fake.commands().some((c) => c.what === 'Worksheet[施策1].Range[H8:H8].format.fill.clear')).toBe(true);
  });

  it('does not recalculate the workbook for marks alone (the live check marks at every pause in typing)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', { cells: { H8: 'x', H9: 'y' } });
    await gateway(fake).apply({ cells: [{ sheet: '施策1', row: 7, col: 7, mark: 'error', note: '誤り' }] });
    expect(fake.cell('施策1', 'H8')?.fill).toBe('#FFC7CE');
    expect(fake.commands().some((c) => c.what === 'Application.calculate')).toBe(false);
    await gateway(fake).apply({ cells: [{ sheet: '施策1', row: 8, col: 7, value: 'z' }] });
    expect(fake.commands().some((c) => c.what === 'Application.calculate')).toBe(true);
  });

  it('keeps a person’s own note and fill: marking does not paint over them, clearing does not remove them', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', {
      cells: { H8: { value: 'x', fill: '#00B050' }, H9: { value: 'y', fill: '#00B050' }, H10: { value: 'z' } },
      notes: new Map([
        ['H8', '課長確認済み'],
        ['H9', '後で直す'],
      ]),
    });
    await gateway(fake).apply({
      cells: [
        { sheet: '施策1', row: 7, col: 7, mark: 'clear' },
        { sheet: '施策1', row: 8, col: 7, mark: 'error', note: '数値として読めません' },
        { sheet: '施策1', row: 9, col: 7, mark: 'warning', note: '前年度の 3 倍を超えています' },
      ],
    });
    expect(fake.cell('施策1', 'H8')?.fill).toBe('#00B050');
    expect(fake.cell('施策1', 'H9')?.fill).toBe('#00B050');
    expect(Object.fromEntries(fake.sheet('施策1').notes)).toEqual({
      H8: '課長確認済み',
      H9: '後で直す',
      H10: `${NOTE_TAG}\n前年度の 3 倍を超えています`,
    });
    // A cell without a fill of its own is marked as usual.
    expect(fake.cell('施策1', 'H10')?.fill).toBe('#FFEB9C');
  });

  it('clears the fill without notes when ExcelApi 1.18 is missing; on a protected sheet too', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', { protected: true, cells: { H8: { value: 'x', fill: '#FFEB9C' } } });
    const gw = new OfficeWorkbook(fake.run, 'a.xlsx', { supports: (_s, v) => v !== '1.18', runOn: fake.runOn });
    await gw.apply({
      cells: [
        { sheet: '施策1', row: 7, col: 7, mark: 'clear' },
        { sheet: '施策1', row: 8, col: 7, mark: 'error', note: '誤り' },
      ],
    });
    expect(fake.cell('施策1', 'H8')?.fill).toBeUndefined();
    expect(fake.cell('施策1', 'H9')?.fill).toBe('#FFC7CE');
    expect(fake.sheet('施策1').protected).toBe(true);
    expect(fake.commands().some((c) => c.what.includes('notes'))).toBe(false);
  });
});

describe('OfficeWorkbook.onCellsEdited', () => {
  it('names the sheet of each edit (ids looked up), and still skips the add-in’s own edits', async () => {
    const fake = new FakeExcel();
    const s1 = fake.addSheet('基本施策1');
    const seen: unknown[] = [];
    // The name lookup runs after the event handler returns: let it finish.
    const settle = () => new Promise((r) => setTimeout(r, 0));
    await gateway(fake).onCellsEdited((e) => seen.push(e));
    await fake.fireChanged({ worksheetId: s1.id, address: 'H8', triggerSource: 'Unknown' });
    await fake.fireChanged({ worksheetId: s1.id, address: 'H9', triggerSource: 'ThisLocalAddin' });
    await fake.fireChanged({ worksheetId: '{gone}', address: 'A1', triggerSource: 'Unknown' });
    await settle();
    s1.name = '施策1（改）';
    await fake.fireChanged({ worksheetId: s1.id, address: 'H10', triggerSource: 'Unknown' });
    await settle();
    expect(seen).toEqual([
      { sheet: '基本施策1', address: 'H8' },
      { sheet: '施策1（改）', address: 'H10' },
    ]);
  });
});
