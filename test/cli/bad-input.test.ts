import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { fillValue } from '../plan/compile/helpers';
import { cli, editFile, fillFile, rewriteManifest, SAMPLE_MASTER, sha, SPLIT_TIMEOUT, tempDir } from './helpers';

/**
 * Every kind of bad submission the issue lists, each built as a real file: the message is
 * Japanese and names the file (and sheet and cell where there is one), nothing of the file
 * reaches OUT, and MASTER is byte-identical afterwards.
 */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function ole2(stream: string): Uint8Array {
  const out = new Uint8Array(4096);
  out.set(OLE2);
  for (let i = 0; i < stream.length; i++) out[1024 + i * 2] = stream.charCodeAt(i);
  return out;
}

async function withParts(from: string, to: string, parts: Record<string, string | Uint8Array>): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  fs.writeFileSync(to, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return to;
}

interface Compiled {
  code: number;
  json: {
    applied: number;
    rejected: { file: string; reasons: string[] }[];
    submissions: { file: string; department: string | null; status: string }[];
    missingDepartments: string[];
  };
  out: string;
}

describe('compile: bad input', () => {
  const dir = tempDir();
  const master = path.join(dir, 'master.xlsx');
  const fixtures = path.join(dir, 'fixtures');
  let good: string;
  let masterSha: string;
  let n = 0;

  beforeAll(async () => {
    fs.copyFileSync(SAMPLE_MASTER, master);
    masterSha = sha(master);
    fs.mkdirSync(fixtures);
    expect((await cli('split', master, '-o', path.join(dir, '2024'), '--year', '2024')).code).toBe(0);
    good = await fillFile(
      path.join(dir, '2024', '生涯学習課.xlsx'),
      (input, grid) => fillValue(grid, input),
      path.join(fixtures, '生涯学習課.xlsx'),
    );
  }, SPLIT_TIMEOUT);

  afterEach(() => {
    expect(sha(master)).toBe(masterSha);
  });

  async function compileFiles(...files: string[]): Promise<Compiled> {
    const out = path.join(dir, `out-${++n}.xlsx`);
    const run = await cli('compile', master, ...files, '-o', out, '--json', '--year', '2024');
    expect(run.err).toBe('');
    return { code: run.code, json: JSON.parse(run.out), out };
  }

  /** One file rejected, with these texts in its reasons; every reason names the file. */
  async function rejected(file: string, ...texts: string[]): Promise<string> {
    const c = await compileFiles(file);
    const name = path.basename(file);
    expect(c.code).toBe(1);
    expect(c.json.applied).toBe(0);
    const entry = c.json.rejected.find((r) => r.file === name)!;
    expect(entry).toBeDefined();
    const reasons = entry.reasons.join('\n');
    for (const t of texts) expect(reasons).toContain(t);
    for (const r of entry.reasons) expect(r.startsWith(name)).toBe(true);
    return reasons;
  }

  const fixture = (name: string) => path.join(fixtures, name);

  it('takes the good fixture (control case)', async () => {
    const c = await compileFiles(good);
    expect(c.code).toBe(0);
    expect(c.json.applied).toBeGreaterThan(0);
  });

  it('random bytes', async () => {
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7919 + 13) % 251);
    fs.writeFileSync(fixture('乱数.xlsx'), bytes);
    await rejected(fixture('乱数.xlsx'), '乱数.xlsx は .xlsx 形式ではありません');
  });

  it('a CSV renamed to .xlsx', async () => {
    fs.writeFileSync(fixture('実施報告.xlsx'), '事業名,取組状況\n出前講座,実施した\n');
    await rejected(fixture('実施報告.xlsx'), '実施報告.xlsx は .xlsx 形式ではありません', 'テキスト (CSV など)');
  });

  it('a legacy .xls', async () => {
    fs.writeFileSync(fixture('生涯学習課.xls'), ole2('Workbook'));
    await rejected(fixture('生涯学習課.xls'), '生涯学習課.xls は古い Excel 97-2003 形式 (.xls)');
  });

  it('a password-encrypted file', async () => {
    fs.writeFileSync(fixture('暗号化.xlsx'), ole2('EncryptionInfo'));
    await rejected(fixture('暗号化.xlsx'), '暗号化.xlsx はパスワードで保護 (暗号化) されている');
  });

  it('a file over the size limit (5 MB), refused before it is read', async () => {
    const big = fixture('大きい.xlsx');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 5 * 1024 * 1024 + 1);
    await rejected(big, '大きい.xlsx はファイルサイズが大きすぎます (5.0 MB)。扱えるのは 5.0 MB までです');
  });

  it('a file over the cell-count limit (200,000 cells)', async () => {
    const cells = '<c r="A1"/>'.repeat(200_001);
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    await withParts(good, fixture('セル過多.xlsx'), { 'xl/worksheets/sheet99.xml': xml });
    await rejected(fixture('セル過多.xlsx'), 'セル過多.xlsx はセルの数が多すぎます', '扱えるのは 200,000 個まで');
  });

  it(
    'a submission for another fiscal year',
    async () => {
      expect((await cli('split', master, '-o', path.join(dir, '2025'), '--year', '2025')).code).toBe(0);
      const f = await fillFile(path.join(dir, '2025', '生涯学習課.xlsx'), (i, g) => fillValue(g, i), fixture('生涯学習課2025.xlsx'));
      await rejected(f, '生涯学習課2025.xlsx: 2025年度のファイルです。今回の取りまとめは2024年度です');
    },
    SPLIT_TIMEOUT,
  );

  it('a submission for another plan', async () => {
    const f = await rewriteManifest(good, fixture('別計画.xlsx'), (m) => (m.plan = '第三次郡山市協働推進基本計画'));
    await rejected(f, '別計画.xlsx: 別の計画「第三次郡山市協働推進基本計画」のファイルです');
  });

  it('a submission for another template version', async () => {
    const f = await rewriteManifest(good, fixture('旧版.xlsx'), (m) => (m.templateVersion = '0'));
    await rejected(f, '旧版.xlsx: テンプレートの版 (0) が取りまとめ用ブックの版 (1) と違います');
  });

  it('an unknown department', async () => {
    const f = await rewriteManifest(good, fixture('架空課.xlsx'), (m) => (m.department = '架空課'));
    await rejected(f, '架空課.xlsx: 課「架空課」は取りまとめ用ブックに担当の行がありません');
  });

  it('two submissions from one department: both set aside, naming both files', async () => {
    const second = fixture('生涯学習課 (2).xlsx');
    fs.copyFileSync(good, second);
    const c = await compileFiles(good, second);
    expect(c.code).toBe(1);
    expect(c.json.rejected.map((r) => r.file).sort()).toEqual(['生涯学習課 (2).xlsx', '生涯学習課.xlsx']);
    for (const r of c.json.rejected)
      expect(r.reasons.join()).toContain('生涯学習課のファイルが 2 件あります（生涯学習課 (2).xlsx、生涯学習課.xlsx）');
    expect(c.json.submissions.map((s) => s.status)).toEqual(['setAside', 'setAside']);
    expect(c.json.applied).toBe(0);
  });

  it('a sheet renamed', async () => {
    const f = await editFile(good, fixture('改名.xlsx'), (wb) => void (wb.getWorksheet('基本施策1')!.name = '施策1'));
    await rejected(f, '改名.xlsx のシート「施策1」: シート「基本施策1」の名前が「施策1」に変えられています');
  });

  it('a sheet deleted', async () => {
    const f = await editFile(good, fixture('削除.xlsx'), (wb) => wb.removeWorksheet(wb.getWorksheet('基本施策2')!.id));
    await rejected(f, '削除.xlsx のシート「基本施策2」: シート「基本施策2」がありません');
  });

  it('rows inserted', async () => {
    const f = await editFile(good, fixture('行挿入.xlsx'), (wb) => {
      wb.getWorksheet('実施計画')!.spliceRows(4, 0, ['挿入した行']);
    });
    await rejected(f, '行挿入.xlsx のシート「実施計画」セル A4: 4行目に行が挿入されています');
  });

  it('rows deleted', async () => {
    const f = await editFile(good, fixture('行削除.xlsx'), (wb) => {
      wb.getWorksheet('実施計画')!.spliceRows(4, 1);
    });
    await rejected(f, '行削除.xlsx のシート「実施計画」セル A4: 元の4行目が削除されています');
  });

  it('a locked cell changed', async () => {
    const f = await editFile(good, fixture('保護セル.xlsx'), (wb) => void (wb.getWorksheet('基本施策1')!.getCell('K5').value = '999件'));
    await rejected(f, '保護セル.xlsx のシート「基本施策1」: セル K5 は変更できないセルですが、内容が変わっています（現在: 「999件」）');
  });

  it('a formula in an input cell: its cached value is taken, with a warning', async () => {
    const f = await editFile(good, fixture('数式.xlsx'), (wb) => {
      wb.getWorksheet('実施計画')!.getCell('E4').value = { formula: 'CONCAT("講座を","開いた")', result: '講座を開いた' };
    });
    const c = await compileFiles(f);
    expect(c.json.rejected).toEqual([]);
    const run = await cli('compile', master, f, '-o', path.join(dir, 'formula.xlsx'), '--year', '2024');
    expect(run.out).toContain(
      '警告: 数式.xlsx のシート「実施計画」: セル E4 の数式「=CONCAT("講座を","開いた")」は取り込まず、表示されていた値 「講座を開いた」 を取り込みました',
    );
  });

  it('a DDE payload in an input cell', async () => {
    const f = await editFile(good, fixture('DDE.xlsx'), (wb) => {
      wb.getWorksheet('実施計画')!.getCell('E4').value = { formula: "cmd|' /C calc'!A0", result: 0 };
    });
    await rejected(f, "DDE.xlsx のシート「実施計画」: セル E4 の数式「=cmd|' /C calc'!A0」は DDE で外部のプログラムを呼び出すものです");
  });

  it('a string over Excel’s 32,767-character limit', async () => {
    const f = await editFile(
      good,
      fixture('長文.xlsx'),
      (wb) => void (wb.getWorksheet('実施計画')!.getCell('E4').value = 'あ'.repeat(40_000)),
    );
    await rejected(f, '長文.xlsx のシート「実施計画」: セル E4 の文字数 (40,000 文字) が Excel の上限 32,767 文字を超えています');
  });

  it('control characters', async () => {
    // Excel stores a control character as the escape _x0007_ (ExcelJS would drop a raw one).
    const marked = await editFile(
      good,
      fixture('制御文字-下書き.xlsx'),
      (wb) => void (wb.getWorksheet('実施計画')!.getCell('E4').value = 'CONTROL-HERE'),
    );
    const zip = await JSZip.loadAsync(fs.readFileSync(marked));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', strings.replace('CONTROL-HERE', '実施した_x0007_'));
    fs.writeFileSync(fixture('制御文字.xlsx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    await rejected(fixture('制御文字.xlsx'), '制御文字.xlsx のシート「実施計画」: セル E4 に制御文字 (U+0007) が含まれています');
  });

  it('a macro-enabled workbook (.xlsm), and VBA inside an .xlsx', async () => {
    fs.copyFileSync(good, fixture('生涯学習課.xlsm'));
    await rejected(fixture('生涯学習課.xlsm'), '生涯学習課.xlsm はマクロ有効ブック (.xlsm) のため受け付けません');
    const f = await withParts(good, fixture('マクロ.xlsx'), { 'xl/vbaProject.bin': new Uint8Array([1, 2, 3]) });
    await rejected(f, 'マクロ.xlsx にはマクロ (VBA)が含まれているため受け付けません');
  });

  it('external links, DDE links and embedded objects', async () => {
    const link =
      '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>';
    await rejected(
      await withParts(good, fixture('外部リンク.xlsx'), { 'xl/externalLinks/externalLink1.xml': link }),
      '外部リンク.xlsx には外部ファイルへのリンクが含まれているため受け付けません',
    );
    const dde =
      '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ddeLink ddeService="cmd" ddeTopic="/c calc"/></externalLink>';
    await rejected(
      await withParts(good, fixture('DDEリンク.xlsx'), { 'xl/externalLinks/externalLink1.xml': dde }),
      'DDEリンク.xlsx にはDDE リンクが含まれているため受け付けません',
    );
    await rejected(
      await withParts(good, fixture('埋め込み.xlsx'), { 'xl/embeddings/oleObject1.bin': new Uint8Array(64) }),
      '埋め込み.xlsx には埋め込みオブジェクトが含まれているため受け付けません',
    );
  });

  it('keeps other departments’ files when one is bad, and marks the bad one 差戻し', async () => {
    const other = await fillFile(path.join(dir, '2024', '河川課.xlsx'), (i, g) => fillValue(g, i), fixture('河川課.xlsx'));
    const bad = await editFile(
      good,
      fixture('生涯学習課-改ざん.xlsx'),
      (wb) => void (wb.getWorksheet('基本施策1')!.getCell('A5').value = 'x'),
    );
    const c = await compileFiles(other, bad);
    expect(c.json.rejected.map((r) => r.file)).toEqual(['生涯学習課-改ざん.xlsx']);
    expect(c.json.applied).toBeGreaterThan(0);
    expect(c.json.missingDepartments).toContain('生涯学習課');
    expect(c.json.missingDepartments).not.toContain('河川課');
  });

  it('a bad MASTER: a message naming it, exit code 2, and no OUT', async () => {
    const junk = fixture('master-junk.xlsx');
    fs.writeFileSync(junk, 'not a workbook');
    const out = path.join(dir, 'never.xlsx');
    const run = await cli('compile', junk, good, '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain('master-junk.xlsx は .xlsx 形式ではありません');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses to write OUT over MASTER', async () => {
    const run = await cli('compile', master, good, '-o', master);
    expect(run.code).toBe(2);
    expect(run.err).toContain('取りまとめ用ブックと同じファイルは指定できません');
  });

  it('a failure while writing OUT leaves no half-written file', async () => {
    const target = path.join(dir, 'occupied.xlsx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep'), 'x');
    const run = await cli('compile', master, good, '-o', target, '--force');
    expect(run.code).toBe(2);
    expect(run.err).toContain('occupied.xlsx に保存できませんでした');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });
});
