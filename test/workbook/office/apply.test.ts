import type { CellEdit, WorkbookEdits } from '../../../src/plan/edits';
import { MARK_FILLS, OfficeWorkbook, OfficeWorkbookError, type OfficeWorkbookOptions } from '../../../src/workbook/office';
import { NOTE_TAG } from '../../../src/workbook/office/writeOps';
import { FakeExcel, FakeOfficeError } from './fakeExcel';

const noNotes = () => false;
const allSets = () => true;
const gateway = (fake: FakeExcel, options: OfficeWorkbookOptions = {}) =>
  new OfficeWorkbook(fake.run, '進捗報告.xlsx', { supports: (set, v) => v !== '1.18', runOn: fake.runOn, ...options });

function reportSheet(fake: FakeExcel, init: Parameters<FakeExcel['addSheet']>[1] = {}) {
  return fake.addSheet('施策1', { cells: { A1: '施策1 市民協働の推進', B5: '指標', G4: '進捗', ...(init.cells ?? {}) }, ...init });
}

const progressEdits = (): WorkbookEdits => ({
  cells: [
    ...Array.from({ length: 10 }, (_, i): CellEdit => ({ sheet: '施策1', row: 4 + i, col: 6, value: i % 2 ? '↗' : '→', mark: 'arrow' })),
    { sheet: '施策1', row: 19, col: 1, value: '◇ 参加者数は目標を上回りました。', mark: 'sentence' },
    { sheet: '施策1', row: 6, col: 2, mark: 'error', note: '実績値が入力されていません' },
    { sheet: '施策1', row: 7, col: 3, mark: 'warning', note: '前年度の 3 倍を超えています' },
    { sheet: '施策1', row: 4, col: 4, mark: 'revised', note: '中間見直しの対象' },
    { sheet: '施策1', row: 5, col: 4, mark: 'revised' },
    { sheet: '施策1', row: 9, col: 8, mark: 'input' },
    { sheet: '施策1', row: 10, col: 8, mark: 'conflict' },
  ],
});

