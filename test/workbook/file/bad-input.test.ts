import JSZip from 'jszip';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { FILE_LIMITS } from '../../../src/workbook/file/limits';
import { openWorkbookBytes } from '../../../src/workbook/file/open';
import { inspectPackage } from '../../../src/workbook/file/package-parts';
import { caught, partText, simpleXlsx, withParts } from './helpers';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function ole2(extra: string | undefined): Uint8Array {
  const out = new Uint8Array(4096);
  out.set(OLE2);
  if (extra) {
    // Directory entry names in a compound file are UTF-16LE.
    for (let i = 0; i < extra.length; i++) out[1024 + i * 2] = extra.charCodeAt(i);
  }
  return out;
}

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

async function refusal(data: Uint8Array, fileName: string) {
  const err = await caught(() => FileWorkbook.fromBuffer(data, fileName));
  expect(err).toMatchObject({ name: 'WorkbookError', file: fileName });
  expect(err.message.startsWith(fileName)).toBe(true);
  // inspectPackage judges the bytes the same way.
  expect((await caught(() => inspectPackage(data, fileName))).code).toBe(err.code);
  return err;
}

describe('bad input', () => {
  it('random bytes', async () => {
    const err = await refusal(randomBytes(3000), 'master.xlsx');
    expect(err.code).toBe('not-xlsx');
    expect(err.message).toContain('master.xlsx は .xlsx 形式ではありません');
  });

  it('a CSV renamed to .xlsx', async () => {
    const csv = new TextEncoder().encode('事業名,進捗\n協働の地域づくり,A\n');
    const err = await refusal(csv, '実施報告.xlsx');
    expect(err.code).toBe('not-xlsx');
    expect(err.message).toContain('実施報告.xlsx は .xlsx 形式ではありません');
    expect(err.message).toContain('テキスト (CSV など)');
  });

  it('an empty file', async () => {
    const err = await refusal(new Uint8Array(0), 'master.xlsx');
    expect(err.code).toBe('empty-file');
  });

  it('a legacy .xls', async () => {
    const err = await refusal(ole2('Workbook'), '実施報告.xls');
    expect(err.code).toBe('legacy-xls');
    expect(err.message).toContain('実施報告.xls は古い Excel 97-2003 形式 (.xls)');
    expect(err.message).toContain('Excel ブック (*.xlsx)');
  });

  it('a password-encrypted .xlsx', async () => {
    const err = await refusal(ole2('EncryptionInfo'), '実施報告.xlsx');
    expect(err.code).toBe('encrypted');
    expect(err.message).toContain('実施報告.xlsx はパスワードで保護 (暗号化) されている');
    expect(err.message).toContain('パスワードを削除');
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('[Content_Types].xml', '<Types/>');
    const err = await refusal(await zip.generateAsync({ type: 'uint8array' }), '報告.xlsx');
    expect(err.code).toBe('not-xlsx');
  });

  it('a binary workbook (.xlsb)', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.bin', new Uint8Array([1, 2, 3]));
    const err = await refusal(await zip.generateAsync({ type: 'uint8array' }), '報告.xlsb');
    expect(err.code).toBe('xlsb');
  });

  it('a truncated .xlsx', async () => {
    const data = await simpleXlsx();
    const err = await refusal(data.slice(0, Math.floor(data.length / 2)), 'master.xlsx');
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('master.xlsx は壊れているか');
  });

  it('a file over the size limit, stating the limit', async () => {
    const err = await refusal(new Uint8Array(FILE_LIMITS.maxBytes + 1), 'master.xlsx');
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('20 MB まで');
  });

  it('a workbook with more cells than the limit, counted before ExcelJS loads it', async () => {
    const sheet = await partText(await simpleXlsx(), 'xl/worksheets/sheet1.xml');
    const perRow = 1000;
    const rows: string[] = [];
    for (let r = 1; r <= FILE_LIMITS.maxCells / perRow + 1; r++)
      rows.push(`<row r="${r}">${'<c r="A1"><v>1</v></c>'.repeat(perRow)}</row>`);
    const big = sheet.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows.join('')}</sheetData>`);
    const data = await withParts(await simpleXlsx(), { 'xl/worksheets/sheet1.xml': big });
    expect(data.length).toBeLessThan(FILE_LIMITS.maxBytes);
    const err = await refusal(data, 'master.xlsx');
    expect(err.code).toBe('too-many-cells');
    expect(err.message).toContain('2,000,000 個まで');
  });

  it('a text file with more cells than the limit', async () => {
    const text = new TextEncoder().encode('\t'.repeat(FILE_LIMITS.maxCells));
    const err = await caught(() => openWorkbookBytes(text, '報告.txt'));
    expect(err).toMatchObject({ code: 'too-many-cells', file: '報告.txt' });
  });

  it('honours limits passed by the caller', async () => {
    const data = await simpleXlsx();
    expect((await caught(() => FileWorkbook.fromBuffer(data, 'a.xlsx', { maxBytes: 100, maxCells: 10 }))).code).toBe('too-large');
    expect((await caught(() => FileWorkbook.fromBuffer(data, 'a.xlsx', { maxBytes: 1e6, maxCells: 1 }))).code).toBe('too-many-cells');
    await expect(FileWorkbook.fromBuffer(data, 'a.xlsx', { maxBytes: 1e6, maxCells: 2 })).resolves.toBeInstanceOf(FileWorkbook);
  });
});
