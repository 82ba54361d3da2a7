'use strict';
/**
 * Bench: sheet protection at Excel's 100,000 SHA-512 rounds for one department workbook of N
 * protected sheets — hashed once per workbook (FileWorkbook, what split does) versus once per
 * sheet (ExcelJS's own worksheet.protect), next to the same workbook written unprotected.
 * Needs `npm run build:cli` first (npm run bench does it).
 */
const ExcelJS = require('exceljs');
const path = require('path');
const { performance } = require('perf_hooks');

const { FileWorkbook } = require(path.join(__dirname, '..', 'dist-cli', 'workbook', 'file'));
const { EXCEL_SPIN_COUNT } = require(path.join(__dirname, '..', 'dist-cli', 'workbook', 'file', 'sheet-protection'));

const SHEETS = Number(process.env.BENCH_SHEETS || 4);
const PASSWORD = 'bench-password-0123456789';

function specs(protect) {
  return Array.from({ length: SHEETS }, (_, i) => ({
    name: `基本施策${i + 1}`,
    rows: [['基本指標項目', '実績値'], ...Array.from({ length: 50 }, (_, r) => [`指標${r + 1}`, null])],
    ...(protect ? { protection: { password: PASSWORD, unlocked: [{ row: 1, col: 1 }] } } : {}),
  }));
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

async function ours(protect) {
  const wb = FileWorkbook.create('課.xlsx');
  await wb.apply({ cells: [], sheets: specs(protect) });
  await wb.toBuffer();
}

async function perSheet() {
  const wb = new ExcelJS.Workbook();
  for (const spec of specs(false)) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    await ws.protect(PASSWORD, { spinCount: EXCEL_SPIN_COUNT, selectLockedCells: true, selectUnlockedCells: true });
  }
  await wb.xlsx.writeBuffer();
}

async function run() {
  await ours(false); // warm-up: module loading and JIT are not part of either figure
  const plain = await timed(() => ours(false));
  const once = await timed(() => ours(true));
  const each = await timed(perSheet);
  const s = (x) => `${x.toFixed(2)} s`;
  process.stdout.write(
    `protect ${SHEETS} sheets at ${EXCEL_SPIN_COUNT.toLocaleString('en-US')} rounds: once per workbook ${s(once)}, ` +
      `per sheet (ExcelJS protect) ${s(each)} — ${(each / once).toFixed(1)}× ; unprotected ${s(plain)} ` +
      `(hashing ${s(Math.max(0, once - plain))} per workbook)\n`,
  );
}

module.exports = { run };

if (require.main === module) run();