describe('OfficeWorkbook.apply: cells', () => {
  it('writes arrows, sentences and mark fills in 3 syncs (what exists, the fills already there, the write), one range per column run', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    await gateway(fake).apply(progressEdits());

    expect(fake.syncs).toHaveLength(3);
    expect(fake.cell('施策1', 'G5')?.value).toBe('→');
    expect(fake.cell('施策1', 'G6')?.value).toBe('↗');
    expect(fake.cell('施策1', 'G14')?.value).toBe('↗');
    expect(fake.cell('施策1', 'B20')?.value).toBe('◇ 参加者数は目標を上回りました。');
    const valueSets = fake.commands('set').filter((c) => c.what.endsWith('.values'));
    expect(valueSets.map((c) => c.what).sort()).toEqual([
      'Worksheet[施策1].Range[B20:B20].values',
      'Worksheet[施策1].Range[G5:G14].values',
    ]);

    expect(fake.cell('施策1', 'C7')?.fill).toBe(MARK_FILLS.error);
    expect(fake.cell('施策1', 'D8')?.fill).toBe('#FFEB9C');
    expect(fake.cell('施策1', 'E5')?.fill).toBe('#FCE4D6');
    expect(fake.cell('施策1', 'E6')?.fill).toBe('#FCE4D6');
    expect(fake.cell('施策1', 'I10')?.fill).toBe('#DDEBF7');
    expect(fake.cell('施策1', 'I11')?.fill).toBe('#F4B084');
    expect(fake.cell('施策1', 'G5')?.fill).toBeUndefined();
    // Two revised cells stacked in column E: one fill command.
    expect(fake.commands('set').filter((c) => c.what.includes('Range[E5:E6].format.fill.color'))).toHaveLength(1);
    // Without ExcelApi 1.18 the notes are left to the pane; the fill is the only trace.
    expect(fake.commands().some((c) => c.what.includes('notes'))).toBe(false);
    expect(fake.sheet('施策1').notes.size).toBe(0);
  });

  it('suspends calculation, screen updating and events while writing, then restores them', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    await gateway(fake).apply(progressEdits());
    const last = fake.syncs[fake.syncs.length - 1];
    const write = last.commands.map((c) => c.what);
    expect(write[0]).toBe('Application.suspendApiCalculationUntilNextSync');
    expect(write).toContain('Application.suspendScreenUpdatingUntilNextSync');
    expect(last.commands.find((c) => c.what === 'Runtime.enableEvents')?.args).toEqual([false]);
    expect(last.commands.filter((c) => c.what === 'Runtime.enableEvents').pop()?.args).toEqual([true]);
    expect(write).toContain('Application.calculate');
    expect(fake.enableEvents).toBe(true);
  });

  it('adds notes with ExcelApi 1.18, replacing its own earlier note, in 3 syncs', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { notes: new Map([['E5', `${NOTE_TAG}\n古いメモ`]]) });
    await gateway(fake, { supports: allSets }).apply(progressEdits());
    expect(fake.syncs).toHaveLength(3);
    expect(Object.fromEntries(fake.sheet('施策1').notes)).toEqual({
      C7: `${NOTE_TAG}\n実績値が入力されていません`,
      D8: `${NOTE_TAG}\n前年度の 3 倍を超えています`,
      E5: `${NOTE_TAG}\n中間見直しの対象`,
    });
    const noteCommands = fake.syncs[2].commands.map((c) => c.what).filter((w) => w.includes('Note') || w.includes('notes'));
    expect(noteCommands.indexOf('Worksheet[施策1].notes.Note[E5].delete')).toBeLessThan(
      fake.syncs[2].commands.findIndex((c) => c.what === 'Worksheet[施策1].notes.add' && c.args[0] === 'E5'),
    );
    expect(fake.cell('施策1', 'C7')?.fill).toBe(MARK_FILLS.error);
  });

  it('keeps text starting with = as text and clears a cell for a null value', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { cells: { C3: '消す値' } });
    await gateway(fake).apply({
      cells: [
        { sheet: '施策1', row: 2, col: 1, value: '=目標÷実績' },
        { sheet: '施策1', row: 2, col: 2, value: null },
      ],
    });
    expect(fake.cell('施策1', 'B3')).toMatchObject({ value: '=目標÷実績' });
    expect(fake.cell('施策1', 'B3')?.formula).toBeUndefined();
    expect(fake.cell('施策1', 'C3')?.value).toBe('');
  });

  it('keeps text that Excel would read as a number, a percentage or a boolean as the same text', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    const texts = ['56.6%', '1,283', '１２３', '-5', 'TRUE', '0.5', "'quoted"];
    const gw = gateway(fake);
    await gw.apply({ cells: texts.map((value, i) => ({ sheet: '施策1', row: 29, col: i, value })) });
    const row = (await gw.read()).sheets[0].rows[29];
    expect(row.map((c) => c?.value)).toEqual(texts);
  });

  it('chunks a 10 MB write so that no sync carries more than 4 MB', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    const text = '協働による地域づくりを進めるため、'.repeat(60); // ~1,000 chars, ~3 KB in UTF-8
    const cells: CellEdit[] = Array.from({ length: 3500 }, (_, i) => ({ sheet: '施策1', row: 10 + i, col: 1, value: `${i}:${text}` }));
    const total = Buffer.byteLength(JSON.stringify(cells.map((c) => c.value)), 'utf8');
    expect(total).toBeGreaterThan(10_000_000);

    await gateway(fake).apply({ cells });
    const writeSyncs = fake.syncs.slice(1);
    for (const s of fake.syncs) expect(s.bytes).toBeLessThanOrEqual(4_000_000);
    expect(writeSyncs.length).toBeGreaterThanOrEqual(3);
    expect(writeSyncs.length).toBeLessThanOrEqual(Math.ceil(total / 4_000_000) + 1);
    expect(fake.cell('施策1', 'B11')?.value).toBe(`0:${text}`);
    expect(fake.cell('施策1', `B${10 + 3500}`)?.value).toBe(`3499:${text}`);
    // Restoring events happens once, in the last write sync.
    expect(writeSyncs.slice(0, -1).every((s) => s.commands.every((c) => c.what !== 'Application.calculate'))).toBe(true);
  });

  it('refuses edits to a sheet that does not exist, before writing anything', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    const error = await gateway(fake)
      .apply({ cells: [{ sheet: '施策9', row: 0, col: 0, value: 1 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect((error as OfficeWorkbookError).code).toBe('SheetNotFound');
    expect((error as OfficeWorkbookError).sheet).toBe('施策9');
    expect((error as OfficeWorkbookError).written).toBe('none');
    expect((error as Error).message).toMatch(
      /「進捗報告\.xlsx」に書き込めませんでした。シート「施策9」が見つかりません.*ブックは変更されていません/,
    );
    expect(fake.syncs).toHaveLength(1);
  });

  it('does nothing for empty edits beyond looking at the workbook', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    await gateway(fake).apply({ cells: [] });
    expect(fake.syncs).toHaveLength(1);
  });
});

