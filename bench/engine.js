'use strict';
// check + progress on a synthetic master of 10,000 indicators, next to a plain read and
// write of the same file with the same library, measured in one run.
const ExcelJS = require('exceljs');
const { performance } = require('perf_hooks');
const { FileWorkbook } = require('../dist-cli/workbook/file');
const { analyze, progressEdits } = require('../dist-cli/plan/engine');
const { renderMaster } = require('../dist-cli/plan/layout/master');
const { COL, actualCol } = require('../dist-cli/plan/layout/columns');

const INDICATORS = Number(process.env.BENCH_INDICATORS || 10000);
const RUNS = Number(process.env.BENCH_RUNS || 3);

function syntheticSheets(indicators = INDICATORS) {
  const sheets = renderMaster({ year: 2023 });
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const units = ['件', '人', '%', '回', '団体'];
  for (let p = 1; p <= 7; p++) {
    const spec = sheets.find((s) => s.name === `基本施策${p}`);
    const header = spec.rows.findIndex((r) => r[0] === '基本指標項目');
    spec.rows.length = header + 2;
    const n = Math.ceil(indicators / 7) - (p === 7 ? 7 * Math.ceil(indicators / 7) - indicators : 0);
    for (let i = 0; i < n; i++) {
      const unit = units[i % units.length];
      const base = unit === '%' ? 30 + rnd() * 40 : Math.round(100 + rnd() * 5000);
      const v = (k) =>
        `${(unit === '%' ? (base * (1 + (rnd() - 0.5) * 0.2)).toFixed(1) : Math.round(base * (1 + (rnd() - 0.5) * 0.4))).toLocaleString('en-US')}${unit}`;
      const row = new Array(14).fill('');
      row[COL.name] = `指標${p}-${i + 1}`;
      row[COL.description] = `合成した指標 ${i + 1} の説明`;
      row[COL.baseline] = v();
      row[COL.review] = v();
      row[COL.midterm] = v();
      row[actualCol(2022)] = v();
      row[actualCol(2023)] = v();
      row[COL.target] = v();
      row[COL.reason] = '前年度の取組を継続した。';
      row[COL.department] = '市民・NPO活動推進課';
      spec.rows.push(row);
    }
  }
  return sheets;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function run() {
  const wb = FileWorkbook.create('bench.xlsx');
  await wb.apply({ cells: [], sheets: syntheticSheets() });
  const bytes = await wb.toBuffer();
  const plain = [];
  const engine = [];
  let counts;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes);
    await x.xlsx.writeBuffer();
    plain.push(performance.now() - t);

    const gw = await FileWorkbook.fromBuffer(bytes, 'bench.xlsx');
    const grid = await gw.read();
    t = performance.now();
    const a = analyze(grid);
    progressEdits(a);
    engine.push(performance.now() - t);
    counts = a.counts;
  }
  const e = median(engine);
  const p = median(plain);
  console.log(`engine: ${counts.indicators} indicators, file ${(bytes.length / 1024).toFixed(0)} KB, ${RUNS} runs (median)`);
  console.log(`  plain read + write (ExcelJS): ${p.toFixed(0)} ms`);
  console.log(`  check + progress (engine):    ${e.toFixed(0)} ms`);
  console.log(`  engine share of the total:    ${((100 * e) / (e + p)).toFixed(1)} % (aim: under 30 %)`);
}

module.exports = { run, syntheticSheets };

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
