import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FileWorkbook } from '../../src/workbook/file';
import { analyze } from '../../src/plan/engine';
import { DEFAULT_PLAN } from '../../src/plan/definition';
import { SAMPLE_MASTER as SAMPLE, cli as shinchoku, tempDir } from './helpers';

async function analyzeFile(file: string) {
  const wb = await FileWorkbook.fromBuffer(fs.readFileSync(file), path.basename(file));
  return analyze(await wb.read());
}

describe('shinchoku init', () => {
  test('--sample 2023 writes every table of the FY2023 report, all 99 実施計画 rows included', async () => {
    const out = path.join(tempDir(), 'master.xlsx');
    const run = await shinchoku('init', '--sample', '2023', '-o', out);
    expect(run.code).toBe(0);
    const a = await analyzeFile(out);
    expect(a.counts).toEqual({ policies: 7, indicators: 36, projects: 99, surveyIndicators: 3 });
    expect(a.missing).toEqual([]);
    expect(a.year).toBe(2023);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概要',
      '基本施策1',
      '基本施策2',
      '基本施策3',
      '基本施策4',
      '基本施策5',
      '基本施策6',
      '基本施策7',
      '全体指標',
      '実施計画',
      '_shinchoku',
    ]);
    expect(wb.getWorksheet('_shinchoku')!.state).toBe('veryHidden');
    // Extraction artefacts are cleaned, not copied.
    const plans: string[] = [];
    wb.getWorksheet('実施計画')!.eachRow((r) => plans.push(r.getCell(4).text));
    expect(plans.some((p) => /<\/?(p|ul|li)\b/.test(p))).toBe(false);
    expect(plans.filter((p) => /^事業計画/.test(p))).toHaveLength(1);
  });

  test("without --sample writes the shipped plan's indicators, no figures, in a layout the engine recognises", async () => {
    const out = path.join(tempDir(), 'blank.xlsx');
    expect((await shinchoku('init', '--year', '2024', '-o', out)).code).toBe(0);
    const a = await analyzeFile(out);
    expect(a.counts.policies).toBe(7);
    expect(a.plan.policies.map((p) => p.table?.indicators.map((i) => i.name))).toEqual(
      DEFAULT_PLAN.policies.map((p) => p.indicators?.map((i) => i.name)),
    );
    const figures = a.plan.policies
      .flatMap((p) => p.table?.indicators ?? [])
      .flatMap((i) => i.series.flatMap((s) => [...s.values.values(), ...(s.target ? [s.target] : [])]));
    expect(figures.filter((v) => v.parsed.value !== undefined)).toEqual([]);
    expect(a.missing).toEqual([]);
    expect(a.plan.reportYear).toBe(2024);
  });

  test('does not overwrite an existing file without --force', async () => {
    const out = path.join(tempDir(), 'exists.xlsx');
    fs.writeFileSync(out, 'keep me');
    const run = await shinchoku('init', '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/既にあります/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
  });
});

describe('shinchoku check', () => {
  test('exit 1 and a JSON document when errors are found', async () => {
    const run = await shinchoku('check', SAMPLE, '--json');
    const json = JSON.parse(run.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['errors', 'warnings', 'issues']));
    // The published report lists SDGs target 11.8, which does not exist (goal 11 has 11.1–11.7, 11.a–11.c).
    expect(json.issues).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'sdgs-target', sheet: '実施計画' }));
    expect(json.errors).toBe(json.issues.filter((i: { severity: string }) => i.severity === 'error').length);
    expect(run.code).toBe(1);
  });

  test('exit 0 when the only problems are warnings, with a plain "提出できます"', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fixed.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet('実施計画')!.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === '11.5 11.8 13.1') c.value = '11.5 11.b 13.1';
      }),
    );
    await wb.xlsx.writeFile(file);
    const run = await shinchoku('check', file);
    expect(run.out).toMatch(/エラー 0 件/);
    expect(run.out).toMatch(/提出できます/);
    expect(run.code).toBe(0);
  });

  test('exit 2 with a message naming the file when it is not a workbook', async () => {
    const file = path.join(tempDir(), 'random.xlsx');
    fs.writeFileSync(file, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const run = await shinchoku('check', file);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/random\.xlsx/);
  });

  test('exit 2 when no table of the plan is recognised', async () => {
    const file = path.join(tempDir(), 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('家計簿').addRow(['日付', '金額']);
    await wb.xlsx.writeFile(file);
    const run = await shinchoku('check', file);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/other\.xlsx に協働推進計画の表が見つかりません/);
  });

  test('a missing FY2024 actual is an error naming its cell when checking 2024', async () => {
    const run = await shinchoku('check', SAMPLE, '--json', '--year', '2024');
    const json = JSON.parse(run.out);
    const missing = json.issues.filter((i: { rule: string }) => i.rule === 'actual-missing');
    expect(missing).toContainEqual(expect.objectContaining({ sheet: '基本施策1', cell: 'H15' }));
    expect(missing[0].message).toMatch(/2024年度の実績値が入力されていません/);
    expect(run.code).toBe(1);
  });
});
