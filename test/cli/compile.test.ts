import * as fs from 'fs';
import * as path from 'path';
import { progressBar } from '../../src/cli/progress-bar';
import { analyze } from '../../src/plan/engine';
import { fillValue } from '../plan/compile/helpers';
import { cli, editFile, fillFile, readGrid, SAMPLE_MASTER, sha, SPLIT_TIMEOUT, tempDir } from './helpers';

describe('shinchoku compile (CLI behaviour)', () => {
  const dir = tempDir();
  const master = path.join(dir, 'master.xlsx');
  let river: string;
  let citizens: string;

  beforeAll(async () => {
    fs.copyFileSync(SAMPLE_MASTER, master);
    expect((await cli('split', master, '-o', path.join(dir, 'split'), '--year', '2024')).code).toBe(0);
    river = await fillFile(path.join(dir, 'split', '河川課.xlsx'), (i, g) => fillValue(g, i));
    citizens = await fillFile(path.join(dir, 'split', '市民課.xlsx'), (i, g) => fillValue(g, i));
  }, SPLIT_TIMEOUT);

  it('the year switch counts only 取組状況・達成度 cells that held an entry as emptied', async () => {
    const projects = analyze(await readGrid(master), { year: 2023 }).plan.projects?.projects ?? [];
    // Three 達成度 cells already empty (an empty string, as a cleared cell is often saved) before the switch.
    const emptied = projects.slice(0, 3).map((p) => p.achievement!.ref);
    const sparse = await editFile(master, path.join(dir, 'sparse.xlsx'), (wb) => {
      for (const ref of emptied) wb.getWorksheet(ref.sheet)!.getCell(ref.row + 1, ref.col + 1).value = '';
    });
    const old = analyze(await readGrid(sparse), { year: 2023 }).plan.projects?.projects ?? [];
    const filled = old.flatMap((p) => [p.status, p.achievement]).filter((c) => c && c.text.trim() !== '').length;
    expect(filled).toBe(projects.length * 2 - 3);
    const run = await cli('compile', sparse, river, '-o', path.join(dir, 'count.xlsx'));
    expect(run.out).toContain(`取組状況・達成度 ${filled} セルを空欄にしました`);
  });

  it('reports in Japanese, file by file, and exits 0 when everything is taken', async () => {
    const out = path.join(dir, 'out.xlsx');
    const run = await cli('compile', master, river, citizens, '-o', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain('✓ 河川課.xlsx（河川課）: 4 セルを取り込みました');
    expect(run.out).toContain('注意: master.xlsx の実施計画を2023年度から2024年度に切り替え');
    expect(run.out).toMatch(/未提出・差戻し \d+ 課: /);
    expect(run.out).toContain(`${out} に書き出しました（master.xlsx は変更していません）`);
    const g = await readGrid(out);
    expect(g.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['提出履歴', '提出状況']));
  });

  it('prints the JSON the issue asks for', async () => {
    const run = await cli('compile', master, river, '-o', path.join(dir, 'j.xlsx'), '--json');
    const j = JSON.parse(run.out);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['applied', 'conflicts', 'rejected', 'submissions', 'missingDepartments']));
    expect(j.submissions).toEqual([
      { file: '河川課.xlsx', department: '河川課', status: 'accepted', verdict: '提出可', errors: 0, warnings: 0, applied: 4 },
    ]);
    expect(j.missingDepartments).toContain('市民課');
    expect(j.missingDepartments).not.toContain('河川課');
  });

  it('lists a conflict, keeps the master’s value, exits 1; --prefer submission takes the file’s', async () => {
    // The coordinator edits the master after the split…
    const edited = path.join(dir, 'master-edited.xlsx');
    await editFile(master, edited, (wb) => void (wb.getWorksheet('基本施策4')!.getCell('L16').value = '取りまとめ課が直した文'));
    const before = sha(edited);
    const run = await cli('compile', edited, river, '-o', path.join(dir, 'c.xlsx'), '--json');
    expect(run.code).toBe(1);
    const j = JSON.parse(run.out);
    expect(j.conflicts).toHaveLength(1);
    expect(j.conflicts[0]).toMatchObject({
      file: '河川課.xlsx',
      department: '河川課',
      sheet: '基本施策4',
      cell: 'L16',
      master: '取りまとめ課が直した文',
      kept: 'master',
    });
    const kept = await readGrid(path.join(dir, 'c.xlsx'));
    expect(kept.sheets.find((s) => s.name === '基本施策4')!.rows[15][11]!.value).toBe('取りまとめ課が直した文');
    const prefer = await cli('compile', edited, river, '-o', path.join(dir, 'p.xlsx'), '--json', '--prefer', 'submission');
    expect(JSON.parse(prefer.out).conflicts[0].kept).toBe('submission');
    expect(sha(edited)).toBe(before);
    const bad = await cli('compile', edited, river, '-o', path.join(dir, 'x.xlsx'), '--prefer', 'both');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--prefer には master か submission を指定してください');
  });

  it('asks for what is missing', async () => {
    expect((await cli('compile', master, '-o', path.join(dir, 'x.xlsx'))).err).toContain('提出されたファイルを1つ以上指定してください');
    expect((await cli('compile', master, river)).err).toContain('-o で指定してください');
    expect((await cli('compile', master, river, '-o', river)).err).toContain('提出されたファイル');
  });
});

describe('progressBar', () => {
  it('draws on an interactive terminal only, and clears its line at the end', () => {
    const lines: string[] = [];
    const io = { out() {}, err() {}, interactive: true, progress: (l: string) => lines.push(l) };
    const bar = progressBar(io, 4, '読み込み中');
    for (const f of ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']) bar.tick(f);
    bar.done();
    expect(lines[1]).toBe(`読み込み中 [${'#'.repeat(12)}${' '.repeat(12)}] 2/4 b.xlsx`);
    expect(lines[lines.length - 1]).toBe('');
    const quiet: string[] = [];
    const off = progressBar({ ...io, interactive: false, progress: (l: string) => quiet.push(l) }, 4, 'x');
    off.tick('a');
    off.done();
    expect(quiet).toEqual([]);
  });
});
