'use strict';
/**
 * Bench: compile 50 department submissions of 200 rows each, next to the time of merely
 * reading those files and the master and writing the master with ExcelJS (the library the
 * CLI uses). The compile's own share — everything beyond that I/O floor — should stay
 * under 50%. Needs `npm run build:cli` first (npm run bench does it).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { execFileSync } = require('child_process');
const { zipBomb } = require('./zip-bomb');

const dist = path.join(__dirname, '..', 'dist-cli');
const { main } = require(path.join(dist, 'cli', 'main'));
const { renderMaster } = require(path.join(dist, 'plan', 'layout', 'master'));
const { projectHeader } = require(path.join(dist, 'plan', 'layout', 'columns'));
const { DEFAULT_PLAN } = require(path.join(dist, 'plan', 'definition', 'default'));
const PLAN_NAME = DEFAULT_PLAN.name;
const POLICIES = DEFAULT_PLAN.policies;
const { ACHIEVEMENT_LEVELS } = require(path.join(dist, 'plan', 'validate'));
const { FileWorkbook } = require(path.join(dist, 'workbook', 'file'));
const { saveWorkbookFile } = require(path.join(dist, 'workbook', 'file', 'node'));

const DEPARTMENTS = 50;
const ROWS = 200;
const YEAR = 2024;

function department(d) {
  return `ベンチ${String(d + 1).padStart(2, '0')}課`;
}

/** A master whose 実施計画 has 50 × 200 projects, each department owning 200. */
function masterSheets() {
  const sheets = renderMaster({ year: YEAR });
  const projects = sheets.find((s) => s.name === '実施計画');
  const rows = [[`${PLAN_NAME}_${YEAR}実施計画`], projectHeader(YEAR)];
  const perPolicy = Math.ceil((DEPARTMENTS * ROWS) / POLICIES.length);
  let no = 0;
  for (const def of POLICIES) {
    rows.push([`◆基本施策${def.number} ${def.title}`]);
    for (let i = 0; i < perPolicy && no < DEPARTMENTS * ROWS; i++, no++) {
      rows.push([
        no + 1,
        '継続',
        `ベンチ事業${no + 1}`,
        `事業${no + 1}の計画。地域の団体と協働して講座や会議を開きます。`.repeat(2),
        '',
        '',
        `ベンチ部${department(no % DEPARTMENTS)}`,
        '11.3 17.17',
        '',
      ]);
    }
  }
  projects.rows = rows;
  projects.headingRows = [0];
  return sheets;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function time(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function setup(dir) {
  const master = path.join(dir, 'master.xlsx');
  const wb = FileWorkbook.create('master.xlsx');
  await wb.apply({ cells: [], sheets: masterSheets() });
  await saveWorkbookFile(wb, master);
  const quiet = {
    out() {},
    err(t) {
      process.stderr.write(t);
    },
    interactive: false,
  };
  const split = path.join(dir, 'split');
  if ((await main(['split', master, '-o', split], quiet)) !== 0) throw new Error('split failed');
  const files = fs
    .readdirSync(split)
    // The 50 bench 課; the template's own indicators give a few real 課 a file too, left unfilled here.
    .filter((f) => f.startsWith('ベンチ') && f.endsWith('.xlsx'))
    .map((f) => path.join(split, f));
  for (const f of files) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(f);
    const ws = book.getWorksheet('実施計画');
    // The coordinator's workbook holds only the 全体指標: no 実施計画 sheet to fill.
    if (!ws) continue;
    let i = 0;
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value !== 'number') return;
      row.getCell(5).value = `${YEAR}年度は予定どおり講座を${i + 3}回開き、延べ${(i + 1) * 17}人が参加した。参加団体と振り返りを行った。`;
      row.getCell(6).value = ACHIEVEMENT_LEVELS[i++ % 4];
    });
    await book.xlsx.writeFile(f);
  }
  return { master, files };
}

