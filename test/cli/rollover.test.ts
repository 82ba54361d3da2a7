import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyze } from '../../src/plan/engine';
import { readMetadata } from '../../src/plan/recognize/metadata';
import { cli, readGrid, SAMPLE_MASTER, sha, tempDir } from './helpers';

test('rollover carries the FY2023 master into FY2024: inputs emptied, reasons kept as notes, recorded', async () => {
  const out = path.join(tempDir(), 'master-2024.xlsx');
  const before = sha(SAMPLE_MASTER);
  const run = await cli('rollover', SAMPLE_MASTER, '--to', '2024', '-o', out);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(sha(SAMPLE_MASTER)).toBe(before);

  const old = analyze(await readGrid(SAMPLE_MASTER), { year: 2023 }).plan;
  const grid = await readGrid(out);
  expect(readMetadata(grid).fiscalYear).toBe(2024);
  const plan = analyze(grid, { year: 2024 }).plan;
  expect(plan.projects?.year).toBe(2024);
  expect(plan.projects?.projects.filter((p) => p.status?.text || p.achievement?.text)).toEqual([]);
  const reasons = plan.policies.flatMap((p) => p.table?.indicators ?? []).filter((i) => i.reason?.text);
  expect(reasons).toEqual([]);
  // The 2023 figures stay: only the year's inputs are emptied.
  const figures = (p: typeof plan) =>
    p.policies.flatMap((x) => x.table?.indicators ?? []).map((i) => i.series[0].values.get(2023)?.parsed.raw);
  expect(figures(plan)).toEqual(figures(old));

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const first = old.policies[0].table?.indicators[0];
  const ref = first?.reason?.ref;
  const note = ref && wb.getWorksheet(ref.sheet)?.getCell(ref.row + 1, ref.col + 1).note;
  const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  expect(noteText).toContain('2023年度の記入（参考）');
  expect(noteText).toContain(first?.reason?.text.slice(0, 10));
  const record = grid.sheets.find((s) => s.name === '年度切替の記録');
  expect(record?.rows[1]?.[1]?.value).toBe('2023年度');
  expect(record?.rows[1]?.[2]?.value).toBe('2024年度');
  // What was done is said in words, in the record and on the screen.
  const said = String(record?.rows[1]?.[3]?.value);
  expect(said).toMatch(/の実施計画を2023年度から2024年度に切り替え、2023年度の取組状況・達成度 \d+ セルを空欄にしました。/);
  expect(said).toMatch(/2023年度の増減理由 \d+ 件を空欄にし/);
  expect(said).not.toContain('[object');
  expect(run.out).toMatch(/実施計画を2023年度から2024年度に切り替え/);
  expect(run.out).not.toContain('[object');
});

test("rollover refuses a year that is not later than the master's, and writes nothing", async () => {
  const out = path.join(tempDir(), 'x.xlsx');
  const run = await cli('rollover', SAMPLE_MASTER, '--to', '2023', '-o', out);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/既に2023年度のブックです/);
});
