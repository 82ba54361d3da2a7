import * as fc from 'fast-check';
import type { CellEdit, WorkbookEdits } from '../../../src/plan/edits';
import { OfficeWorkbook, OfficeWorkbookError } from '../../../src/workbook/office';
import { FakeExcel, FakeOfficeError, type FakeSheet } from './fakeExcel';

/**
 * The failures a clerk meets in real Excel, played on the fake: each must end in a Japanese
 * message that names the workbook and says what to do, with the workbook left as it was
 * (protection and events back) or the message saying what may have been written.
 */
const LABEL = '進捗報告.xlsx';
const gateway = (fake: FakeExcel, extra: ConstructorParameters<typeof OfficeWorkbook>[2] = {}) =>
  new OfficeWorkbook(fake.run, LABEL, { supports: () => true, runOn: fake.runOn, ...extra });

function reportSheet(fake: FakeExcel, init: Parameters<FakeExcel['addSheet']>[1] = {}): FakeSheet {
  return fake.addSheet('施策1', { cells: { A1: '施策1 市民協働の推進', G5: '→' }, ...init });
}

const edits = (): WorkbookEdits => ({
  cells: [
    { sheet: '施策1', row: 4, col: 6, value: '↗', mark: 'arrow' },
    { sheet: '施策1', row: 6, col: 2, mark: 'error', note: '実績値が入力されていません' },
  ],
});

async function failure(p: Promise<unknown>): Promise<OfficeWorkbookError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OfficeWorkbookError);
  return e as OfficeWorkbookError;
}

/** The sheet's cells, notes and protection: what a clerk would see. */
const snapshot = (s: FakeSheet) => ({
  cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
  notes: new Map(s.notes),
  protected: s.protected,
});

describe('a cell is being edited (InvalidOperationInCellEditMode)', () => {
  it('reading says to finish the edit first, and does not talk about writing', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    fake.editing = true;
    const e = await failure(gateway(fake).read());
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.message).toMatch(/^「進捗報告\.xlsx」を読み込めませんでした。/);
    expect(e.message).toMatch(/Enter キーか Esc キーでセルの編集を終えて/);
    expect(e.message).not.toMatch(/書き込/);
  });

  it('writing changes nothing, says so, and works once the edit is finished', async () => {
    const fake = new FakeExcel();
    const sheet = reportSheet(fake, { protected: true });
    const before = snapshot(sheet);
    fake.editing = true;
    const e = await failure(gateway(fake).apply(edits()));
    expect(e.written).toBe('none');
    expect(e.message).toMatch(/セルの編集を終えて.*ブックは変更されていません/);
    expect(snapshot(sheet)).toEqual(before);

    fake.editing = false;
    await gateway(fake).apply(edits());
    expect(fake.cell('施策1', 'G5')?.value).toBe('↗');
    expect(sheet.protected).toBe(true);
  });
});

describe('a protected sheet', () => {
  it('with a password the add-in does not know: names the sheet, says how to unprotect, writes nothing', async () => {
    const fake = new FakeExcel();
    const sheet = reportSheet(fake, { protected: true, password: 'secret' });
    const before = snapshot(sheet);
    const e = await failure(gateway(fake).apply(edits()));
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toMatch(/保護されたシート（「施策1」）の保護を解除できませんでした/);
    expect(e.message).toMatch(/\[校閲\] > \[シート保護の解除\]/);
    expect(snapshot(sheet)).toEqual(before);
    expect(fake.enableEvents).toBe(true);
  });

  it('protected by someone while the write runs: the refusal is explained and events are back on', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    fake.failOn = (c) =>
      c.what.endsWith('.values')
        ? new FakeOfficeError('AccessDenied', 'The cell or chart is on a protected sheet.', 'Range.values')
        : undefined;
    const e = await failure(gateway(fake).apply(edits()));
    expect(e.message).toMatch(/シートが保護されているか、ブックが読み取り専用/);
    expect(e.message).toMatch(/一部のセルだけが変更されている可能性/);
    expect(fake.enableEvents).toBe(true);
  });
});