describe('OfficeWorkbook.apply: protected sheets', () => {
  const options = { allowFormatCells: false, allowSort: true };

  it('unprotects a protected sheet for the write and protects it again with its options', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { protected: true, protectionOptions: options });
    await gateway(fake).apply(progressEdits());
    expect(fake.syncs).toHaveLength(3);
    expect(fake.cell('施策1', 'G5')?.value).toBe('→');
    const s = fake.sheet('施策1');
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toEqual(options);
    const whats = fake.syncs[2].commands.map((c) => c.what);
    expect(whats.indexOf('Worksheet[施策1].protection.unprotect')).toBeLessThan(whats.findIndex((w) => w.endsWith('.values')));
    expect(whats.lastIndexOf('Worksheet[施策1].protection.protect')).toBeGreaterThan(whats.findIndex((w) => w.endsWith('.values')));
  });

  it('uses the configured password to unprotect and re-protect', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { protected: true, password: 'koriyama', protectionOptions: options });
    await gateway(fake, { sheetPassword: () => 'koriyama' }).apply(progressEdits());
    expect(fake.sheet('施策1')).toMatchObject({ protected: true, password: 'koriyama' });
  });

  it('re-protects the sheet and restores events even when a write throws', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { protected: true, protectionOptions: options });
    fake.failOn = (c) =>
      c.what.endsWith('Range[G5:G14].values') ? new FakeOfficeError('GeneralException', 'boom', 'Range.values') : undefined;
    const error = (await gateway(fake)
      .apply(progressEdits())
      .catch((e: unknown) => e)) as OfficeWorkbookError;

    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(error.code).toBe('GeneralException');
    expect(error.written).toBe('maybe');
    expect(error.message).toMatch(/一部のセルだけが変更されている可能性があります/);
    expect(error.message).toMatch(/GeneralException/);
    const s = fake.sheet('施策1');
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toEqual(options);
    expect(fake.enableEvents).toBe(true);
  });

  it('names the sheet when it cannot be unprotected (password unknown)', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { protected: true, password: 'secret' });
    const error = (await gateway(fake)
      .apply(progressEdits())
      .catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toMatch(/「施策1」）の保護を解除できませんでした/);
    expect(fake.sheet('施策1').protected).toBe(true);
    expect(fake.cell('施策1', 'G5')).toBeUndefined();
    expect(fake.enableEvents).toBe(true);
  });

  it('says part of the changes is already written when a later chunk fails', async () => {
    const fake = new FakeExcel();
    reportSheet(fake, { protected: true });
    const text = 'あ'.repeat(1000);
    const cells: CellEdit[] = Array.from({ length: 3000 }, (_, i) => ({ sheet: '施策1', row: i, col: 10, value: text }));
    let valueWrites = 0;
    fake.failOn = (c) =>
      c.what.endsWith('.values') && ++valueWrites === 2
        ? new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'too big', 'Range.values')
        : undefined;
    const error = (await gateway(fake)
      .apply({ cells })
      .catch((e: unknown) => e)) as OfficeWorkbookError;
    expect(error.written).toBe('partial');
    expect(error.message).toMatch(/データが大きすぎます/);
    expect(error.message).toMatch(/変更の一部はすでに書き込まれています/);
    expect(error.sheet).toBe('施策1');
    expect(fake.sheet('施策1').protected).toBe(true);
    expect(fake.enableEvents).toBe(true);
  });
});

