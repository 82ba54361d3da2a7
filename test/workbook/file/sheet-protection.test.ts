import fc from 'fast-check';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { EXCEL_SPIN_COUNT, passwordHash, protectionHash, protectionHasher } from '../../../src/workbook/file/sheet-protection';
import { loadWithExcelJS } from './helpers';
import { excelHash, opensWith, sheetProtections } from './protection';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('sheet-protection password hash', () => {
  it('matches an independent node:crypto computation for any password, salt and small spin count', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.uint8Array({ minLength: 0, maxLength: 32 }),
        fc.integer({ min: 0, max: 40 }),
        (password, salt, spin) => {
          expect(base64(passwordHash(password, salt, spin))).toBe(excelHash(password, base64(salt), spin));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches it at Excel’s 100,000 rounds, for a Japanese password', async () => {
    const salt = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);
    const fields = await protectionHash('郡山市協働推進', EXCEL_SPIN_COUNT, salt);
    expect(fields).toEqual({
      algorithmName: 'SHA-512',
      spinCount: 100_000,
      saltValue: base64(salt),
      hashValue: excelHash('郡山市協働推進', base64(salt), 100_000),
    });
    // The rounds matter: the same password at another count does not open the sheet.
    expect(fields.hashValue).not.toBe(excelHash('郡山市協働推進', base64(salt), 99_999));
  });

  it('draws a fresh 16-byte salt for each workbook, and one per password within it', async () => {
    const first = protectionHasher(10);
    const second = protectionHasher(10);
    const kyodo = await first('kyodo');
    expect(await first('kyodo')).toBe(kyodo);
    expect(Buffer.from(kyodo.saltValue, 'base64')).toHaveLength(16);
    expect((await second('kyodo')).saltValue).not.toBe(kyodo.saltValue);
    expect((await first('other')).saltValue).not.toBe(kyodo.saltValue);
    expect(kyodo.hashValue).toBe(excelHash('kyodo', kyodo.saltValue, 10));
  });

  it('gives the same hash in steps as in one go, whatever the spin count', async () => {
    const salt = new Uint8Array(16).fill(7);
    for (const spin of [0, 1, 9_999, 10_000, 10_001, 25_000]) {
      expect((await protectionHash('pw', spin, salt)).hashValue).toBe(base64(passwordHash('pw', salt, spin)));
    }
  });
});

describe('FileWorkbook writes sheet protection as Excel does', () => {
  const sheet = (name: string, password?: string) => ({
    name,
    rows: [
      ['項目', '実績値'],
      ['指標', null],
    ],
    protection: { password, unlocked: [{ row: 1, col: 1 }] },
  });

  it('protects every sheet at 100,000 rounds with one salt per workbook; the hash opens with the password only', async () => {
    const fw = FileWorkbook.create('課.xlsx');
    await fw.apply({ cells: [], sheets: [sheet('記入方法', 'kyodo'), sheet('基本施策1', 'kyodo'), sheet('実施計画', 'kyodo')] });
    const data = await fw.toBuffer();
    const found = await sheetProtections(data);
    expect(found).toHaveLength(3);
    for (const { attributes } of found) {
      expect(attributes).toMatchObject({ sheet: '1', algorithmName: 'SHA-512', spinCount: '100000' });
    }
    expect(new Set(found.map((p) => p.attributes.saltValue)).size).toBe(1);
    expect(opensWith('kyodo', found[0].attributes)).toBe(true);
    expect(opensWith('Kyodo', found[0].attributes)).toBe(false);

    // ExcelJS reads the same fields back, and writes them out again unchanged.
    const excel = await loadWithExcelJS(data);
    const ws = excel.getWorksheet('基本施策1') as unknown as { sheetProtection: Record<string, unknown> };
    expect(ws.sheetProtection).toMatchObject({ sheet: true, algorithmName: 'SHA-512', spinCount: 100_000 });
    const again = await sheetProtections(new Uint8Array(await excel.xlsx.writeBuffer()));
    expect(again.map((p) => p.attributes)).toEqual(found.map((p) => p.attributes));
  });

  it('gives a sheet with its own password its own hash, and a sheet without one no hash', async () => {
    const fw = FileWorkbook.create('課.xlsx');
    await fw.apply({ cells: [], sheets: [sheet('A', 'kyodo'), sheet('B', 'betsu'), sheet('C')] });
    const found = await sheetProtections(await fw.toBuffer());
    const [a, b, c] = found.map((p) => p.attributes);
    expect(opensWith('kyodo', a)).toBe(true);
    expect(opensWith('betsu', b)).toBe(true);
    expect(c).toEqual({ sheet: '1' });
  });
});
