/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The live check through the real Office gateway over the fake Excel: after the first check,
 * an edit costs one sync that reads the edited row (and the rows with formulas), not the workbook.
 */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import * as realEngine from '../../src/plan/engine';
import { a1, type WorkbookGrid } from '../../src/plan/grid';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel, type FakeCell } from '../workbook/office/fakeExcel';
import { renderPane } from './fakes';
import { fileConnection, sampleBytes } from './workbooks';

let grid: WorkbookGrid;
/** Two FY2023 actual cells of indicators without findings as published. */
let targets: { sheet: string; row: number; col: number }[];

beforeAll(async () => {
  grid = await (await fileConnection(sampleBytes())).workbook.read();
  const analysis = realEngine.analyze(grid);
  const table = analysis.plan.policies[0].table;
  const col = table?.years.find((y) => y.year === analysis.year && y.role === 'actual')?.col;
  if (!table || col === undefined) throw new Error('the FY2023 sample has no 施策1 table with FY2023 actuals');
  targets = table.indicators
    .filter((i) => !analysis.findings.some((f) => f.sheet === table.sheet && f.cell === a1(i.series[0].row, col)))
    .slice(0, 2)
    .map((i) => ({ sheet: table.sheet, row: i.series[0].row, col }));
});

/** The sample workbook as the fake Excel holds it. */
function fakeExcel(): FakeExcel {
  const fake = new FakeExcel();
  for (const sheet of grid.sheets) {
    const cells: Record<string, FakeCell> = {};
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        cells[a1(r, c)] = {
          value: cell.value,
          ...(cell.formula ? { formula: cell.formula } : {}),
          ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
        };
      });
    });
    fake.addSheet(sheet.name, { cells, ...(sheet.hidden ? { visibility: 'Hidden' as const } : {}) });
  }
  return fake;
}

/** The ranges whose cell values were read (marking a cell loads its fill too: not a read of the workbook). */
const rangeLoads = (fake: FakeExcel) =>
  fake
    .commands('load')
    .filter((c) => /Range\[/.test(c.what) && c.args.includes('values'))
    .map((c) => /Range\[([^\]]+)\]/.exec(c.what)?.[1]);

describe('live validation reads only what an edit touched', () => {
  it('reads the workbook whole for the first check, then only the edited row', async () => {
    const fake = fakeExcel();
    const workbook = new OfficeWorkbook(fake.run, 'master-2023.xlsx', { supports: () => true, runOn: fake.runOn });
    const watchEdits = jest.fn((handler: (c: { sheet: string; address: string }) => void) => workbook.onCellsEdited(handler));
    renderPane({ gateway: workbook, engine: realEngine, extras: { watchEdits } });
    // The first full read comes first; on a busy machine that takes longer than waitFor's default second.
    await waitFor(
      () => {
        expect(watchEdits).toHaveBeenCalled();
      },
      { timeout: 10000 },
    );
    await waitFor(
      () => {
        expect(fake.changeHandlers).toHaveLength(1);
      },
      { timeout: 10000 },
    );

    const type = async (t: { sheet: string; row: number; col: number }, value: string | number) => {
      fake.sheet(t.sheet).cells.set(`${t.row},${t.col}`, { value });
      await act(() => fake.fireChanged({ worksheetId: fake.sheet(t.sheet).id, address: a1(t.row, t.col), changeType: 'RangeEdited' }));
    };

    await type(targets[0], '三十');
    const live = await screen.findByTestId('live-findings', {}, { timeout: 5000 });
    await within(live).findByText(/「三十」/, {}, { timeout: 5000 });
    // The first check had nothing to patch: every sheet's used range.
    expect(rangeLoads(fake).filter((r) => r === 'used')).toHaveLength(grid.sheets.length);

    fake.syncs = [];
    await type(targets[1], '四十');
    await within(live).findByText(/「四十」/, {}, { timeout: 5000 });
    const loads = rangeLoads(fake);
    expect(loads).not.toContain('used');
    const edited = a1(targets[1].row, targets[1].col).replace(/[A-Z]+/, '');
    expect(loads.some((r) => r !== undefined && new RegExp(`^A${edited}:[A-Z]+${edited}$`).test(r))).toBe(true);
    // Only the edited row and the rows with formulas (the sample has none or few).
    const formulaRows = grid.sheets.reduce((n, s) => n + s.rows.filter((row) => row.some((c) => c?.formula)).length, 0);
    expect(loads.length).toBeLessThanOrEqual(1 + formulaRows);
    // Both wrong cells stay marked: the patched grid lost nothing.
    const notes = fake.sheet(targets[0].sheet).notes;
    expect(notes.get(a1(targets[0].row, targets[0].col))).toContain('三十');
    expect(notes.get(a1(targets[1].row, targets[1].col))).toContain('四十');
  });
});
