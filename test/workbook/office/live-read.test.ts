import fc from 'fast-check';
import { parseA1 } from '../../../src/plan/grid';
import type { CellChange } from '../../../src/plan/live';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeExcel, type CellValue, type FakeCell } from './fakeExcel';

const at = (r: number, c: number) => `${r},${c}`;

/** A 基本施策 sheet: headings, a header row, `n` indicator rows from row 5, a formula total at the end. */
function master(n: number, formulaEvery = 0): FakeExcel {
  const fake = new FakeExcel();
  const cells: Record<string, FakeCell | CellValue> = { A1: '基本施策1', B3: '基本指標項目', C3: '策定時', D3: '目標値', E3: '2023年度' };
  for (let i = 0; i < n; i++) {
    const r = i + 5;
    cells[`B${r}`] = `指標${i + 1}`;
    cells[`C${r}`] = i;
    cells[`D${r}`] = i + 10;
    cells[`E${r}`] = i + 5;
    if (formulaEvery > 0 && i % formulaEvery === 0) cells[`F${r}`] = { value: i + 15, formula: `D${r}+E${r}` };
  }
  cells[`E${n + 5}`] = { value: 0, formula: `SUM(E5:E${n + 4})` };
  fake.addSheet('施策1', { cells });
  fake.addSheet('全体指標', { cells: { B2: '全体指標項目', C4: 12, D4: { value: 13, formula: "'施策1'!E5+1" } } });
  fake.addSheet('メタデータ', { visibility: 'Hidden', cells: { A1: 'version', B1: 2 } });
  return fake;
}

function edit(fake: FakeExcel, sheet: string, address: string, value: CellValue): CellChange {
  const p = parseA1(address);
  if (!p) throw new Error(address);
  fake.sheet(sheet).cells.set(at(p.row, p.col), { value });
  return { sheet, address };
}

/** The ranges whose cells were loaded (besides the sheet list) and how many cells they hold. */
function rangeLoads(fake: FakeExcel) {
  // `rowHidden` answers one value for a whole range: it is no cell read.
  const loads = fake.commands('load').filter((c) => /Range\[/.test(c.what) && c.args.includes('values'));
  const cells = loads.reduce((n, c) => {
    const m = /Range\[([A-Z]+\d+):([A-Z]+\d+)\]/.exec(c.what);
    if (!m) return Infinity;
    const a = parseA1(m[1]);
    const b = parseA1(m[2]);
    return a && b ? n + (b.row - a.row + 1) * (b.col - a.col + 1) : Infinity;
  }, 0);
  return { ranges: loads.map((c) => /Range\[([^\]]+)\]/.exec(c.what)?.[1]), cells };
}