/** The floor: ExcelJS reading every file and the master, and writing the master. */
async function ioOnly(master, files, out) {
  for (const f of files) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(master));
  fs.writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
}

async function compileAll(master, files, out) {
  let said = '';
  const quiet = {
    out(t) {
      said += t;
    },
    err(t) {
      process.stderr.write(t);
    },
    interactive: false,
  };
  // Each timing round writes the same OUT again.
  const code = await main(['compile', master, ...files, '-o', out, '--json', '--force'], quiet);
  if (code !== 0) throw new Error(`compile exited with ${code}: ${said.slice(0, 2000)}`);
}

/** One compile in a fresh process: its exit code, time and peak RSS. */
function measured(args) {
  const text = execFileSync(process.execPath, [path.join(__dirname, 'measure-compile.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(text);
}

/** Peak memory of the 50 × 200 compile, and a 2 MB zip bomb (honest and lying headers) among the files. */
async function memory(dir, master, files) {
  const lines = [];
  const full = measured([master, ...files, '-o', path.join(dir, 'rss.xlsx'), '--json']);
  lines.push(
    `compile ${files.length} 件 (各 ${ROWS} 行) のピークメモリ (RSS): ${full.maxRssMb.toFixed(0)} MB（目標 1 GB 未満: ${full.maxRssMb < 1024 ? '達成' : '未達'}）`,
  );
  const template = fs.readFileSync(files[0]);
  for (const lie of [false, true]) {
    const bomb = await zipBomb(template, 2 * 1024 * 1024, lie);
    const file = path.join(dir, lie ? 'bomb-lying.xlsx' : 'bomb.xlsx');
    fs.writeFileSync(file, bomb.bytes);
    const r = measured(['open', file]);
    const refused = r.code === 1 && r.out.includes('展開すると大きすぎます');
    lines.push(
      `zip 爆弾 ${(bomb.bytes.length / 1024 / 1024).toFixed(1)} MB（展開すると ${(bomb.inflated / 1024 / 1024 / 1024).toFixed(1)} GB、` +
        `${lie ? 'ヘッダーは小さく偽装' : 'ヘッダーは正直'}）: ${refused ? '差戻し' : `差し戻されず`}、` +
        `判定まで ${seconds(r.ms)}（目標 1 秒未満: ${r.ms < 1000 ? '達成' : '未達'}）、ピークメモリ ${r.maxRssMb.toFixed(0)} MB`,
    );
  }
  return { lines, fullRssMb: full.maxRssMb };
}

async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-bench-'));
  try {
    process.stdout.write(`compile: ${DEPARTMENTS} 課 × ${ROWS} 行の提出ファイルを準備しています…\n`);
    const { master, files } = await setup(dir);
    const out = path.join(dir, 'out.xlsx');
    const floor = [];
    const total = [];
    // Alternate, twice each, and keep the best: neither side gets the warm JIT for free.
    for (let i = 0; i < 2; i++) {
      floor.push(await time(() => ioOnly(master, files, path.join(dir, 'io.xlsx'))));
      total.push(await time(() => compileAll(master, files, out)));
    }
    const io = Math.min(...floor);
    const all = Math.min(...total);
    const own = Math.max(0, all - io);
    const share = own / all;
    const mem = await memory(dir, master, files);
    process.stdout.write(
      [
        `compile ${files.length} 件 (各 ${ROWS} 行): ${seconds(all)}`,
        `  ExcelJS で読むだけ・書くだけ: ${seconds(io)}（${files.length} ファイルと取りまとめ用ブックを読み、取りまとめ用ブックを書く）`,
        `  compile 自身の処理: ${seconds(own)} = ${(share * 100).toFixed(0)}%（目標 50% 未満: ${share < 0.5 ? '達成' : '未達'}）`,
        ...mem.lines,
      ].join('\n') + '\n',
    );
    return { all, io, own, share };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run, setup };
if (require.main === module)
  run().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
