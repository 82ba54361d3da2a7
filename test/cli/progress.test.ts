import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { REPORT_TEXT, SAMPLE_MASTER as SAMPLE, cli as shinchoku, tempDir } from './helpers';

const PUBLISHED_POLICY_ARROWS = ['↑', '↑', '↑', '↓', '↓', '↑', '↑'];

/** The parts of `progress --json` these tests read. */
interface ProgressJson {
  year: number;
  policies: {
    progress: string;
    indicatorCount: number;
    improvedCount: number;
    achievedCount: number;
    indicators: { name: string; progress: string; sheet: string; cell: string }[];
  }[];
  overall: { sentence: string };
  survey: { improvedCount: number; sentence: string };
}

async function cellText(file: string, sheet: string, address: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(sheet)?.getCell(address).text ?? '';
}

describe.each([
  ['the sample master workbook', SAMPLE],
  ['the report pasted as text onto one sheet', REPORT_TEXT],
])('shinchoku progress on %s', (_label, input) => {
  let dir: string;
  let json: ProgressJson;
  let out: string;
  beforeAll(async () => {
    dir = tempDir();
    out = path.join(dir, 'out.xlsx');
    const run = await shinchoku('progress', input, '-o', out, '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    json = JSON.parse(run.out);
  });

  test('reports FY2023 with the published 施策 arrows and counts', () => {
    expect(json.year).toBe(2023);
    expect(json.policies.map((p) => p.progress)).toEqual(PUBLISHED_POLICY_ARROWS);
    expect(json.policies.map((p) => [p.indicatorCount, p.improvedCount, p.achievedCount])).toEqual([
      [4, 4, 0],
      [4, 3, 1],
      [4, 3, 3],
      [7, 2, 1],
      [6, 1, 1],
      [5, 4, 3],
      [6, 4, 1],
    ]);
    expect(json.overall).toMatchObject({ policiesUp: 5, policiesTotal: 7 });
    expect(json.overall.sentence).toBe('◇ 2023年度の基本施策の実績値は、7つの基本施策のうち5施策が目標値に近づいている又は超えています。');
    expect(json.survey.improvedCount).toBe(1);
    expect(json.survey.sentence).toBe('◇ 全体指標3項目のうち1項目は前年度実績値を上回っています。');
  });

  test('every indicator has the JSON fields, names without 【追加】', () => {
    for (const p of json.policies) {
      for (const i of p.indicators) {
        expect(Object.keys(i)).toEqual(
          expect.arrayContaining(['name', 'progress', 'improved', 'achieved', 'direction', 'flags', 'sheet', 'cell']),
        );
        expect(i.name).not.toMatch(/追加/);
        expect(i.progress).toMatch(/^[↑→↓]$/);
      }
    }
  });

  test('writes the 施策4 arrows, which the published report left empty, into OUT', async () => {
    const p4 = json.policies[3];
    expect(p4.indicators.map((i) => i.progress)).toEqual(['↓', '↓', '↑', '↓', '↑', '↓', '↓']);
    // The pasted 施策4 table has no FY2025 column, so its 進捗状況 column sits one to the left.
    const progressColumn = input === SAMPLE ? 'J' : 'I';
    for (const i of p4.indicators) {
      expect(await cellText(out, i.sheet, `${progressColumn}${i.cell.slice(1)}`)).toBe(i.progress);
    }
  });

  test('never writes over the input file', () => {
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.existsSync(`${input}.bak`)).toBe(false);
  });
});

test('the sample master carries the sentences written by progress in its ◇ cells', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'out.xlsx');
  expect((await shinchoku('progress', SAMPLE, '-o', out)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const texts: string[] = [];
  wb.getWorksheet('基本施策3')!.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
  expect(texts).toContain('◇ 基本指標4項目のうち、3項目が前年度実績値を上回り、3項目が目標値に達しています。');
  expect(texts).toContain(
    '◇ ICT活用のための市民・市民活動団体等対象の講習会の受講者数は、前年度実績値を下回っているが、目標値に達しています。',
  );
  expect(await cellText(out, '概要', 'C10')).toBe('↓');
});

test('refuses to write over FILE without --in-place, and --in-place keeps a .bak', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'master.xlsx');
  fs.copyFileSync(SAMPLE, file);
  const before = fs.readFileSync(file);
  const refused = await shinchoku('progress', file, '-o', file);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/--in-place/);
  expect(fs.readFileSync(file).equals(before)).toBe(true);

  const inPlace = await shinchoku('progress', file, '--in-place');
  expect(inPlace.code).toBe(0);
  expect(fs.readFileSync(`${file}.bak`).equals(before)).toBe(true);
  expect(fs.readFileSync(file).equals(before)).toBe(false);
});

test('progress --year 2022 judges FY2022 against FY2021', async () => {
  const dir = tempDir();
  const run = await shinchoku('progress', SAMPLE, '-o', path.join(dir, 'o.xlsx'), '--json', '--year', '2022');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.out);
  expect(json.year).toBe(2022);
  const kirameki = json.policies[0].indicators[0];
  // 296件 (FY2021) → 260件 (FY2022), target 300件: moving away.
  expect([kirameki.previous, kirameki.current, kirameki.progress]).toEqual([296, 260, '↓']);
});
