import { WorkbookError } from '../../../src/workbook/gateway';
import { OfficeWorkbook, OfficeWorkbookError, toWorkbookError } from '../../../src/workbook/office';
import { FakeExcel, FakeOfficeError } from './fakeExcel';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const officeError = (code: string, location = 'Range.values') => new FakeOfficeError(code, `${code} happened`, location);

describe('toWorkbookError', () => {
  const cases: [string, RegExp][] = [
    ['InvalidArgument', /受け付けませんでした/],
    ['ItemNotFound', /見つかりません/],
    ['AccessDenied', /保護されている|読み取り専用/],
    ['GeneralException', /再起動/],
    ['RequestPayloadSizeLimitExceeded', /データが大きすぎます/],
    ['InsertDeleteConflict', /挿入・削除/],
    ['ItemAlreadyExists', /同じ名前のシート/],
    ['Unauthenticated', /サインイン/],
    ['ApiNotFound', /ExcelApi 1\.13.*更新/],
    ['InvalidOperationInCellEditMode', /セルの編集を終えて/],
    ['Conflict', /ほかの人の編集とぶつかりました.*読み込み直して/],
    ['ConnectionFailure', /接続が切れました.*ネットワーク/],
  ];

  it.each(cases)('explains %s in Japanese, naming the workbook and keeping the code', (code, pattern) => {
    const e = toWorkbookError(officeError(code), { action: 'apply', label: '進捗報告.xlsx', written: 'none' });
    expect(e).toBeInstanceOf(WorkbookError);
    expect(e.code).toBe(code);
    expect(e.file).toBe('進捗報告.xlsx');
    expect(e.message).toMatch(/^「進捗報告\.xlsx」に書き込めませんでした。/);
    expect(e.message).toMatch(pattern);
    expect(e.message).toMatch(/ブックは変更されていません/);
    expect(e.message).toContain(`エラーコード: ${code} / Range.values`);
  });

  it('says how much was written', () => {
    const maybe = toWorkbookError(officeError('GeneralException'), { action: 'apply', label: 'a.xlsx', written: 'maybe' });
    const partial = toWorkbookError(officeError('GeneralException'), { action: 'apply', label: 'a.xlsx', written: 'partial' });
    expect(maybe.message).toMatch(/一部のセルだけが変更されている可能性/);
    expect(partial.message).toMatch(/変更の一部はすでに書き込まれています/);
    expect(partial.written).toBe('partial');
  });

  it('does not talk about writing when reading fails', () => {
    const e = toWorkbookError(officeError('GeneralException', 'Worksheet.getUsedRangeOrNullObject'), { action: 'read', label: 'a.xlsx' });
    expect(e.message).toMatch(/^「a\.xlsx」を読み込めませんでした。/);
    expect(e.message).not.toMatch(/書き込/);
  });

  it('names the sheet and cell when known', () => {
    const e = toWorkbookError(officeError('ItemNotFound', 'Worksheet.getItem'), {
      action: 'select',
      label: 'a.xlsx',
      sheet: '施策1',
      cell: 'C3',
    });
    expect(e.message).toMatch(/シート「施策1」 C3/);
    expect(e.sheet).toBe('施策1');
    expect(e.cell).toBe('C3');
  });

  it('falls back to a generic Japanese message for unknown codes and non-Office errors', () => {
    const unknown = toWorkbookError(officeError('SomethingNew'), { action: 'read', label: 'a.xlsx' });
    expect(unknown.message).toMatch(JAPANESE);
    expect(unknown.message).toContain('SomethingNew');
    const bug = toWorkbookError(new TypeError('x is undefined'), { action: 'read', label: 'a.xlsx' });
    expect(bug.code).toBe('Unexpected');
    expect(bug.message).toMatch(/予期しないエラー.*x is undefined/);
  });
});

describe('OfficeWorkbook wraps every run', () => {
  it('turns a failed read into a WorkbookError', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1', { cells: { A1: 1 } });
    fake.failOn = (c) =>
      c.what.includes('Range[used].load') ? officeError('ResponsePayloadSizeLimitExceeded', 'Range.values') : undefined;
    const error = (await new OfficeWorkbook(fake.run, '進捗報告.xlsx').read().catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(error.message).toMatch(/「進捗報告\.xlsx」を読み込めませんでした。データが大きすぎます/);
  });

  it('explains an old Excel (ApiNotFound) when writing', async () => {
    const fake = new FakeExcel();
    fake.addSheet('施策1');
    fake.failOn = (c) =>
      c.what === 'Application.suspendScreenUpdatingUntilNextSync'
        ? officeError('ApiNotFound', 'Application.suspendScreenUpdatingUntilNextSync')
        : undefined;
    const error = (await new OfficeWorkbook(fake.run, 'a.xlsx', { supports: () => true })
      .apply({ cells: [{ sheet: '施策1', row: 0, col: 0, value: 1 }] })
      .catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error.code).toBe('ApiNotFound');
    expect(error.message).toMatch(/最新の状態に更新/);
  });
});