describe("a co-author's edit at the same time (Conflict)", () => {
  it('says another person’s edit collided, to reload and retry, and what may already be written', async () => {
    const fake = new FakeExcel();
    const sheet = reportSheet(fake, { protected: true });
    fake.failOn = (c) =>
      c.kind === 'set' && c.what.endsWith('fill.color')
        ? new FakeOfficeError('Conflict', 'Request could not be processed because of a conflict.', 'RangeFill.color')
        : undefined;
    const e = await failure(gateway(fake).apply(edits()));
    expect(e.code).toBe('Conflict');
    expect(e.message).toMatch(/ほかの人の編集とぶつかりました（共同編集中）.*読み込み直して/);
    expect(e.message).toMatch(/一部のセルだけが変更されている可能性.*保存する前に内容を確認/);
    expect(sheet.protected).toBe(true);
    expect(fake.enableEvents).toBe(true);
  });
});

describe('a request over the 5 MB Excel on the web accepts (RequestPayloadSizeLimitExceeded)', () => {
  const FIVE_MB = 5 * 1024 * 1024;
  const bigEdits = (rows: number, text: string): WorkbookEdits => ({
    cells: Array.from({ length: rows }, (_, i): CellEdit => ({ sheet: '施策1', row: i, col: 10, value: text })),
  });

  it('never happens with the default split: a 12 MB write goes through in syncs Excel accepts', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    fake.maxRequestBytes = FIVE_MB;
    await gateway(fake).apply(bigEdits(4000, 'あ'.repeat(1000)));
    expect(fake.syncs.every((s) => !s.failed)).toBe(true);
    expect(fake.cell('施策1', 'K4000')?.value).toBe('あ'.repeat(1000));
  });

  it('for any text size and budget above the limit, a refused request is explained with what was written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 200, max: 900 }), async (overBy, textLength) => {
        const fake = new FakeExcel();
        const sheet = reportSheet(fake, { protected: true });
        fake.maxRequestBytes = 1_000_000;
        const e = await failure(
          gateway(fake, { maxSyncBytes: 1_000_000 * (1 + overBy) }).apply(
            bigEdits(Math.ceil((3_000_000 * overBy) / textLength), 'あ'.repeat(textLength)),
          ),
        );
        expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
        expect(e.message).toMatch(/データが大きすぎます/);
        expect(e.message).toMatch(
          e.written === 'partial' ? /変更の一部はすでに書き込まれています/ : /一部のセルだけが変更されている可能性/,
        );
        // The refused request ran nothing; restoring protection is a small request and goes through.
        expect(sheet.protected).toBe(true);
        expect(fake.enableEvents).toBe(true);
      }),
      { numRuns: 8 },
    );
  });
});

describe('the connection to Excel is lost (ConnectionFailure)', () => {
  it('reading asks to check the network and reload', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    fake.offline = true;
    const e = await failure(gateway(fake).read());
    expect(e.code).toBe('ConnectionFailure');
    expect(e.message).toMatch(/^「進捗報告\.xlsx」を読み込めませんでした。Excel との接続が切れました。ネットワーク/);
  });

  it('lost during the write: says the state is unknown and that protection may not have been put back', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { protected: true });
    let syncs = 0;
    const run = fake.run;
    // The first request (what exists) still gets through; the line drops before the write.
    const flaky: typeof fake.run = (batch) =>
      run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        ctx.sync = async () => {
          if (++syncs === 3) fake.offline = true;
          return sync();
        };
        return batch(ctx);
      });
    const e = await failure(new OfficeWorkbook(flaky, LABEL, { supports: () => true }).apply(edits()));
    expect(e.code).toBe('ConnectionFailure');
    expect(e.written).toBe('maybe');
    expect(e.message).toMatch(/接続が切れました.*一部のセルだけが変更されている可能性/);
    expect(e.message).toMatch(/「施策1」 の保護を元に戻せなかった可能性があります/);
    expect(e.message).toMatch(/入力内容のチェックが止まったままになっている可能性/);
  });
});
