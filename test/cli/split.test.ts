import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { opensWith, sheetProtections } from '../workbook/file/protection';
import { cli, manifestOfFile, readGrid, SAMPLE_MASTER, sha, SPLIT_TIMEOUT, tempDir } from './helpers';

async function part(file: string, pattern: RegExp): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => pattern.test(n));
  return Promise.all(names.map((n) => zip.file(n)!.async('string')));
}

describe('shinchoku split', () => {
  const dir = tempDir();
  const master = path.join(dir, 'master.xlsx');
  const out = path.join(dir, '各課');
  let run: { code: number; out: string; err: string };
  let masterSha: string;

  beforeAll(async () => {
    fs.copyFileSync(SAMPLE_MASTER, master);
    masterSha = sha(master);
    process.env.SHINCHOKU_PASSWORD = 'kyodo';
    run = await cli('split', master, '-o', out, '--year', '2024', '--password');
    delete process.env.SHINCHOKU_PASSWORD;
  }, SPLIT_TIMEOUT);

  it('writes DIR/<課名>.xlsx for every department and reports them in Japanese', () => {
    expect(run.code).toBe(0);
    const files = fs.readdirSync(out);
    expect(files).toContain('生涯学習課.xlsx');
    expect(files).toContain('市民・NPO活動推進課.xlsx');
    expect(files.every((f) => f.endsWith('.xlsx'))).toBe(true);
    expect(run.out).toContain(`${out} に ${files.length} 課の2024年度記入用ファイルを作成しました。`);
    expect(run.out).toContain('生涯学習課.xlsx  指標 3 行・実施計画 7 件・内訳 0 行');
    expect(sha(master)).toBe(masterSha);
  });

  it('protects the sheets (with the password), unlocks only the inputs, adds validations', async () => {
    const file = path.join(out, '生涯学習課.xlsx');
    const sheets = await part(file, /^xl\/worksheets\/sheet\d+\.xml$/);
    const content = sheets.filter((x) => /<sheetProtection/.test(x));
    expect(content.length).toBeGreaterThanOrEqual(4); // 記入方法, 基本施策1, 基本施策2, 実施計画
    expect(content.every((x) => /algorithmName="SHA-512"/.test(x))).toBe(true);
    expect(sheets.join()).toContain('<dataValidation type="list"');
    expect(sheets.join()).toMatch(/<dataValidation type="decimal"[^>]*operator="greaterThanOrEqual"/);
    const styles = (await part(file, /^xl\/styles\.xml$/))[0];
    expect(styles).toContain('locked="0"');
  });

  it('protects every sheet as Excel does (SHA-512, 100,000 rounds), and the password from SHINCHOKU_PASSWORD opens it', async () => {
    const found = await sheetProtections(fs.readFileSync(path.join(out, '生涯学習課.xlsx')));
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const { attributes } of found) {
      expect(attributes).toMatchObject({ sheet: '1', algorithmName: 'SHA-512', spinCount: '100000' });
      expect(opensWith('kyodo', attributes)).toBe(true);
    }
  });

  it('keeps the metadata sheet very hidden, and its manifest readable', async () => {
    const file = path.join(out, '河川課.xlsx');
    const book = (await part(file, /^xl\/workbook\.xml$/))[0];
    expect(book).toMatch(/name="_shinchoku"[^>]*state="veryHidden"/);
    const m = await manifestOfFile(file);
    expect(m).toMatchObject({ department: '河川課', fiscalYear: 2024, templateVersion: '1', masterFile: 'master.xlsx' });
    const g = await readGrid(file);
    expect(g.sheets.map((s) => s.name)).toEqual(['記入方法', '基本施策4', '実施計画', '_shinchoku']);
  });

  it('lets a clerk check the file before sending it (提出前チェック), for the year handed out', async () => {
    const run = await cli('check', path.join(out, '河川課.xlsx'), '--json');
    const j = JSON.parse(run.out);
    expect(run.code).toBe(1);
    expect(j.year).toBe(2024);
    expect(j.status).toBe('未記入');
    expect(j.findings.map((i: { rule: string }) => i.rule)).toContain('actual-missing');
  });

  it(
    'refuses to overwrite without --force',
    async () => {
      const again = await cli('split', master, '-o', out, '--year', '2024');
      expect(again.code).toBe(2);
      expect(again.err).toContain('は既に');
      expect(again.err).toContain('--force');
      // A refusal, not a typing mistake: the message alone, without the command's help after it.
      expect(again.err.trim().split('\n')).toHaveLength(1);
      expect((await cli('split', master, '-o', out, '--year', '2024', '--force')).code).toBe(0);
    },
    SPLIT_TIMEOUT,
  );

  it('explains a master it cannot split', async () => {
    const bad = await cli('split', master, '-o', path.join(dir, 'x'), '--year', '2030');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('master.xlsx の基本指標の表には 2030年度の実績値の列がありません');
    const dept = await cli('split', path.join(out, '河川課.xlsx'), '-o', path.join(dir, 'y'));
    expect(dept.code).toBe(2);
    expect(dept.err).toContain('河川課.xlsx は各課の記入用ファイルです');
  });
});
