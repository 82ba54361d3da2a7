import { analyze } from '../../../src/plan/engine';
import { countBySeverity } from '../../../src/plan/findings';
import { a1 } from '../../../src/plan/grid';
import { METADATA_SHEET } from '../../../src/plan/recognize/metadata';
import { splitMaster, SplitError } from '../../../src/plan/split';
import { DEPARTMENT_CONTRIBUTION_SHEET } from '../../../src/plan/contribution/sheets';
import { GUIDE_SHEET } from '../../../src/plan/split/guide';
import { ACHIEVEMENT_LEVELS } from '../../../src/plan/validate';
import { departmentGrid, filled, manifestOf, sampleMaster } from '../compile/helpers';

describe('splitMaster on the FY2023 sample, for FY2024', () => {
  let result: ReturnType<typeof splitMaster>;
  beforeAll(async () => {
    result = splitMaster(await sampleMaster(), { year: 2024, masterFile: 'master-2023.xlsx' });
  });

  const dept = (name: string) => {
    const d = result.departments.find((x) => x.department === name);
    if (!d) throw new Error(`no workbook for ${name}`);
    return d;
  };

  it('writes one workbook per 課, matched by 課 name', () => {
    const names = result.departments.map((d) => d.department);
    expect(names).toContain('生涯学習課');
    expect(names).toContain('DX戦略課'); // 政策統計課 (2022年11月1日から) DX戦略課
    expect(names).toContain('子育て給付課'); // こども子育て給付課 in 実施計画
    expect(names).not.toContain('教育総務部生涯学習課');
    expect(names).not.toContain('各課');
    expect(new Set(names).size).toBe(names.length);
    expect(dept('生涯学習課').fileName).toBe('生涯学習課.xlsx');
  });

  it('gives 生涯学習課 its indicators (基本指標) and its projects (教育総務部生涯学習課)', () => {
    const d = dept('生涯学習課');
    expect(d.counts).toMatchObject({ indicatorRows: 3, projects: 7 });
    const m = manifestOf(departmentGrid(d));
    expect(m.department).toBe('生涯学習課');
    expect(m.fiscalYear).toBe(2024);
    expect(m.rows.map((r) => r.key)).toContain('ind:1:きらめき出前講座実施件数#0');
  });

  it('unlocks exactly the year’s input cells, and protects every content sheet', () => {
    const d = dept('生涯学習課');
    for (const spec of d.sheets.filter((s) => s.name !== METADATA_SHEET)) {
      expect(spec.protection).toBeDefined();
    }
    const m = manifestOf(departmentGrid(d));
    const fields = new Set(m.inputs.map((i) => i.field));
    expect([...fields].sort()).toEqual(['achievement', 'actual', 'reason', 'status']);
    const sheet = d.sheets.find((s) => s.name === '基本施策1')!;
    const unlocked = sheet.protection!.unlocked.map(({ row, col }) => a1(row, col));
    const actualCells = m.inputs.filter((i) => i.sheet === '基本施策1' && i.field === 'actual').map((i) => a1(i.row, i.col));
    // 2024 is column H of the canonical layout.
    expect(actualCells.every((c) => c.startsWith('H'))).toBe(true);
    expect(unlocked.sort()).toEqual(
      m.inputs
        .filter((i) => i.sheet === '基本施策1')
        .map((i) => a1(i.row, i.col))
        .sort(),
    );
  });

  it('adds validations: 達成度 as a list of the four levels, figures as numbers (0–100 for %)', () => {
    const d = dept('学校教育推進課'); // 地域の行事に参加している…割合 (%, two series)
    const all = d.sheets.flatMap((s) => s.validations ?? []);
    expect(all.find((v) => v.kind === 'list')!.list).toEqual([...ACHIEVEMENT_LEVELS]);
    const percent = all.find((v) => v.kind === 'decimal' && v.max === 100)!;
    expect(percent).toMatchObject({ min: 0, max: 100 });
    expect(percent.range.split(' ')).toHaveLength(2);
    const counts = dept('生涯学習課')
      .sheets.flatMap((s) => s.validations ?? [])
      .filter((v) => v.kind === 'decimal');
    expect(counts.every((v) => v.min === 0 && v.max === undefined)).toBe(true);
  });

  it('starts a new year’s 取組状況 and 達成度 empty, under headers for that year', () => {
    const d = dept('生涯学習課');
    const sheet = d.sheets.find((s) => s.name === '実施計画')!;
    expect(sheet.rows.some((r) => r.includes('取組状況（2024）'))).toBe(true);
    const m = manifestOf(departmentGrid(d));
    expect(m.inputs.filter((i) => i.field === 'status' || i.field === 'achievement').every((i) => i.base === '')).toBe(true);
  });

  it('keeps the department workbook recognisable by analyze (提出前チェック)', () => {
    const grid = departmentGrid(dept('生涯学習課'));
    const a = analyze(grid, { year: 2024 });
    expect(a.counts).toMatchObject({ indicators: 3, projects: 7 });
    expect(a.year).toBe(2024);
    // Empty, it reports the missing figures; filled, it is clean.
    expect(a.findings.filter((f) => f.rule === 'actual-missing')).toHaveLength(3);
    const ok = analyze(filled(grid), { year: 2024 });
    expect(countBySeverity(ok.findings).errors).toBe(0);
    // Without a year, a department workbook is checked for the year it was handed out for.
    expect(analyze(grid).year).toBe(2024);
  });

  it('starts with a 記入方法 sheet in Japanese', () => {
    const d = dept('生涯学習課');
    expect(d.sheets[0].name).toBe(GUIDE_SHEET);
    const text = d.sheets[0].rows.map((r) => r[0]).join('\n');
    expect(text).toContain('2024年度の実績値');
    expect(text).toContain('達成度はセルの一覧から選びます');
    expect(text).toContain('shinchoku check 生涯学習課.xlsx で');
    expect(text).toContain('5 MB');
  });

  it('gives each contributor of a shared indicator a contribution row; the coordinator owns the total', () => {
    // ICT講習会 受講者数 494人 = 39 (市民・NPO活動推進課) + 267 (健康長寿課) + 188 (中央公民館)
    for (const [name, project] of [
      ['市民・NPO活動推進課', '町内会DX推進実証事業'],
      ['健康長寿課', 'スマートシニア応援事業'],
      ['中央公民館', '中央公民館定期講座'],
    ]) {
      const sheet = dept(name).sheets.find((s) => s.name === DEPARTMENT_CONTRIBUTION_SHEET);
      expect(sheet).toBeDefined();
      const row = sheet!.rows.find((r) => String(r[0]).startsWith('ICT活用'))!;
      expect(row[2]).toBe(project);
      expect(row[3]).toBe(''); // FY2024 figure not known yet
    }
    const coord = manifestOf(departmentGrid(dept('市民・NPO活動推進課')));
    expect(coord.inputs.some((i) => i.key.startsWith('ind:3:ICT活用') && i.field === 'actual')).toBe(true);
    expect(dept('都市政策課').sheets.some((s) => s.name === DEPARTMENT_CONTRIBUTION_SHEET)).toBe(true);
  });

  it('hands the 全体指標 and the bare 各課 project to the coordinator', () => {
    const m = manifestOf(departmentGrid(dept('市民・NPO活動推進課')));
    expect(m.rows.some((r) => r.key.startsWith('ind:0:'))).toBe(true);
    expect(m.rows.some((r) => r.key === 'prj:43:ワークショップ等による市民参加型会議等の開催')).toBe(true);
  });

  it('records base values and a fingerprint for every locked cell', () => {
    const d = dept('河川課');
    const m = manifestOf(departmentGrid(d));
    const reason = m.inputs.find((i) => i.field === 'reason')!;
    expect(String(reason.base)).toContain('河川愛護団体');
    const rows = d.sheets.filter((s) => s.name !== METADATA_SHEET).reduce((n, s) => n + s.rows.length, 0);
    expect(m.locks).toHaveLength(rows);
  });

  it('splits the FY2023 report for FY2023 with the published values as base', async () => {
    const r = splitMaster(await sampleMaster(), {});
    expect(r.year).toBe(2023);
    const m = manifestOf(departmentGrid(r.departments.find((d) => d.department === '中央公民館')!));
    const contrib = m.inputs.find((i) => i.field === 'contribValue')!;
    expect(contrib.base).toBe(188);
    expect(m.inputs.find((i) => i.field === 'achievement')!.base).toMatch(/^[1-4] /);
  });

  it('refuses a year the tables have no column for, in Japanese, naming the file', async () => {
    const master = await sampleMaster();
    expect(() => splitMaster(master, { year: 2030 })).toThrow(SplitError);
    expect(() => splitMaster(master, { year: 2030 })).toThrow(/master-2023\.xlsx の基本指標の表には 2030年度の実績値の列がありません/);
  });
});