describe('OfficeWorkbook.readEdited (the live check)', () => {
  it('after one edit in a 2,000-indicator master reads, in one sync, only the edited row and the rows with formulas', async () => {
    const fake = master(2000);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
    const base = await workbook.read();
    fake.syncs = [];

    const change = edit(fake, '施策1', 'E1204', 999);
    const grid = await workbook.readEdited(base, [change]);

    expect(fake.syncs).toHaveLength(1);
    const { ranges, cells } = rangeLoads(fake);
    // Row 1204 (the edit), row 2005 (the SUM) on 施策1; row 4 (a formula) on 全体指標.
    expect(ranges.sort()).toEqual(['A1204:E1204', 'A2005:E2005', 'A4:D4']);
    expect(cells).toBeLessThanOrEqual(3 * 5);
    expect(grid.sheets[0].rows[1203][4]).toEqual({ value: 999 });
    // Everything else is the grid read before, untouched.
    expect(grid.sheets[0].rows[1202]).toBe(base.sheets[0].rows[1202]);
    expect(grid).toEqual(await workbook.read());
  });

  it('patches the grid it returned itself: edit after edit stays one sync each', async () => {
    const fake = master(50);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
    let grid = await workbook.read();
    for (const [address, value] of [
      ['E7', 1],
      ['E8', '二十'],
      ['B60', '新しい指標'],
    ] as const) {
      fake.syncs = [];
      grid = await workbook.readEdited(grid, [edit(fake, '施策1', address, value)]);
      expect(fake.syncs).toHaveLength(1);
    }
    expect(grid).toEqual(await workbook.read());
  });

  it('reads everything again after the add-in wrote values (its own writes are not reported as edits)', async () => {
    const fake = master(20);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx', { supports: () => true });
    const base = await workbook.read();
    await workbook.apply({ cells: [{ sheet: '施策1', row: 6, col: 6, value: '↑' }] });
    fake.syncs = [];
    const grid = await workbook.readEdited(base, [edit(fake, '施策1', 'E7', 3)]);
    expect(rangeLoads(fake).ranges).toContain('used');
    expect(grid.sheets[0].rows[6][6]).toEqual({ value: '↑' });
    expect(grid).toEqual(await workbook.read());
  });

  it('keeps patching after the add-in only marked cells (fills and notes change no value)', async () => {
    const fake = master(20);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx', { supports: () => true });
    const base = await workbook.read();
    await workbook.apply({ cells: [{ sheet: '施策1', row: 6, col: 4, mark: 'error', note: '【進捗チェック】数値として読めません' }] });
    fake.syncs = [];
    await workbook.readEdited(base, [edit(fake, '施策1', 'E7', 3)]);
    expect(fake.syncs).toHaveLength(1);
    expect(rangeLoads(fake).ranges).not.toContain('used');
  });

  it('reads everything again after rows were inserted or deleted, or a sheet was renamed or added', async () => {
    const fake = master(20);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
    await workbook.onCellsChanged(() => {});
    const structural = await workbook.read();
    await fake.fireChanged({ worksheetId: fake.sheet('施策1').id, address: '8:8', changeType: 'RowInserted' });
    fake.syncs = [];
    await workbook.readEdited(structural, [{ sheet: '施策1', address: '8:8' }]);
    expect(rangeLoads(fake).ranges).toContain('used');

    const renamed = await workbook.read();
    fake.sheet('全体指標').name = '全体';
    fake.syncs = [];
    const after = await workbook.readEdited(renamed, [edit(fake, '施策1', 'E7', 3)]);
    expect(after.sheets.map((s) => s.name)).toEqual(['施策1', '全体', 'メタデータ']);

    const added = await workbook.read();
    fake.addSheet('課_市民・NPO活動推進課', { cells: { A1: 'x' } });
    const withSheet = await workbook.readEdited(added, [edit(fake, '施策1', 'E7', 4)]);
    expect(withSheet).toEqual(await workbook.read());
  });

  it('reads everything again for an edit it cannot bound (a whole column cleared or pasted)', async () => {
    const fake = master(30);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
    const base = await workbook.read();
    for (let r = 4; r < 35; r++) fake.sheet('施策1').cells.delete(at(r, 4));
    fake.syncs = [];
    const grid = await workbook.readEdited(base, [{ sheet: '施策1', address: 'E:E' }]);
    expect(rangeLoads(fake).ranges).toContain('used');
    expect(grid).toEqual(await workbook.read());
  });

  it('for any layout and any set of edits, gives exactly what a full read gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 7 }),
        fc.array(
          fc.record({
            sheet: fc.constantFrom('施策1', '全体指標'),
            row: fc.integer({ min: 0, max: 50 }),
            col: fc.integer({ min: 0, max: 8 }),
            rows: fc.integer({ min: 1, max: 3 }),
            cols: fc.integer({ min: 1, max: 3 }),
            value: fc.oneof(fc.integer(), fc.constantFrom('', '三十', '1,141g 1,215g', '＃N/A'), fc.boolean()),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 2 }),
        async (n, formulaEvery, edits, hiddenBefore, toggled) => {
          const fake = master(n, formulaEvery);
          const hidden = fake.sheet('施策1').hiddenRows;
          for (const r of hiddenBefore) hidden.add(r);
          const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
          let grid = await workbook.read();
          // Rows hidden or shown between reads: no edit is reported for that.
          for (const r of toggled) {
            if (hidden.has(r)) hidden.delete(r);
            else hidden.add(r);
          }
          const changes: CellChange[] = [];
          for (const e of edits) {
            for (let r = e.row; r < e.row + e.rows; r++) {
              for (let c = e.col; c < e.col + e.cols; c++) fake.sheet(e.sheet).cells.set(at(r, c), { value: e.value });
            }
            const from = `${String.fromCharCode(65 + e.col)}${e.row + 1}`;
            const to = `${String.fromCharCode(65 + e.col + e.cols - 1)}${e.row + e.rows}`;
            changes.push({ sheet: e.sheet, address: e.rows * e.cols === 1 ? from : `${from}:${to}` });
          }
          grid = await workbook.readEdited(grid, changes);
          expect(grid).toEqual(await workbook.read());
        },
      ),
      { numRuns: 60 },
    );
  });
});
