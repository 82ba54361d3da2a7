import { analyze } from '../../../src/plan/engine';
import { a1, type WorkbookGrid } from '../../../src/plan/grid';
import { compile } from '../../../src/plan/compile';
import { departmentSheets } from '../../../src/plan/split/department-sheets';
import { departmentSheetSubmissions } from '../../../src/plan/split/department-sheet-submissions';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { validationAreas } from '../../../src/workbook/office/sheetSpecs';
import { sampleMaster } from '../../plan/compile/helpers';
import { FakeExcel, type FakeCell } from './fakeExcel';

/** The FY2023 sample master as Excel would hold it (values only). */
function excelOf(grid: WorkbookGrid): FakeExcel {
  const fake = new FakeExcel();
  for (const sheet of grid.sheets) {
    const cells: Record<string, FakeCell> = {};
    sheet.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c && c.value !== null && c.value !== '') cells[a1(r, col)] = { value: c.value };
      }),
    );
    fake.addSheet(sheet.name, { cells, visibility: sheet.hidden ? 'VeryHidden' : 'Visible' });
  }
  return fake;
}

describe('課別シート through the Office gateway', () => {
  it('writes sheets Excel keeps protected and hidden as asked, which the engine reads back', async () => {
    const master = await sampleMaster();
    const fake = excelOf(master);
    const gateway = new OfficeWorkbook(fake.run, 'master-2023.xlsx', { supports: () => true, runOn: fake.runOn });
    const made = departmentSheets(await gateway.read(), { year: 2024, departments: ['生涯学習課', '河川課'] });
    await gateway.apply(made.edits);

    expect(fake.sheet('課_生涯学習課').protected).toBe(true);
    expect(fake.sheet('_課_生涯学習課').visibility).toBe('VeryHidden');
    const back = await gateway.read();
    const alone = analyze({ source: 'x', sheets: [back.sheets.find((s) => s.name === '課_生涯学習課')!] }, { year: 2024 });
    expect(alone.counts).toMatchObject({ indicators: 3, projects: 7 });
    // The master reads as before, and the 課別シート's empty inputs are reported on it.
    const before = analyze(master, { year: 2024 });
    const after = analyze(back, { year: 2024 });
    expect(after.counts).toEqual(before.counts);
    expect(after.findings.filter((f) => f.sheet === '課_河川課' && f.rule === 'actual-missing').length).toBeGreaterThan(0);
    // Input cells are unlocked and coloured.
    const input = made.edits.cells.find((c) => c.sheet === '課_河川課')!;
    const cell = fake.cell('課_河川課', a1(input.row, input.col))!;
    expect(cell.locked).toBe(false);
    expect(cell.fill).toBe('#DDEBF7');
    // Validations listed cell by cell are set on blocks Excel accepts.
    expect(fake.sheet('課_生涯学習課').validations.length).toBeGreaterThan(0);
  });

  it('reads back untouched: Excel keeps texts like 56.6% as text, so no locked cell looks changed', async () => {
    const master = await sampleMaster();
    const fake = excelOf(master);
    const gateway = new OfficeWorkbook(fake.run, 'master-2023.xlsx', { supports: () => true, runOn: fake.runOn });
    await gateway.apply(departmentSheets(await gateway.read(), { year: 2024, departments: ['生涯学習課', '市民・NPO活動推進課'] }).edits);
    const back = await gateway.read();
    const subs = departmentSheetSubmissions(back);
    expect(subs.map((s) => [s.department, s.problems, s.entered])).toEqual([
      ['生涯学習課', undefined, 0],
      ['市民・NPO活動推進課', undefined, 0],
    ]);
    const result = compile(
      back,
      subs.map((s) => ({ file: s.file, sha256: 'x', grid: s.grid })),
      { now: '2025-01-01 00:00:00', masterFile: 'master-2023.xlsx' },
    );
    // Nothing entered yet: 未記入 (the 課 stays 未提出), never sent back as changed or tampered.
    expect(result.rejected).toEqual([]);
    expect(result.unfilled.map((u) => u.file).sort()).toEqual(subs.map((x) => x.file).sort());
    expect(result.unfilled.every((u) => u.reason.text.includes('未記入'))).toBe(true);
  });

  it('splits a validation over many cells into ranges getRange accepts', () => {
    expect(validationAreas('H8 H9 H10 L8').sort()).toEqual(['H8:H10', 'L8:L8']);
    expect(validationAreas('G5:G40')).toEqual(['G5:G40']);
  });
});
