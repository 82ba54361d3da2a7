/**
 * check on a department workbook opens it as compile opens a submission, so the clerk is never
 * told 提出可 for a file the coordinator's compile will refuse.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fillValue } from '../plan/compile/helpers';
import { cli, editFile, fillFile, SAMPLE_MASTER, SPLIT_TIMEOUT, tempDir } from './helpers';

describe('check on a department workbook beyond the submission limits', () => {
  const dir = tempDir();
  const master = path.join(dir, 'master.xlsx');
  let tall: string;

  beforeAll(async () => {
    fs.copyFileSync(SAMPLE_MASTER, master);
    expect((await cli('split', master, '-o', path.join(dir, 'split'), '--year', '2024')).code).toBe(0);
    const river = await fillFile(path.join(dir, 'split', '河川課.xlsx'), (i, g) => fillValue(g, i));
    fs.mkdirSync(path.join(dir, 'tall'));
    // An empty but styled cell far down: within the general limits, beyond a submission's.
    tall = await editFile(river, path.join(dir, 'tall', '河川課.xlsx'), (wb) => {
      const cell = wb.worksheets[0].getCell('A30000');
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
  }, SPLIT_TIMEOUT);

  it('check says 差戻し with the reason compile gives, and exits 1', async () => {
    const checked = await cli('check', tall, '--json');
    const compiled = await cli('compile', master, tall, '-o', path.join(dir, 'out.xlsx'), '--json');
    const verdict = JSON.parse(checked.out);
    expect(checked.code).toBe(1);
    expect(verdict.status).toBe('差戻し');
    const reason = verdict.findings[0].message as string;
    expect(reason).toContain('20,000 行');
    const report = JSON.parse(compiled.out);
    expect(report.submissions[0].status).toBe('rejected');
    expect(report.rejected[0].reasons).toEqual(verdict.findings.map((f: { message: string }) => f.message));
  }, 120_000);

  it('the text form names the file and the reason', async () => {
    const run = await cli('check', tall);
    expect(run.code).toBe(1);
    expect(run.out).toContain('河川課.xlsx');
    expect(run.out).toContain('差戻し');
    expect(run.out).toContain('20,000 行');
  }, 120_000);
});

describe('check on a department workbook reads the file once', () => {
  const dir = tempDir();
  let river: string;

  beforeAll(async () => {
    const master = path.join(dir, 'master.xlsx');
    fs.copyFileSync(SAMPLE_MASTER, master);
    expect((await cli('split', master, '-o', path.join(dir, 'split'), '--year', '2024')).code).toBe(0);
    river = await fillFile(path.join(dir, 'split', '河川課.xlsx'), (i, g) => fillValue(g, i));
  }, 120_000);

  afterEach(() => jest.restoreAllMocks());

  it('identifies it and judges it as a submission from the same bytes', async () => {
    // The module object itself (the namespace import above is a read-only view of it).
    const nodeFs = jest.requireActual<typeof fs>('fs');
    const sync = jest.spyOn(nodeFs, 'readFileSync');
    const promised = jest.spyOn(nodeFs.promises, 'readFile');
    const run = await cli('check', river, '--json');
    const reads = [...sync.mock.calls, ...promised.mock.calls].filter(
      ([p]) => typeof p === 'string' && path.resolve(p) === path.resolve(river),
    );
    expect(reads).toHaveLength(1);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).status).toBe('提出可');
  }, 120_000);
});
