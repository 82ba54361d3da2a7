import { compile } from '../../../src/plan/compile';
import { analyze } from '../../../src/plan/engine';
import { a1, type WorkbookGrid } from '../../../src/plan/grid';
import { parseRowKey } from '../../../src/plan/keys';
import { recognize } from '../../../src/plan/recognize';
import { departmentSheetName } from '../../../src/plan/recognize/department-sheet';
import { splitMaster } from '../../../src/plan/split';
import { gridText } from '../../../src/plan/grid';
import { departmentSheetSubmissions } from '../../../src/plan/split/department-sheet-submissions';
import { departmentSheets } from '../../../src/plan/split/department-sheets';
import { manifestOf, applyEdits, sampleMaster, setValue } from '../compile/helpers';

describe('課別シート (per-department sheets inside the master)', () => {
  let master: WorkbookGrid;
  let withSheets: WorkbookGrid;
  let made: ReturnType<typeof departmentSheets>;
  beforeAll(async () => {
    master = await sampleMaster();
    made = departmentSheets(master, { year: 2024, masterFile: 'master-2023.xlsx', splitAt: '2025-04-01 09:00:00' });
    withSheets = applyEdits(master, made.edits);
  });
  const sheetOf = (grid: WorkbookGrid, department: string) => grid.sheets.find((s) => s.name === departmentSheetName(department))!;

  it('makes one `課_<課名>` sheet and one very hidden manifest per department', () => {
    const split = splitMaster(master, { year: 2024 });
    expect(made.year).toBe(2024);
    expect(made.made.map((d) => d.department).sort()).toEqual(
      split.departments
        .filter((d) => d.counts.indicatorRows + d.counts.projects > 0)
        .map((d) => d.department)
        .sort(),
    );
    const names = made.edits.sheets!.map((s) => s.name);
    expect(names).toContain('課_生涯学習課');
    expect(names).toContain('_課_生涯学習課');
    expect(made.edits.sheets!.find((s) => s.name === '_課_生涯学習課')!.state).toBe('veryHidden');
    // Input cells are unlocked (the sheet is protected) and coloured.
    const spec = made.edits.sheets!.find((s) => s.name === '課_生涯学習課')!;
    expect(spec.protection!.unlocked.length).toBe(made.made.find((d) => d.department === '生涯学習課')!.counts.inputs);
    expect(made.edits.cells.filter((c) => c.sheet === '課_生涯学習課').every((c) => c.mark === 'input')).toBe(true);
  });

  it('is recognised on its own as the department’s part of the report: 基本施策 tables and 実施計画', () => {
    const grid = { source: 'x', sheets: [sheetOf(withSheets, '生涯学習課')] };
    const { plan, findings } = recognize(grid);
    expect(findings.filter((f) => f.rule === 'policy-heading-missing' || f.rule === 'duplicate-table')).toEqual([]);
    expect(plan.policies.flatMap((p) => p.table?.indicators ?? []).map((i) => i.name)).toContain('きらめき出前講座実施件数');
    const a = analyze(grid, { year: 2024 });
    expect(a.counts).toMatchObject({ indicators: 3, projects: 7 });
    // Every indicator of a policy sits under its own 基本施策 heading.
    for (const p of plan.policies) expect(p.table!.indicators.every((i) => i.key.startsWith(`${p.number}:`))).toBe(true);
  });

  it('leaves the master’s own reading exactly as it was (nothing counted twice)', () => {
    const before = analyze(master, { year: 2023 });
    const after = analyze(withSheets, { year: 2023 });
    expect(after.counts).toEqual(before.counts);
    expect(after.findings.filter((f) => f.rule === 'duplicate-table')).toEqual([]);
    expect(after.progress!.policies.map((p) => p.progress)).toEqual(before.progress!.policies.map((p) => p.progress));
  });

  it('checks the 課別シート’s input cells with the master (for the year they were made for)', () => {
    const sheet = sheetOf(withSheets, '生涯学習課').name;
    const empty = analyze(withSheets).findings.filter((f) => f.sheet === sheet);
    // Nothing entered yet: each of the 3 indicators misses its FY2024 figure.
    expect(empty.filter((f) => f.rule === 'actual-missing')).toHaveLength(3);
    const m = manifestOf(departmentSheetSubmissions(withSheets).find((s) => s.file === sheet)!.grid!);
    const actual = m.inputs.find((i) => i.field === 'actual')!;
    const bad = setValue(withSheets, sheet, actual.row, actual.col, '三十');
    const findings = analyze(bad).findings.filter((f) => f.sheet === sheet && f.cell === a1(actual.row, actual.col));
    expect(findings.map((f) => f.severity)).toContain('error');
  });

  it('keeps a 課別シート that exists unless asked to build it again', () => {
    const again = departmentSheets(withSheets, { year: 2024, departments: ['生涯学習課', '河川課'] });
    expect(again.made).toEqual([]);
    expect(again.kept).toEqual(['生涯学習課', '河川課']);
    const replaced = departmentSheets(withSheets, { year: 2024, departments: ['河川課'], replace: true });
    expect(replaced.made.map((d) => d.sheet)).toEqual(['課_河川課']);
  });

  it('feeds compile: what a department entered on its sheet goes into the master', () => {
    const sheet = '課_河川課';
    const sub = departmentSheetSubmissions(withSheets).find((s) => s.file === sheet)!;
    const m = manifestOf(sub.grid!);
    const actual = m.inputs.find((i) => i.field === 'actual')!;
    const entered = setValue(withSheets, sheet, actual.row, actual.col, 12);
    expect(sub.entered).toBe(0);
    const subs = departmentSheetSubmissions(entered).filter((s) => s.file === sheet);
    expect(subs[0].entered).toBe(1);
    const result = compile(
      entered,
      subs.map((s) => ({ file: s.file, sha256: 'h', grid: s.grid, problems: s.problems })),
      { now: '2025-05-01 10:00:00', masterFile: 'master.xlsx' },
    );
    expect(result.rejected).toEqual([]);
    expect(result.submissions[0]).toMatchObject({ department: '河川課', status: 'accepted' });
    expect(result.submissions[0].applied).toBe(1);
    const target = result.edits.cells.find((c) => c.sheet.startsWith('基本施策') && c.value !== undefined)!;
    expect(String(target.value)).toMatch(/^12/);
    expect(parseRowKey(m.rows.find((r) => r.row === actual.row)!.key)?.kind).toBe('indicator');
    expect(gridText(sub.grid!)).not.toBe(gridText(subs[0].grid!));
  });

  it('rejects a 課別シート whose locked cells were changed', () => {
    const sheet = '課_河川課';
    const tampered = setValue(withSheets, sheet, 0, 0, '書き換え');
    const sub = departmentSheetSubmissions(tampered).find((s) => s.file === sheet)!;
    const result = compile(tampered, [{ file: sub.file, sha256: 'h', grid: sub.grid }], {
      now: '2025-05-01 10:00:00',
      masterFile: 'master.xlsx',
    });
    expect(result.rejected).toHaveLength(1);
  });
});

describe('inputCells', () => {
  it('lists the input cells of 課別シート in a master, and of a department workbook', async () => {
    const { inputCells } = await import('../../../src/plan/engine');
    const { splitMaster: split } = await import('../../../src/plan/split');
    const { departmentGrid } = await import('../compile/helpers');
    const master = await sampleMaster();
    const made = departmentSheets(master, { year: 2024, departments: ['河川課'] });
    const cells = inputCells(applyEdits(master, made.edits));
    expect(cells.size).toBe(made.made[0].counts.inputs);
    expect([...cells].every((c) => c.startsWith('課_河川課!'))).toBe(true);
    const d = split(master, { year: 2024 }).departments.find((x) => x.department === '河川課')!;
    expect(inputCells(departmentGrid(d)).size).toBe(made.made[0].counts.inputs);
    expect(inputCells(master).size).toBe(0);
  });
});
