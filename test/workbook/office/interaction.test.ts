import { OfficeWorkbook, OfficeWorkbookError, type CellsChanged } from '../../../src/workbook/office';
import { WorkbookError } from '../../../src/workbook/gateway';
import { FakeExcel } from './fakeExcel';

function workbook(fake: FakeExcel, supports: (set: string, v: string) => boolean = () => true) {
  return new OfficeWorkbook(fake.run, '進捗報告.xlsx', { supports, runOn: fake.runOn });
}

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表紙');
    fake.addSheet('施策1');
    await workbook(fake).selectCell('施策1', 'C3');
    expect(fake.syncs).toHaveLength(1);
    expect(fake.syncs[0].commands.map((c) => c.what)).toEqual(['Worksheet[施策1].activate', 'Worksheet[施策1].Range[C3].select']);
  });

  it('explains a missing sheet in Japanese, naming it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表紙');
    const error = (await workbook(fake)
      .selectCell('施策9', 'C3')
      .catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.message).toMatch(/「進捗報告\.xlsx」のセルを選択できませんでした。シートまたはセルが見つかりません.*シート「施策9」 C3/);
  });
});

describe('onCellsChanged', () => {
  it('ignores this add-in’s own changes when Excel reports the trigger source (ExcelApi 1.14)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1');
    const seen: CellsChanged[] = [];
    const stop = await workbook(fake).onCellsChanged((c) => seen.push(c));
    await fake.fireChanged({ worksheetId: '{s1}', address: 'G5', triggerSource: 'ThisLocalAddin' });
    await fake.fireChanged({ worksheetId: '{s1}', address: 'C3:C4', triggerSource: 'Unknown' });
    expect(seen).toEqual([{ worksheetId: '{s1}', address: 'C3:C4' }]);
    await stop();
    await fake.fireChanged({ worksheetId: '{s1}', address: 'D1', triggerSource: 'Unknown' });
    expect(seen).toHaveLength(1);
    expect(fake.changeHandlers).toHaveLength(0);
  });

  it('passes every change on when the trigger source is not available', async () => {
    const fake = new FakeExcel();
    const seen: CellsChanged[] = [];
    await workbook(fake, (_s, v) => v !== '1.14').onCellsChanged((c) => seen.push(c));
    await fake.fireChanged({ worksheetId: '{s1}', address: 'A1' });
    expect(seen).toHaveLength(1);
  });
});

describe('createWorkbook', () => {
  it('opens the file through Excel.createWorkbook when available', async () => {
    const create = jest.fn(async (_b64: string) => {});
    const gw = new OfficeWorkbook(new FakeExcel().run, 'a.xlsx', { supports: () => true, createWorkbook: create });
    await gw.createWorkbook('UEsDBA==');
    expect(create).toHaveBeenCalledWith('UEsDBA==');
  });

  it('says what to do instead when the host cannot create workbooks', async () => {
    const gw = new OfficeWorkbook(new FakeExcel().run, 'a.xlsx', { supports: () => true });
    await expect(gw.createWorkbook('UEsDBA==')).rejects.toMatchObject({
      code: 'Unsupported',
      message: expect.stringMatching(/ファイルとして保存/),
    });
  });
});
