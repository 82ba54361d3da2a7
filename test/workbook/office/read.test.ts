import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel, type FakeCell } from './fakeExcel';

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000 + 25569;

function bigWorkbook(rows: number): FakeExcel {
  const fake = new FakeExcel();
  const cells: Record<string, FakeCell> = {};
  // Table starts at B3: row/col offsets must come out sheet-absolute.
  for (let i = 0; i < rows; i++) {
    const r = i + 3;
    cells[`B${r}`] = { value: `指標${i + 1}` };
    cells[`C${r}`] = { value: i * 2 };
    cells[`D${r}`] = { value: i * 2 + 1, formula: `C${r}+1` };
    cells[`E${r}`] = { value: 0.5, numFmt: '0.0%' };
    if (i % 1000 === 0) cells[`F${r}`] = { value: '#REF!', error: true, formula: 'Sheet9!A1' };
  }
  cells.G3 = { value: serial(2024, 4, 1), numFmt: 'yyyy/m/d' };
  cells.H3 = { value: 12, numFmt: 'General' };
  fake.addSheet('施策1', { cells });
  fake.addSheet('R6 実績!', { cells: { C2: 'x', D4: true } });
  fake.addSheet('メモ', { visibility: 'Hidden' });
  return fake;
}

describe('OfficeWorkbook.read', () => {
  it('reads 5,000 rows in exactly 2 syncs', async () => {
    const fake = bigWorkbook(5000);
    const grid = await new OfficeWorkbook(fake.run, 'テスト.xlsx').read();
    expect(fake.syncs).toHaveLength(2);
    expect(grid.source).toBe('テスト.xlsx');
    expect(grid.sheets.map((s) => s.name)).toEqual(['施策1', 'R6 実績!', 'メモ']);
    expect(grid.sheets[0].rows).toHaveLength(5002);
  });

  it('produces sheet-absolute cells with values, formulas, errors and number formats', async () => {
    const grid = await new OfficeWorkbook(bigWorkbook(5000).run, 'テスト.xlsx').read();
    const rows = grid.sheets[0].rows;
    expect(rows[0]).toEqual([]);
    expect(rows[1]).toEqual([]);
    expect(rows[2][0]).toBeNull();
    expect(rows[2][1]).toEqual({ value: '指標1' });
    expect(rows[2][2]).toEqual({ value: 0 });
    expect(rows[2][3]).toEqual({ value: 1, formula: 'C3+1' });
    expect(rows[2][4]).toEqual({ value: 0.5, numFmt: '0.0%' });
    expect(rows[2][5]).toEqual({ value: null, formula: 'Sheet9!A1', error: '#REF!' });
    expect(rows[2][6]).toEqual({ value: '2024-04-01', numFmt: 'yyyy/m/d' });
    expect(rows[2][7]).toEqual({ value: 12 });
    expect(rows[5001][1]).toEqual({ value: '指標5000' });
    // Rows without an error cell end at column E.
    expect(rows[3]).toHaveLength(5);
  });

  it('handles quoted sheet names, sparse ranges and hidden empty sheets', async () => {
    const grid = await new OfficeWorkbook(bigWorkbook(3).run, 'テスト.xlsx').read();
    const other = grid.sheets[1];
    expect(other.rows[1][2]).toEqual({ value: 'x' });
    expect(other.rows[2]).toEqual([]);
    expect(other.rows[3][3]).toEqual({ value: true });
    expect(other.hidden).toBeUndefined();
    expect(grid.sheets[2]).toEqual({ name: 'メモ', rows: [], hidden: true });
  });

  it('leaves no unloaded placeholder or proxy in the grid', async () => {
    const grid = await new OfficeWorkbook(bigWorkbook(50).run, 'テスト.xlsx').read();
    for (const sheet of grid.sheets) {
      for (const row of sheet.rows) {
        for (const cell of row) {
          if (cell == null) continue;
          expect(Object.keys(cell).every((k) => ['value', 'formula', 'error', 'numFmt'].includes(k))).toBe(true);
          expect(['string', 'number', 'boolean'].includes(typeof cell.value) || cell.value === null).toBe(true);
        }
      }
    }
    expect(JSON.stringify(grid)).not.toMatch(/PropertyNotLoaded|not available/);
  });
});
