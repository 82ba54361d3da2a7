import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { openWorkbookFile, saveWorkbookFile } from '../../../src/workbook/file/node';
import { buildXlsx, caught, partText, tempDir, unescapeXml } from './helpers';
import { opensWith, sheetProtections } from './protection';

/**
 * LibreOffice as an independent reader of what the adapter writes. CI installs
 * libreoffice-calc; without it these tests fail (they never skip silently).
 */

function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'soffice');
    if (fs.existsSync(candidate)) return candidate;
  }
  return fs.existsSync('/usr/bin/soffice') ? '/usr/bin/soffice' : undefined;
}

const soffice = findSoffice();
let dir: string;

function convert(file: string, to: string, outName: string): string {
  if (!soffice) throw new Error('soffice (LibreOffice) が見つかりません。libreoffice-calc をインストールしてください。');
  const outDir = path.join(dir, outName);
  fs.mkdirSync(outDir, { recursive: true });
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const produced = fs.readdirSync(outDir);
  if (produced.length !== 1) throw new Error(`LibreOffice produced ${JSON.stringify(produced)}`);
  return path.join(outDir, produced[0]);
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

let saved: string;

beforeAll(async () => {
  dir = tempDir('shinchoku-lo-');
  saved = path.join(dir, '実施報告.xlsx');
  fs.writeFileSync(
    saved,
    await buildXlsx((wb) => {
      const ws = wb.addWorksheet('実施報告');
      ws.getCell('A1').value = '事業名';
      ws.getCell('B1').value = '進捗';
      ws.getCell('C1').value = '件数';
      ws.getCell('A2').value = '協働の地域づくり';
      ws.getCell('B2').value = 'A';
      ws.getCell('C2').value = 3;
      ws.getCell('C4').value = { formula: 'SUM(C2:C3)', result: 3 };
      wb.addWorksheet('集計').getCell('A1').value = '古い';
    }),
  );
  const fw = await openWorkbookFile(saved);
  await fw.apply({
    cells: [
      { sheet: '実施報告', row: 1, col: 1, value: 'B', mark: 'revised', note: '前年度から変更' },
      { sheet: '実施報告', row: 2, col: 0, value: '=1+1' },
      { sheet: '実施報告', row: 2, col: 2, value: 4 },
      { sheet: '実施報告', row: 2, col: 1, value: '文字列, "引用符" 付き' },
    ],
    sheets: [
      {
        name: '集計',
        rows: [['集計表'], ['区分', '件数'], ['A', 1]],
        headerRows: [1],
        headingRows: [0],
        merges: ['A1:B1'],
        validations: [
          { range: 'A3:A20', kind: 'list', list: ['A', 'B', 'C'] },
          { range: 'B3:B20', kind: 'whole', min: 0, max: 999 },
        ],
        protection: {
          password: 'kyodo',
          unlocked: [
            { row: 2, col: 0 },
            { row: 2, col: 1 },
          ],
        },
      },
    ],
  });
  await saveWorkbookFile(fw, saved);
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('LibreOffice reads what FileWorkbook writes', () => {
  it('has soffice available', () => {
    expect(soffice).toBeDefined();
  });

  it('shows the written values, with =1+1 kept as text', () => {
    const csv = convert(saved, 'csv:Text - txt - csv (StarCalc):44,34,76,1', 'csv');
    const rows = parseCsv(fs.readFileSync(csv, 'utf8'));
    expect(rows[0]).toEqual(['事業名', '進捗', '件数']);
    expect(rows[1]).toEqual(['協働の地域づくり', 'B', '3']);
    expect(rows[2]).toEqual(['=1+1', '文字列, "引用符" 付き', '4']);
    // LibreOffice keeps cached formula results of .xlsx by default, so C4 is not checked here.
  }, 120_000);

  it('keeps merges, validations and protection when LibreOffice re-saves the file', async () => {
    const resaved = convert(saved, 'xlsx', 'xlsx');
    const data = new Uint8Array(fs.readFileSync(resaved));
    const workbookXml = await partText(data, 'xl/workbook.xml');
    const names = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['実施報告', '集計']);
    const sheet = unescapeXml(await partText(data, 'xl/worksheets/sheet2.xml'));
    expect(sheet).toMatch(/<mergeCell ref="A1:B1"\/>/);
    expect(sheet).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    // Excel's 100,000-round hash survives LibreOffice: the password still opens the sheet.
    const [protection] = await sheetProtections(data);
    expect(protection.attributes).toMatchObject({ algorithmName: 'SHA-512', spinCount: '100000' });
    expect(opensWith('kyodo', protection.attributes)).toBe(true);
    const rule = (sqref: string) =>
      (sheet.match(/<dataValidation [\s\S]*?<\/dataValidation>/g) ?? []).find((r) => r.includes(`sqref="${sqref}"`)) ?? '';
    expect(rule('A3:A20')).toMatch(/type="list"/);
    expect(rule('A3:A20')).toContain('<formula1>"A,B,C"</formula1>');
    expect(rule('B3:B20')).toMatch(/type="whole"/);
    expect(rule('B3:B20')).toContain('<formula1>0</formula1><formula2>999</formula2>');

    const grid = await (await FileWorkbook.fromBuffer(data, '再保存.xlsx')).read();
    expect(grid.sheets[0].rows[2].map((c) => c?.value)).toEqual(['=1+1', '文字列, "引用符" 付き', 4]);
    expect(grid.sheets[0].rows[3][2]).toMatchObject({ formula: 'SUM(C2:C3)' });
    expect(grid.sheets[1].rows[0]).toEqual([{ value: '集計表' }]);
  }, 120_000);

  it('is refused as a legacy .xls once LibreOffice saves it in the 97-2003 format', async () => {
    const xls = convert(saved, 'xls', 'xls');
    const err = await caught(() => openWorkbookFile(xls));
    expect(err).toMatchObject({ code: 'legacy-xls' });
    expect(err.message).toContain('Excel 97-2003 形式');
  }, 120_000);
});
