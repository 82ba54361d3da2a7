import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { REPORT_TEXT, cli as shinchoku, tempDir } from './helpers';

/**
 * What Excel does to text pasted into a sheet: figures it can read become numbers, with
 * the format it guessed (75.6% → 0.756 shown as 0.0%, 1,283 → 1283 shown as #,##0).
 */
function asExcelWouldStore(cell: ExcelJS.Cell, text: string): void {
  const t = text.trim();
  let m = /^(-?\d+(?:\.(\d+))?)%$/.exec(t);
  if (m) {
    cell.value = Number(m[1]) / 100;
    cell.numFmt = m[2] ? `0.${'0'.repeat(m[2].length)}%` : '0%';
    return;
  }
  m = /^-?\d{1,3}(,\d{3})+$/.exec(t);
  if (m) {
    cell.value = Number(t.replace(/,/g, ''));
    cell.numFmt = '#,##0';
    return;
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    cell.value = Number(t);
    return;
  }
  cell.value = text;
}

test('the report pasted into one Excel sheet, with Excel turning figures into numbers, gives the published results', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'pasted.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  fs.readFileSync(REPORT_TEXT, 'utf8')
    .split(/\r?\n/)
    .forEach((line, r) => {
      line.split('\t').forEach((text, c) => {
        if (text !== '') asExcelWouldStore(ws.getCell(r + 1, c + 1), text);
      });
    });
  await wb.xlsx.writeFile(file);

  const run = await shinchoku('progress', file, '-o', path.join(dir, 'out.xlsx'), '--json');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.out);
  expect(json.policies.map((p: { progress: string }) => p.progress).join('')).toBe('↑↑↑↓↓↑↑');
  expect(json.overall.policiesUp).toBe(5);
  expect(json.survey.improvedCount).toBe(1);
  // わかりやすい情報発信: 69.1% → 75.6% (stored as 0.756 with a percent format), target 75.0%.
  const wakariyasui = json.policies[2].indicators[0];
  expect([wakariyasui.previous, wakariyasui.current, wakariyasui.target, wakariyasui.achieved]).toEqual([69.1, 75.6, 75, true]);
});
