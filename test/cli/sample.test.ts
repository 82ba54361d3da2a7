import * as path from 'path';
import { cli, readGrid, SAMPLE_MASTER, tempDir } from './helpers';

test('the committed sample master is what `init --sample 2023` builds from the seed today', async () => {
  const fresh = path.join(tempDir(), 'master.xlsx');
  expect((await cli('init', '--sample', '2023', '-o', fresh)).code).toBe(0);
  const values = async (file: string) =>
    (await readGrid(file)).sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => c?.value ?? null)) }));
  expect(await values(SAMPLE_MASTER)).toEqual(await values(fresh));
});

test('the sample keeps the report’s full-width punctuation and circled numbers', async () => {
  const grid = await readGrid(SAMPLE_MASTER);
  const texts = grid.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => String(c?.value ?? ''))));
  expect(texts).toContain('【追加】男女共同参画事業者表彰の受賞者数（累計）');
  expect(texts.some((t) => t.startsWith('①学校や地域等と連携したまちづくりの担い手'))).toBe(true);
});
