/**
 * Refusals that must come before any work, options that cannot be combined, and the verdict on a
 * workbook with nothing in it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPORT_TEXT, SAMPLE_MASTER as SAMPLE, cli as shinchoku, tempDir } from './helpers';

describe('progress refuses an output it cannot write before reading anything', () => {
  it('--in-place on a .txt leaves no .bak behind and exits 2', async () => {
    const dir = tempDir();
    const txt = path.join(dir, 'report.txt');
    // The report's own text is a workbook the reader understands: only the output is wrong.
    fs.copyFileSync(REPORT_TEXT, txt);
    const before = fs.readFileSync(txt);
    const run = await shinchoku('progress', txt, '--in-place');
    expect(run.code).toBe(2);
    expect(run.err).toContain('report.txt');
    expect(fs.readdirSync(dir)).toEqual(['report.txt']);
    expect(fs.readFileSync(txt).equals(before)).toBe(true);
  });

  it('-o out.txt is refused for the output, even when the input does not exist yet', async () => {
    const dir = tempDir();
    const run = await shinchoku('progress', path.join(dir, 'missing.xlsx'), '-o', path.join(dir, 'out.txt'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('out.txt');
    expect(run.err).not.toContain('missing.xlsx');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('init', () => {
  it('--sample and --year together are refused: the sample has its own year', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.xlsx');
    const run = await shinchoku('init', '--sample', '2023', '--year', '2024', '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--sample と --year は同時に指定できません');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a blank master is not ready to submit: every indicator it lists is named as missing its figure and check exits 1', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.xlsx');
    expect((await shinchoku('init', '--year', '2023', '-o', out)).code).toBe(0);
    const run = await shinchoku('check', out);
    expect(run.code).toBe(1);
    expect(run.out).not.toContain('このまま提出できます');
    expect(run.out).toContain('2023年度の実績値が入力されていません');
    const json = JSON.parse((await shinchoku('check', out, '--json')).out);
    expect(json.errors).toBeGreaterThan(0);
  }, 60_000);
});

describe('--year', () => {
  it('full-width digits are the same year as ASCII ones', async () => {
    const wide = await shinchoku('check', SAMPLE, '--year', '２０２３', '--json');
    const ascii = await shinchoku('check', SAMPLE, '--year', '2023', '--json');
    expect(wide.code).toBe(ascii.code);
    expect(JSON.parse(wide.out).year).toBe(2023);
    expect(wide.out).toBe(ascii.out);
  }, 60_000);
});

describe('check --help', () => {
  it('says a partial read exits 1 and what the default year is', async () => {
    const run = await shinchoku('check', '--help');
    expect(run.out).toContain('1: エラーあり、または読み取れなかった表・行・列がある');
    expect(run.out).toContain('半数を超える指標に実績値が入っている最新の年度');
  });
});
