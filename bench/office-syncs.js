'use strict';
// The Office gateway's round trips for a 5,000-row master: how many context.sync() calls a
// read and the writes of 進捗状況を記入 / 見直し指標 / 提出前チェック take, and the largest
// request, against the test suite's fake of the Excel object model (the same one the gateway's
// tests use). There is no Excel here, so this counts round trips; it does not time them.
const fs = require('fs');
const ts = require('typescript');
const { syntheticSheets } = require('./engine');

// The gateway is not part of the CLI build: load its TypeScript sources (and the fake) directly.
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const ROWS = Number(process.env.BENCH_OFFICE_ROWS || 5000);

function fakeFrom(sheets, FakeExcel, a1) {
  const fake = new FakeExcel();
  for (const spec of sheets) {
    const cells = {};
    spec.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined) cells[a1(r, c)] = { value: v };
      }),
    );
    fake.addSheet(spec.name, { cells, visibility: spec.hidden ? 'Hidden' : 'Visible' });
  }
  return fake;
}

async function run() {
  const { FakeExcel } = require('../test/workbook/office/fakeExcel.ts');
  const { OfficeWorkbook } = require('../src/workbook/office/index.ts');
  const { analyze, progressEdits, revisionEdits, findingEdits } = require('../src/plan/engine.ts');
  const { a1 } = require('../src/plan/grid.ts');

  const { actualCol } = require('../src/plan/layout/columns.ts');
  const sheets = syntheticSheets(ROWS);
  // One actual in twenty typed wrong, so that 提出前チェック has cells to mark.
  let n = 0;
  for (const spec of sheets)
    for (const row of spec.rows) if (/^指標\d/.test(row[0] ?? '') && ++n % 20 === 0) row[actualCol(2023)] = '集計中';
  const fake = fakeFrom(sheets, FakeExcel, a1);
  const rows = fake.sheets.reduce((n, s) => n + Math.max(0, ...[...s.cells.keys()].map((k) => Number(k.split(',')[0]) + 1)), 0);
  const gateway = new OfficeWorkbook(fake.run, 'bench.xlsx', { supports: () => false });

  const step = async (label, fn) => {
    const before = fake.syncs.length;
    const out = await fn();
    const syncs = fake.syncs.slice(before);
    const biggest = Math.max(0, ...syncs.map((s) => s.bytes));
    console.log(`  ${String(syncs.length).padStart(2)} syncs, largest request ${(biggest / 1e6).toFixed(2)} MB: ${label}`);
    return out;
  };

  console.log(
    `office gateway: ${ROWS} indicators, ${rows} rows over ${fake.sheets.length} sheets (aim: read 2 syncs, each write at most 3, every request under 4 MB; charts: as many as the 4 MB limit needs)`,
  );
  const grid = await step('read', () => gateway.read());
  const analysis = analyze(grid);
  const progress = progressEdits(analysis);
  await step(`進捗状況を記入 (${progress.cells.length} cells)`, () => gateway.apply(progress));
  const revision = revisionEdits(analysis);
  await step(`見直し指標 (${revision.cells.length} cells)`, () => gateway.apply(revision));
  const marks = findingEdits(analysis.findings);
  await step(`提出前チェック marks as fills (${marks.cells.length} cells)`, () => gateway.apply(marks));
  const { trendChartSheet } = require('../src/plan/trend-charts.ts');
  const trends = trendChartSheet(analysis.progress);
  await step(`推移グラフ (${trends.charts.length} charts)`, () => gateway.addTrendCharts(trends.sheet, trends.charts));
  const withNotes = new OfficeWorkbook(fake.run, 'bench.xlsx', { supports: () => true });
  await step(`提出前チェック marks as notes, ExcelApi 1.18 (${marks.cells.length} cells)`, () => withNotes.apply(marks));
}

module.exports = { run };
