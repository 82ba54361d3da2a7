import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fillValue } from '../plan/compile/helpers';
import { METADATA_SHEET } from '../../src/plan/recognize/metadata';
import { manifestRows, type Manifest } from '../../src/plan/split/manifest';
import { protectionPassword } from '../../src/plan/split/signature';
import { opensWith, sheetProtections } from '../workbook/file/protection';
import { cli, editFile, fillFile, manifestOfFile, readGrid, SAMPLE_MASTER, sha, SPLIT_TIMEOUT, tempDir } from './helpers';

/**
 * What a clerk or a stranger could try against the coordinator: each attack is built here,
 * and each must end in a Japanese message, a known exit code, and the master byte for byte as it was.
 */

/** Rewrites the manifest (with a valid checksum) and keeps the genuine signature row, as a forger would. */
async function forge(file: string, to: string, change: (m: Manifest) => void): Promise<string> {
  const m = await manifestOfFile(file);
  const signature = (await readGrid(file)).sheets
    .find((s) => s.name === METADATA_SHEET)
    ?.rows.map((r) => r.map((c) => c?.value ?? null))
    .find((r) => r[0] === 'signature');
  expect(signature).toBeDefined();
  change(m);
  return editFile(file, to, (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet(METADATA_SHEET);
    if (!ws) throw new Error('no manifest sheet');
    ws.spliceRows(1, ws.rowCount);
    [...manifestRows(m), signature ?? []].forEach((r, i) => {
      r.forEach((v, c) => (ws.getCell(i + 1, c + 1).value = v));
    });
  });
}

describe('attacks on compile and split (CLI)', () => {
  const dir = tempDir('shinchoku-attacks-');
  const master = path.join(dir, 'master.xlsx');
  let masterSha: string;
  let river: string;

  beforeAll(async () => {
    fs.copyFileSync(SAMPLE_MASTER, master);
    masterSha = sha(master);
    const split = await cli('split', master, '-o', path.join(dir, 'split'), '--year', '2024');
    expect(split.code).toBe(0);
    river = await fillFile(path.join(dir, 'split', '河川課.xlsx'), (i, g) => fillValue(g, i));
  }, SPLIT_TIMEOUT);

  afterEach(() => {
    expect(sha(master)).toBe(masterSha);
  });

  it('split keeps the secret beside the master (not in it) and signs every file', async () => {
    expect(fs.existsSync(`${master}.shinchoku-key`)).toBe(true);
    const g = await readGrid(river);
    const rows = g.sheets.find((s) => s.name === METADATA_SHEET)?.rows.map((r) => r[0]?.value) ?? [];
    expect(rows).toContain('signature');
  });

  it('protects each 課 with its own password, found again from the master’s secret, at Excel’s 100,000 rounds', async () => {
    const secret = fs.readFileSync(`${master}.shinchoku-key`, 'utf8').trim();
    const own = await protectionPassword(secret, '生涯学習課', 2024);
    const found = await sheetProtections(fs.readFileSync(path.join(dir, 'split', '生涯学習課.xlsx')));
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const { attributes } of found) {
      expect(attributes).toMatchObject({ sheet: '1', algorithmName: 'SHA-512', spinCount: '100000' });
      expect(opensWith(own, attributes)).toBe(true);
    }
    expect(opensWith(await protectionPassword(secret, '河川課', 2024), found[0].attributes)).toBe(false);
  });

  it('a manifest rewritten to another 課 with a valid checksum is rejected as forged; the genuine file of that 課 still goes in', async () => {
    const forged = await forge(river, path.join(dir, '市民課-forged.xlsx'), (m) => (m.department = '市民課'));
    const citizens = await fillFile(path.join(dir, 'split', '市民課.xlsx'), (i, g) => fillValue(g, i));
    const run = await cli('compile', master, forged, citizens, '-o', path.join(dir, 'out1.xlsx'), '--json');
    expect(run.code).toBe(1);
    const j = JSON.parse(run.out) as { submissions: { file: string; status: string }[]; rejected: { file: string; reasons: string[] }[] };
    expect(j.rejected.map((r) => r.file)).toEqual(['市民課-forged.xlsx']);
    expect(j.rejected[0].reasons.join('\n')).toContain('改ざんまたは別の課のファイル');
    expect(j.rejected[0].reasons.join('\n')).toContain('取りまとめ担当に連絡してください。');
    expect(j.submissions.find((s) => s.file === '市民課.xlsx')?.status).toBe('accepted');
    const status = (await readGrid(path.join(dir, 'out1.xlsx'))).sheets.find((s) => s.name === '提出状況');
    const row = status?.rows.find((r) => r[0]?.value === '市民課');
    expect(row?.[1]?.value).toBe('提出済');
  });

  it('a contribution row the 課 was never given is rejected, and nothing of the file is taken', async () => {
    const forged = await forge(river, path.join(dir, 'extra-slot.xlsx'), (m) => {
      const last = m.inputs[m.inputs.length - 1];
      m.inputs.push({ ...last, key: 'ctb:町内会加入率|河川課|9', field: 'contribValue', base: '' });
    });
    const run = await cli('compile', master, forged, '-o', path.join(dir, 'out2.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('✗ extra-slot.xlsx（河川課）: 差戻し');
    expect(run.out).toContain('改ざんまたは別の課のファイル');
    expect(run.out).toContain('1 ファイル中 0 件を取り込み、1 件を差し戻しました');
  });

  it('a signature removed altogether is rejected the same way', async () => {
    const stripped = await editFile(river, path.join(dir, 'unsigned.xlsx'), (wb) => {
      const ws = wb.getWorksheet(METADATA_SHEET);
      if (!ws) throw new Error('no manifest sheet');
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'signature') row.values = [];
      });
    });
    const run = await cli('compile', master, stripped, '-o', path.join(dir, 'out3.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('改ざんまたは別の課のファイル');
  });

  it('-o through a symbolic link to the master’s folder, or a hard link to it, is refused (exit 2)', async () => {
    const link = path.join(dir, 'link');
    fs.symlinkSync(dir, link, 'dir');
    const viaLink = await cli('compile', master, river, '-o', path.join(link, 'master.xlsx'));
    expect(viaLink.code).toBe(2);
    expect(viaLink.err).toContain('-o に取りまとめ用ブックと同じファイルは指定できません');
    const hard = path.join(dir, 'hard.xlsx');
    fs.linkSync(master, hard);
    const viaHard = await cli('compile', master, river, '-o', hard);
    expect(viaHard.code).toBe(2);
    expect(viaHard.err).toContain('-o に取りまとめ用ブックと同じファイルは指定できません');
  });

  it('a password on the command line is refused; SHINCHOKU_PASSWORD is used instead', async () => {
    const run = await cli('split', master, '-o', path.join(dir, 'pw'), '--password=secret');
    expect(run.code).toBe(2);
    expect(run.err).toContain('パスワードはコマンドラインには書けません');
    const none = await cli('split', master, '-o', path.join(dir, 'pw'), '--password');
    expect(none.code).toBe(2);
    expect(none.err).toContain('環境変数 SHINCHOKU_PASSWORD');
    expect(fs.existsSync(path.join(dir, 'pw'))).toBe(false);
  });

  it('a file name with terminal escapes is printed with them escaped', async () => {
    const evil = path.join(dir, 'a\u001b[2Jb\u009b.xlsx');
    fs.copyFileSync(river, evil);
    const run = await cli('compile', master, evil, '-o', path.join(dir, 'out4.xlsx'));
    expect(run.out.includes('\u001b') || run.out.includes('\u009b')).toBe(false);
    expect(run.out).toContain('a\\x1b[2Jb\\x9b.xlsx');
  });
});

