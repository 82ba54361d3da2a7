/**
 * Never silent: `check` and `progress` say what they read, and refuse to pass or to write when
 * part of the workbook was not read. Workbooks are the FY2023 figures laid out in code and saved
 * with ExcelJS, as an office's own file would be.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../src/plan/grid';
import { layOut, type Layout } from '../plan/recognize/layouts';
import { cli, tempDir } from './helpers';

const LAYOUT: Layout = {
  header: 'two-row',
  yearForm: (y) => (y < 2019 ? `平成${y - 1988}年度` : `令和${y - 2018}年度`),
  sheetName: (n) => `基本施策${n}`,
  heading: null,
};

async function save(grid: WorkbookGrid, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, col + 1);
        cell.value = c.formula ? { formula: c.formula, result: c.value ?? undefined } : c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
      }),
    );
    for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function cellOf(file: string, sheet: string, address: string): Promise<ExcelJS.Cell | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(sheet)?.getCell(address);
}

let dir: string;
beforeAll(() => {
  dir = tempDir('shinchoku-coverage-');
});

describe('a complete workbook in an office layout', () => {
  it('check says 基本施策 7/7、基本指標 36/36 and passes; --json carries the coverage', async () => {
    const file = await save(layOut(LAYOUT), path.join(dir, 'complete.xlsx'));
    const text = await cli('check', file);
    expect(text.code).toBe(0);
    expect(text.out).toContain('基本施策 7/7、基本指標 36/36 を読み取りました');
    const run = await cli('check', file, '--json');
    const json = JSON.parse(run.out) as { coverage: unknown };
    expect(json.coverage).toEqual({
      policies: { read: 7, expected: 7 },
      indicators: { read: 36, skipped: [] },
      columns: { skipped: [] },
      complete: true,
      problems: [],
    });
  });

  it('progress writes the published arrows and says what it read', async () => {
    const file = await save(layOut(LAYOUT), path.join(dir, 'complete-in.xlsx'));
    const out = path.join(dir, 'complete-out.xlsx');
    const run = await cli('progress', file, '-o', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain('基本施策 7/7、基本指標 36/36 を読み取りました');
    expect(run.out).toContain('基本施策4 ↓');
  });
});

describe('hidden rows in a saved file', () => {
  it('a hidden row without values is named and not counted: still 36/36', async () => {
    const file = await save(layOut({ ...LAYOUT, hiddenEmptyRow: true }), path.join(dir, 'hidden.xlsx'));
    const run = await cli('check', file);
    expect(run.out).toContain('基本施策 7/7、基本指標 36/36 を読み取りました');
    expect(run.out).toContain('非表示の行');
  });
});

describe('a workbook read only in part', () => {
  function partial(): WorkbookGrid {
    const grid = layOut(LAYOUT);
    // Figures with no indicator name under the header of 施策2: whose are they?
    const sheet = grid.sheets.find((s) => s.name === '基本施策2')!;
    sheet.rows.splice(2, 0, [null, null, null, null, null, { value: '12件' }, { value: '15件' }]);
    return grid;
  }

  it('check exits 1 and names the cell', async () => {
    const file = await save(partial(), path.join(dir, 'partial.xlsx'));
    const run = await cli('check', file, '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out) as { coverage: { complete: boolean; indicators: { skipped: { sheet: string; cell: string }[] } } };
    expect(json.coverage.complete).toBe(false);
    expect(json.coverage.indicators.skipped).toEqual([expect.objectContaining({ sheet: '基本施策2', cell: 'A3' })]);
  });

  it('progress exits 1 and writes nothing; with --partial it writes what it read and still exits 1', async () => {
    const file = await save(partial(), path.join(dir, 'partial-in.xlsx'));
    const out = path.join(dir, 'partial-out.xlsx');
    const refused = await cli('progress', file, '-o', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('基本施策2!A3');
    expect(refused.err).toContain('--partial');
    expect(fs.existsSync(out)).toBe(false);
    const json = await cli('progress', file, '-o', out, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out) as { output: null; coverage: { complete: boolean } }).toMatchObject({
      output: null,
      coverage: { complete: false },
    });
    const forced = await cli('progress', file, '-o', out, '--partial');
    expect(forced.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
  });

  it('a master missing 施策 tables: check exits 1 naming them, progress never writes 「5つの基本施策」', async () => {
    const grid = layOut(LAYOUT);
    grid.sheets = grid.sheets.filter((s) => s.name !== '基本施策3' && s.name !== '基本施策7');
    const file = await save(grid, path.join(dir, 'five.xlsx'));
    const check = await cli('check', file);
    expect(check.code).toBe(1);
    expect(check.out).toContain('基本施策 5/7');
    expect(check.out).toContain('基本施策3・7の基本指標の表が見つかりません');
    expect(check.out).not.toContain('このまま提出できます');
    expect(check.out).toContain('まだ提出できません');
    const out = path.join(dir, 'five-out.xlsx');
    const progress = await cli('progress', file, '-o', out);
    expect(progress.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('formulas in an office workbook', () => {
  it('an office IF formula in 進捗状況 is kept; --overwrite-formulas writes the arrow over it', async () => {
    const grid = layOut({ ...LAYOUT, blockOrder: ['refs', 'actuals', 'target', 'progress'] });
    const sheet = grid.sheets.find((s) => s.name === '基本施策1')!;
    const progressCol = sheet.rows[0].findIndex((c) => c?.value === '進捗状況');
    const address = `${String.fromCharCode(65 + progressCol)}3`;
    sheet.rows[2][progressCol] = { value: '↑', formula: 'IF(G3>F3,"↑","↓")' };
    const file = await save(grid, path.join(dir, 'formula.xlsx'));

    const kept = path.join(dir, 'formula-kept.xlsx');
    const run = await cli('progress', file, '-o', kept);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`基本施策1!${address}`);
    expect(run.out).toContain('--overwrite-formulas');
    expect((await cellOf(kept, '基本施策1', address))?.formula).toBe('IF(G3>F3,"↑","↓")');

    const over = path.join(dir, 'formula-over.xlsx');
    expect((await cli('progress', file, '-o', over, '--overwrite-formulas')).code).toBe(0);
    const cell = await cellOf(over, '基本施策1', address);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe('↑');
  });

  it('a figure computed by a formula never saved by Excel: check names the cell with the fix', async () => {
    const grid = layOut(LAYOUT);
    const sheet = grid.sheets.find((s) => s.name === '基本施策5')!;
    const col = sheet.rows[1].findIndex((c) => c?.value === '令和5年度');
    sheet.rows[2][col] = { value: null, formula: 'VLOOKUP(A3,集計!A:B,2,FALSE)' };
    const file = await save(grid, path.join(dir, 'uncomputed.xlsx'));
    const run = await cli('check', file);
    expect(run.code).toBe(1);
    expect(run.out).toContain('計算結果が保存されていません。Excel で開いて保存し直してください');
    expect(run.out).toContain(`${String.fromCharCode(65 + col)}3`);
  });
});
