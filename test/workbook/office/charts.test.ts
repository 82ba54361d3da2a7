import type { SheetSpec } from '../../../src/plan/edits';
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
      { type: 'LineMarkers', source: 'A3:D5', seriesBy: 'Rows', title: '基本施策1 講座数', titleFontSize: 10, legendPosition: 'Bottom', from: 'F4', to: 'L18' },
      { type: 'LineMarkers', source: 'A7:C8', seriesBy: 'Rows', title: '基本施策1 参加者数', titleFontSize: 10, legendPosition: 'Bottom', from: 'N4', to: 'T18' },
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

  it('explains a failure in Japanese and says the workbook may be partly changed', async () => {
    const fake = new FakeExcel();
    fake.failOn = (c) => (c.what.endsWith('setPosition') ? new FakeOfficeError('InvalidArgument', 'bad', 'Chart.setPosition') : undefined);
    const error = (await gateway(fake).addTrendCharts(sheet, charts).catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(error.message).toMatch(/^「進捗報告\.xlsx」にグラフを作成できませんでした。/);
    expect(error.written).toBe('maybe');
  });
});

describe('OfficeWorkbook: clear marks', () => {
  it('takes the fill and the note away (ExcelApi 1.18), leaving other cells alone', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', { cells: { H8: { value: 'x', fill: '#FFC7CE' }, H9: { value: 'y', fill: '#FFC7CE' } }, notes: new Map([['H8', '実績値を数値として読めません']]) });
    await gateway(fake).apply({ cells: [{ sheet: '施策1', row: 7, col: 7, mark: 'clear' }] });
    expect(fake.cell('施策1', 'H8')?.fill).toBeUndefined();
    expect(fake.cell('施策1', 'H9')?.fill).toBe('#FFC7CE');
    expect(fake.sheet('施策1').notes.has('H8')).toBe(false);
    expect(fake.commands().some((c) => c.what === 'Worksheet[施策1].Range[H8:H8].format.fill.clear')).toBe(true);
  });

  it('clears the fill without notes when ExcelApi 1.18 is missing; on a protected sheet too', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', { protected: true, cells: { H8: { value: 'x', fill: '#FFEB9C' } } });
    const gw = new OfficeWorkbook(fake.run, 'a.xlsx', { supports: (_s, v) => v !== '1.18', runOn: fake.runOn });
    await gw.apply({ cells: [{ sheet: '施策1', row: 7, col: 7, mark: 'clear' }, { sheet: '施策1', row: 8, col: 7, mark: 'error', note: '誤り' }] });
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
    expect(seen).toEqual([{ sheet: '基本施策1', address: 'H8' }, { sheet: '施策1（改）', address: 'H10' }]);
  });
});
