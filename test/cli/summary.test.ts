import * as fs from 'fs';
import * as path from 'path';
import { cli, readGrid, SAMPLE_MASTER, tempDir } from './helpers';

test('summary counts the FY2023 projects per 施策 and writes the 実施計画の集計 sheet', async () => {
  const out = path.join(tempDir(), 'summary.xlsx');
  const run = await cli('summary', SAMPLE_MASTER, '--json', '-o', out);
  const json = JSON.parse(run.out) as {
    total: number;
    policies: { policy: number; total: number }[];
    sdgsTotal: number;
    unreadSdgs: { no: number }[];
  };
  expect(json.total).toBe(99);
  expect(json.policies.map((p) => p.total)).toEqual([11, 6, 8, 18, 11, 28, 17]);
  // Project 18 names SDGs target 11.8, which does not exist: it is not counted, and the exit code says so.
  expect(json.unreadSdgs.map((u) => u.no)).toEqual([18]);
  expect(run.code).toBe(1);
  const sheet = (await readGrid(out)).sheets.find((s) => s.name === '実施計画の集計');
  expect(sheet?.rows.some((r) => r[0]?.value === '計' && r[1]?.value === 99)).toBe(true);
});

test('summary of a file without a 実施計画 table exits 2 naming the file', async () => {
  const file = path.join(tempDir(), 'memo.txt');
  fs.writeFileSync(file, '基本指標項目\t説明\n町内会等加入率\t加入世帯の割合\n');
  const run = await cli('summary', file);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/memo\.txt に実施計画の表/);
});

test("summary of a new plan's blank master reports no projects yet", async () => {
  const master = path.join(tempDir(), 'next.xlsx');
  const plan = path.join(__dirname, '..', '..', 'plans', 'koriyama-kyodo-2.json');
  expect((await cli('init', '--plan', plan, '-o', master)).code).toBe(0);
  const run = await cli('summary', master);
  expect(run.code).toBe(0);
  expect(run.out).toMatch(/事業数 0/);
});