describe('OfficeWorkbook.apply: sheets and appends', () => {
  it('creates a sheet from a SheetSpec with layout, validation, protection and visibility', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    await gateway(fake).apply({
      cells: [{ sheet: '進捗入力', row: 2, col: 3, mark: 'input' }],
      sheets: [
        {
          name: '進捗入力',
          rows: [['進捗入力シート'], ['番号', '指標', '目標', '実績', '区分'], [1, '参加者数', 100, null, null]],
          columns: [{ width: 6 }, { width: 30 }, { width: 10, hidden: true }],
          headingRows: [0],
          headerRows: [1],
          merges: ['A1:E1'],
          wrap: true,
          freezeRows: 2,
          state: 'hidden',
          protection: {
            password: 'pw',
            unlocked: [
              { row: 2, col: 3 },
              { row: 2, col: 4 },
            ],
          },
          validations: [
            {
              range: 'D3:D40',
              kind: 'decimal',
              min: 0,
              max: 1e9,
              prompt: '実績値を数値で入力してください',
              error: '数値を入力してください',
            },
            { range: 'E3:E40', kind: 'list', list: ['達成', '未達成', '評価不能'] },
          ],
        },
      ],
    });
    expect(fake.syncs).toHaveLength(2);
    const s = fake.sheet('進捗入力');
    expect(fake.cell('進捗入力', 'A1')).toMatchObject({ value: '進捗入力シート', bold: true, fontSize: 14 });
    expect(fake.cell('進捗入力', 'B2')).toMatchObject({ value: '指標', bold: true, fill: '#D9E1F2' });
    expect(fake.cell('進捗入力', 'C3')?.value).toBe(100);
    expect(fake.cell('進捗入力', 'D3')).toMatchObject({ value: '', locked: false, fill: MARK_FILLS.input });
    expect(fake.cell('進捗入力', 'E3')?.locked).toBe(false);
    expect(fake.cell('進捗入力', 'C3')?.locked).toBeUndefined();
    expect(s.columnWidths.get(1)).toBe(30 * 7);
    expect([...s.hiddenColumns]).toEqual([2]);
    expect(s.merges).toEqual(['A1:E1']);
    expect(s.frozenRows).toBe(2);
    expect(s.validations).toEqual([
      {
        address: 'D3:D40',
        rule: { decimal: { formula1: 0, formula2: 1e9, operator: 'Between' } },
        prompt: { showPrompt: true, title: '入力のしかた', message: '実績値を数値で入力してください' },
        errorAlert: { showAlert: true, style: 'Stop', title: '入力できない値です', message: '数値を入力してください' },
      },
      { address: 'E3:E40', rule: { list: { inCellDropDown: true, source: '達成,未達成,評価不能' } } },
    ]);
    expect(s).toMatchObject({ protected: true, password: 'pw', visibility: 'Hidden' });
  });

  it('replaces an existing sheet in place', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表紙');
    fake.addSheet('集計', { cells: { A1: '古い集計', Z99: 'ごみ' } });
    reportSheet(fake);
    await gateway(fake).apply({ cells: [], sheets: [{ name: '集計', rows: [['新しい集計']] }] });
    expect(fake.sheets.map((s) => s.name)).toEqual(['表紙', '集計', '施策1']);
    expect(fake.cell('集計', 'A1')?.value).toBe('新しい集計');
    expect(fake.cell('集計', 'Z99')).toBeUndefined();
  });

  it('appends below the used range of an existing sheet, ignoring its spec, in 3 syncs', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    fake.addSheet('改訂履歴', { cells: { A1: '日付', B1: '内容', A2: '2024-04-01', B2: '初版', A3: '2024-06-01', B3: '修正' } });
    await gateway(fake).apply({
      cells: [],
      sheets: [{ name: '改訂履歴', rows: [['日付', '内容', '担当']] }],
      appends: [
        {
          sheet: '改訂履歴',
          rows: [
            ['2025-04-01', '進捗を記入'],
            ['2025-04-02', '見直し', '協働推進課'],
          ],
        },
      ],
    });
    expect(fake.syncs).toHaveLength(3);
    expect(fake.cell('改訂履歴', 'B3')?.value).toBe('修正');
    expect(fake.cell('改訂履歴', 'B4')?.value).toBe('進捗を記入');
    expect(fake.cell('改訂履歴', 'C5')?.value).toBe('協働推進課');
    expect(fake.cell('改訂履歴', 'C1')).toBeUndefined();
  });

  it('creates a missing append target from its spec and writes below the spec rows', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    await gateway(fake).apply({
      cells: [],
      sheets: [{ name: '改訂履歴', rows: [['日付', '内容']], headerRows: [0] }],
      appends: [{ sheet: '改訂履歴', rows: [['2025-04-01', '進捗を記入']] }],
    });
    expect(fake.syncs).toHaveLength(2);
    expect(fake.cell('改訂履歴', 'A1')).toMatchObject({ value: '日付', bold: true });
    expect(fake.cell('改訂履歴', 'B2')?.value).toBe('進捗を記入');
  });

  it('creates a missing append target without a spec', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    await gateway(fake).apply({ cells: [], appends: [{ sheet: 'ログ', rows: [['a', 1]] }] });
    expect(fake.cell('ログ', 'B1')?.value).toBe(1);
  });

  it('unprotects and re-protects an existing protected append target', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    fake.addSheet('改訂履歴', { protected: true, cells: { A1: '日付' } });
    await gateway(fake).apply({ cells: [], appends: [{ sheet: '改訂履歴', rows: [['2025-04-01']] }] });
    expect(fake.cell('改訂履歴', 'A2')?.value).toBe('2025-04-01');
    expect(fake.sheet('改訂履歴').protected).toBe(true);
  });
});

describe('OfficeWorkbook.apply: sync budget', () => {
  it('honours a smaller maxSyncBytes by splitting, and only then', async () => {
    const fake = new FakeExcel();
    reportSheet(fake);
    const cells: CellEdit[] = Array.from({ length: 200 }, (_, i) => ({ sheet: '施策1', row: i, col: 0, value: 'x'.repeat(100) }));
    await gateway(fake, { maxSyncBytes: 5_000, supports: noNotes }).apply({ cells });
    expect(fake.syncs.length).toBeGreaterThan(4);
    for (const s of fake.syncs) expect(s.bytes).toBeLessThanOrEqual(5_000);
    expect(fake.cell('施策1', 'A200')?.value).toBe('x'.repeat(100));
  });
});
