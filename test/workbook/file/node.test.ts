// The default import is the fs module object itself, so jest.spyOn replaces what the code under test calls.
import fs from 'fs';
import * as path from 'path';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { FILE_LIMITS } from '../../../src/workbook/file/limits';
import { openWorkbookFile, saveWorkbookFile } from '../../../src/workbook/file/node';
import { caught, simpleXlsx, tempDir, withParts } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeMaster(name = 'master.xlsx'): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await simpleXlsx());
  return file;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('openWorkbookFile', () => {
  it('opens an .xlsx, labelled with its file name', async () => {
    const fw = await openWorkbookFile(await writeMaster());
    expect(fw.label).toBe('master.xlsx');
    expect(fw.origin).toBe('xlsx');
    expect((await fw.read()).sheets[0].rows[0]).toEqual([{ value: '項目' }, { value: 1 }]);
  });

  it.each([
    ['UTF-8', '報告.txt', new TextEncoder().encode('事業名\t進捗\n協働\tA\n')],
    ['UTF-8 with BOM', '報告.tsv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('事業名\t進捗\n協働\tA\n')])],
    ['UTF-16LE (Unicode テキスト)', '報告.txt', utf16le('事業名\t進捗\r\n協働\tA\r\n')],
    // 事業名<TAB>進捗 / 協働<TAB>A in Shift_JIS.
    [
      'Shift_JIS',
      '報告.TXT',
      new Uint8Array([0x8e, 0x96, 0x8b, 0xc6, 0x96, 0xbc, 0x09, 0x90, 0x69, 0x92, 0xbb, 0x0a, 0x8b, 0xa6, 0x93, 0xad, 0x09, 0x41, 0x0a]),
    ],
  ])('reads %s text as one sheet built with gridFromText', async (_enc, name, bytes) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const fw = await openWorkbookFile(file);
    expect(fw.origin).toBe('text');
    const grid = await fw.read();
    expect(grid.source).toBe(name);
    expect(grid.sheets).toEqual([
      {
        name: '報告',
        rows: [
          [{ value: '事業名' }, { value: '進捗' }],
          [{ value: '協働' }, { value: 'A' }],
        ],
      },
    ]);
  });

  it('applies edits to text in memory but refuses to write text back', async () => {
    const file = path.join(dir, '報告.txt');
    fs.writeFileSync(file, '事業名\t進捗\n=1+1\tA\n');
    const fw = await openWorkbookFile(file);
    expect((await fw.read()).sheets[0].rows[1][0]).toEqual({ value: '=1+1' });
    await fw.apply({ cells: [{ sheet: '報告', row: 1, col: 1, value: 'B', mark: 'revised' }] });
    const err = await caught(() => saveWorkbookFile(fw, file));
    expect(err).toMatchObject({ name: 'WorkbookError', code: 'unsupported-target' });
    expect(err.message).toContain('.xlsx ファイルにしてください');
    expect(fs.readFileSync(file, 'utf8')).toBe('事業名\t進捗\n=1+1\tA\n');

    const out = path.join(dir, '報告.xlsx');
    await saveWorkbookFile(fw, out);
    const again = await openWorkbookFile(out);
    expect((await again.read()).sheets[0].rows[1]).toEqual([{ value: '=1+1' }, { value: 'B' }]);
  });

  it('names a missing file and a folder', async () => {
    const missing = path.join(dir, 'ない.xlsx');
    expect(await caught(() => openWorkbookFile(missing))).toMatchObject({
      code: 'not-found',
      message: `${missing} が見つかりません。ファイル名と場所を確認してください。`,
    });
    expect((await caught(() => openWorkbookFile(dir))).code).toBe('not-a-file');
  });

  it('refuses an oversized file without reading it', async () => {
    const file = path.join(dir, 'big.xlsx');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, FILE_LIMITS.maxBytes + 1);
    fs.closeSync(fd);
    const read = jest.spyOn(fs, 'readFileSync');
    const err = await caught(() => openWorkbookFile(file));
    expect(err).toMatchObject({ code: 'too-large', file: 'big.xlsx' });
    expect(err.message).toContain('20 MB まで');
    expect(read).not.toHaveBeenCalled();
  });

  it('reports the real format of a renamed file', async () => {
    const file = path.join(dir, 'renamed.xlsx');
    fs.writeFileSync(file, '事業名,進捗\n');
    expect((await caught(() => openWorkbookFile(file))).code).toBe('not-xlsx');
  });
});

describe('saveWorkbookFile', () => {
  function leftovers(): string[] {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  }

  it('replaces the file with the edited workbook', async () => {
    const file = await writeMaster();
    const fw = await openWorkbookFile(file);
    await fw.apply({ cells: [{ sheet: 'S', row: 0, col: 1, value: 2 }] });
    await saveWorkbookFile(fw, file);
    expect((await (await openWorkbookFile(file)).read()).sheets[0].rows[0][1]).toEqual({ value: 2 });
    expect(leftovers()).toEqual([]);
  });

  it('creates a new file', async () => {
    const fw = FileWorkbook.create('new.xlsx');
    await fw.apply({ cells: [], sheets: [{ name: 'A', rows: [['x']] }] });
    const file = path.join(dir, 'new.xlsx');
    await saveWorkbookFile(fw, file);
    expect((await (await openWorkbookFile(file)).read()).sheets[0].name).toBe('A');
  });

  it.each([
    ['the rename', 'renameSync'],
    ['a write', 'writeSync'],
    ['the flush to disk', 'fsyncSync'],
  ] as const)('leaves the original untouched and no temporary file when %s fails', async (_what, fn) => {
    const file = await writeMaster();
    const before = fs.readFileSync(file);
    const fw = await openWorkbookFile(file);
    await fw.apply({ cells: [{ sheet: 'S', row: 0, col: 1, value: 2 }] });
    jest.spyOn(fs, fn).mockImplementation(() => {
      throw Object.assign(new Error('injected'), { code: 'EBUSY' });
    });
    const err = await caught(() => saveWorkbookFile(fw, file));
    jest.restoreAllMocks();
    expect(err).toMatchObject({ name: 'WorkbookError', code: 'save-failed', file });
    expect(err.message).toContain('元のファイルは変更していません');
    expect(err.message).toContain('Excel などで開いている場合は閉じて');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('fails clearly when the folder does not exist', async () => {
    const fw = FileWorkbook.create('x.xlsx');
    await fw.apply({ cells: [], sheets: [{ name: 'A', rows: [] }] });
    const err = await caught(() => saveWorkbookFile(fw, path.join(dir, 'no', 'x.xlsx')));
    expect(err).toMatchObject({ code: 'save-failed' });
    expect(err.message).toContain('保存先のフォルダーがあるか');
  });

  it('refuses before touching the disk when the workbook holds parts ExcelJS would drop', async () => {
    const file = path.join(dir, 'master.xlsx');
    fs.writeFileSync(file, await withParts(await simpleXlsx(), { 'xl/charts/chart1.xml': '<c:chartSpace/>' }));
    const before = fs.readFileSync(file);
    const fw = await openWorkbookFile(file);
    const err = await caught(() => saveWorkbookFile(fw, file));
    expect(err).toMatchObject({ code: 'unsupported-parts' });
    expect(err.message).toContain('master.xlsx にはグラフが含まれています');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it.each(['out.xls', 'out.xlsm', 'out.csv', 'out'])('refuses to save as %s', async (name) => {
    const fw = FileWorkbook.create('x.xlsx');
    expect((await caught(() => saveWorkbookFile(fw, path.join(dir, name)))).code).toBe('unsupported-target');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