describe('keys and file-system failures (CLI)', () => {
  const dir = tempDir('shinchoku-keys-');

  it('init keeps a secret in the master itself; split signs with it and leaves no key file; MASTER is unchanged', async () => {
    const master = path.join(dir, 'own.xlsx');
    expect((await cli('init', '--year', '2024', '-o', master)).code).toBe(0);
    const meta = (await readGrid(master)).sheets.find((s) => s.name === METADATA_SHEET);
    const secret = meta?.rows.find((r) => r[0]?.value === 'secret')?.[1]?.value;
    expect(String(secret)).toMatch(/^[0-9a-f]{64}$/);
    const before = sha(master);
    const split = await cli('split', master, '-o', path.join(dir, 'own-split'));
    // An empty layout has no rows to hand out; what matters is that MASTER is neither rewritten nor given a key file.
    expect([0, 2]).toContain(split.code);
    expect(fs.existsSync(`${master}.shinchoku-key`)).toBe(false);
    expect(sha(master)).toBe(before);
  });

  it('a key file that is not one is refused in Japanese (exit 2)', async () => {
    const bogus = path.join(dir, 'bogus.key');
    fs.writeFileSync(bogus, 'not a key');
    const master = path.join(dir, 'm.xlsx');
    fs.copyFileSync(SAMPLE_MASTER, master);
    const run = await cli('compile', master, master, '-o', path.join(dir, 'o.xlsx'), '--key', bogus);
    expect(run.code).toBe(2);
    expect(run.err).toContain('bogus.key は shinchoku の鍵ファイルではありません');
  });

  it('a name too long for the file system is reported in Japanese with the path', async () => {
    const master = path.join(dir, 'm2.xlsx');
    fs.copyFileSync(SAMPLE_MASTER, master);
    const long = path.join(dir, `${'長'.repeat(120)}.xlsx`);
    const run = await cli('progress', master, '-o', long);
    expect(run.code).toBe(2);
    expect(run.err).toContain('パスまたはファイル名が長すぎます');
    expect(run.err).toContain('長長長');
  });
});
