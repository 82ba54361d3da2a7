import * as fs from 'fs';
import * as path from 'path';
import { canonical } from '../../src/plan/compile/fields';
import { readStatus } from '../../src/plan/compile/ledger';
import { cellAt } from '../../src/plan/grid';
import { viewMaster } from '../../src/plan/split';
import { fillValue } from '../plan/compile/helpers';
import { cli, fillFile, manifestOfFile, readGrid, SAMPLE_MASTER, sha, SPLIT_TIMEOUT, tempDir } from './helpers';

/**
 * The acceptance round trip, through real files: split the FY2023 sample, fill every
 * department's FY2024 cells, compile, and check OUT with `check` and `progress`.
 */
/** The parts of `compile --json` these tests read. */
interface CompileJson {
  year: number;
  rejected: unknown[];
  conflicts: unknown[];
  missingDepartments: unknown[];
  applied: number;
  submissions: { status: string }[];
}

describe('shinchoku split → fill → compile → check / progress', () => {
  const dir = tempDir();
  const master = path.join(dir, 'master.xlsx');
  const depts = path.join(dir, '各課');
  const out = path.join(dir, 'out.xlsx');
  let files: string[];
  let masterSha: string;
  let compiled: { code: number; json: CompileJson };

  beforeAll(async () => {
    fs.copyFileSync(SAMPLE_MASTER, master);
    masterSha = sha(master);
    const split = await cli('split', master, '-o', depts, '--year', '2024');
    expect(split.code).toBe(0);
    files = fs
      .readdirSync(depts)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(depts, f));
    for (const f of files) await fillFile(f, (input, grid) => fillValue(grid, input));
    const run = await cli('compile', master, ...files, '-o', out, '--json');
    compiled = { code: run.code, json: JSON.parse(run.out) };
  }, SPLIT_TIMEOUT);

  it('accepts every file, with nothing missing', () => {
    expect(compiled.code).toBe(0);
    const j = compiled.json;
    expect(j.year).toBe(2024);
    expect(j.rejected).toEqual([]);
    expect(j.conflicts).toEqual([]);
    expect(j.missingDepartments).toEqual([]);
    expect(j.applied).toBeGreaterThan(250);
    expect(j.submissions).toHaveLength(files.length);
    expect(j.submissions.every((s: { status: string }) => s.status === 'accepted')).toBe(true);
  });

  it('leaves MASTER byte-identical', () => {
    expect(sha(master)).toBe(masterSha);
  });

  it('holds exactly the entered values, and lists every department as 提出済', async () => {
    const grid = await readGrid(out);
    const rows = viewMaster(grid, 2024).byKey;
    for (const f of files) {
      const sub = await readGrid(f);
      const m = await manifestOfFile(f);
      for (const input of m.inputs) {
        const row = rows.get(input.key);
        if (!row || (row.kind !== 'project' && row.shared) || input.field.startsWith('contrib')) continue;
        const ref = row.inputs[input.field]!;
        const got = cellAt(
          grid.sheets.find((s) => s.name === ref.sheet)!,
          ref.row,
          ref.col,
        );
        const want = cellAt(
          sub.sheets.find((s) => s.name === input.sheet)!,
          input.row,
          input.col,
        );
        expect(`${f} ${input.key} ${canonical(input.field, got)}`).toBe(`${f} ${input.key} ${canonical(input.field, want)}`);
      }
    }
    const status = readStatus(grid);
    expect(status.size).toBe(files.length);
    expect([...status.values()].map((s) => s.status)).toEqual(files.map(() => '提出済'));
  });

  it('runs check clean on OUT, apart from the published data’s own SDGs error (11.8)', async () => {
    const run = await cli('check', out, '--year', '2024', '--json');
    const j = JSON.parse(run.out);
    const errors = j.issues.filter((i: { severity: string }) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'sdgs-target', sheet: '実施計画', cell: 'H23' });
    expect(errors[0].message).toContain('防災情報発信事業');
    expect(errors[0].message).toContain('11.8');
    // The same error is in the master as published.
    const before = JSON.parse((await cli('check', master, '--json')).out);
    expect(
      before.issues
        .filter((i: { severity: string }) => i.severity === 'error')
        .map((i: { rule: string; cell: string }) => `${i.rule}@${i.cell}`),
    ).toEqual(['sdgs-target@H23']);
  });

  it('runs progress on OUT', async () => {
    const run = await cli('progress', out, '-o', path.join(dir, 'progress.xlsx'), '--year', '2024');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('2024年度の進捗状況');
  });

  it('changes nothing when the same files are compiled again, and adds nothing to the 提出履歴', async () => {
    const again = path.join(dir, 'again.xlsx');
    const run = await cli('compile', out, ...files, '-o', again);
    expect(run.code).toBe(0);
    expect(run.out).toContain('変更したセル 0 個');
    const rowsOf = async (file: string) =>
      (await readGrid(file)).sheets.find((s) => s.name === '提出履歴')?.rows.map((r) => r.map((c) => c?.value ?? null));
    expect(await rowsOf(again)).toEqual(await rowsOf(out));
  });
});
