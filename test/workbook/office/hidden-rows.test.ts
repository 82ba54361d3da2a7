import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { analyze } from '../../../src/plan/engine';
import { a1, type WorkbookGrid } from '../../../src/plan/grid';
import { FileWorkbook } from '../../../src/workbook/file';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { sheetGridFromRange, type LoadedRange } from '../../../src/workbook/office/gridFromRanges';
import { COL, indicatorRow, policyBlock, SHEET, workbook, type CellInput } from '../../plan/build';
import { FakeExcel, type CellValue } from './fakeExcel';

function range(visible?: string[][]): LoadedRange {
  const values = [
    ['基本指標項目', '2023年度'],
    ['講座数', 10],
    ['廃止した指標', ''],
    ['参加者数', 20],
  ];
  return {
    address: '施策1!B3:C6',
    values,
    formulas: values,
    numberFormat: values.map((r) => r.map(() => 'General')),
    valueTypes: values.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String'))),
    visibleAddresses: visible,
  };
}

describe('hidden rows read in Excel', () => {
  it('rows missing from the visible view are the hidden rows, sheet-absolute', () => {
    const grid = sheetGridFromRange(
      '施策1',
      false,
      range([
        ['施策1!B3', '施策1!C3'],
        ['施策1!B4', '施策1!C4'],
        ['施策1!B6', '施策1!C6'],
      ]),
    );
    expect(grid.hiddenRows).toEqual([4]);
  });

  it('without a visible view, no row is taken as hidden', () => {
    expect(sheetGridFromRange('施策1', false, range()).hiddenRows).toBeUndefined();
  });
});

/** policyBlock rows: heading (0), blank (1), header (2), year row (3), indicators from row 4. */
const FIRST = 4;
const NAMES = ['講座数', '参加者数', '相談件数', '登録団体数', '協働事業数', '研修参加者数'];

interface Layout {
  /** Per indicator row: shown, hidden with its figures, or hidden with only its name left. */
  rows: ('shown' | 'hidden' | 'hiddenEmpty')[];
}

function gridOf(layout: Layout): { grid: WorkbookGrid; hidden: number[] } {
  const body = layout.rows.map((kind, i) => {
    const row = indicatorRow({ name: NAMES[i], target: '300件', values: { 2016: '261件', 2022: `${260 + i}件`, 2023: `${270 + i}件` } });
    if (kind !== 'hiddenEmpty') return row;
    const nameOnly: CellInput[] = new Array<CellInput>(row.length).fill(null);
    nameOnly[COL.name] = NAMES[i];
    return nameOnly;
  });
  const hidden = layout.rows.flatMap((kind, i) => (kind === 'shown' ? [] : [FIRST + i]));
  return { grid: workbook(policyBlock(1, body)), hidden };
}

/** The same sheet saved as an .xlsx (rows hidden as Excel saves them) and read by the file gateway. */
async function throughFile(grid: WorkbookGrid, hidden: number[]): Promise<WorkbookGrid> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(SHEET);
  grid.sheets[0].rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && c.value !== null && c.value !== '') ws.getCell(r + 1, col + 1).value = c.value;
    }),
  );
  for (const r of hidden) ws.getRow(r + 1).hidden = true;
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return (await FileWorkbook.fromBuffer(bytes, 'master.xlsx')).read();
}

/** The same sheet open in Excel, rows hidden there. */
function excelOf(grid: WorkbookGrid, hidden: number[]): FakeExcel {
  const fake = new FakeExcel();
  const cells: Record<string, CellValue> = {};
  grid.sheets[0].rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && c.value !== null && c.value !== '') cells[a1(r, col)] = c.value;
    }),
  );
  fake.addSheet(SHEET, { cells, hiddenRows: hidden });
  return fake;
}

const verdict = (grid: WorkbookGrid) => {
  const a = analyze(grid, { year: 2023 });
  return {
    indicators: a.plan.policies[0].table?.indicators.map((i) => i.name),
    findings: a.findings.map((f) => [f.rule, f.sheet, f.cell, f.message]).sort(),
  };
};

describe('hidden rows through the Office gateway', () => {
  it('a hidden empty indicator row and a hidden row with values give the file gateway’s findings, in two syncs', async () => {
    const { grid, hidden } = gridOf({ rows: ['shown', 'hiddenEmpty', 'hidden', 'shown'] });
    const fake = excelOf(grid, hidden);
    const office = await new OfficeWorkbook(fake.run, 'master.xlsx').read();
    expect(fake.syncs).toHaveLength(2);

    const inExcel = verdict(office);
    expect(inExcel).toEqual(verdict(await throughFile(grid, hidden)));
    // Not counted, and named; read, and named.
    expect(inExcel.indicators).toEqual(['講座数', '相談件数', '登録団体数']);
    expect(inExcel.findings.filter((f) => f[0] === 'hidden-row').map((f) => f[2])).toEqual([a1(FIRST + 1, 0)]);
    expect(inExcel.findings.filter((f) => f[0] === 'hidden-indicator').map((f) => f[2])).toEqual([a1(FIRST + 2, 0)]);
  });

  it('for any rows hidden, with or without figures, both gateways give the same findings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('shown' as const, 'hidden' as const, 'hiddenEmpty' as const), { minLength: 1, maxLength: NAMES.length }),
        async (rows) => {
          const { grid, hidden } = gridOf({ rows });
          const office = await new OfficeWorkbook(excelOf(grid, hidden).run, 'master.xlsx').read();
          expect(office.sheets[0].hiddenRows ?? []).toEqual(hidden);
          expect(verdict(office)).toEqual(verdict(await throughFile(grid, hidden)));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the live check sees a row hidden or shown since the last read, like a full read does', async () => {
    const { grid } = gridOf({ rows: ['shown', 'shown', 'shown', 'shown'] });
    const fake = excelOf(grid, []);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
    const base = await workbook.read();

    // Hiding a row is no edit: Excel reports only the edit made after it.
    fake.sheet(SHEET).hiddenRows.add(FIRST + 2);
    fake.sheet(SHEET).cells.set(`${FIRST},6`, { value: '280件' });
    const hiddenSince = await workbook.readEdited(base, [{ sheet: SHEET, address: a1(FIRST, 6) }]);
    expect(hiddenSince.sheets[0].hiddenRows).toEqual([FIRST + 2]);
    expect(verdict(hiddenSince)).toEqual(verdict(await workbook.read()));
    expect(
      verdict(hiddenSince)
        .findings.filter((f) => f[0] === 'hidden-indicator')
        .map((f) => f[2]),
    ).toEqual([a1(FIRST + 2, 0)]);

    fake.sheet(SHEET).hiddenRows.clear();
    fake.sheet(SHEET).cells.set(`${FIRST},6`, { value: '281件' });
    const shownSince = await workbook.readEdited(hiddenSince, [{ sheet: SHEET, address: a1(FIRST, 6) }]);
    expect(shownSince.sheets[0].hiddenRows).toBeUndefined();
    expect(shownSince).toEqual(await workbook.read());
  });

  it('the live check patches in one sync while no row was hidden or shown', async () => {
    const { grid, hidden } = gridOf({ rows: ['shown', 'hiddenEmpty', 'hidden', 'shown'] });
    const fake = excelOf(grid, hidden);
    const workbook = new OfficeWorkbook(fake.run, 'master.xlsx');
    const base = await workbook.read();
    fake.syncs = [];
    fake.sheet(SHEET).cells.set(`${FIRST + 3},6`, { value: '290件' });
    const patched = await workbook.readEdited(base, [{ sheet: SHEET, address: a1(FIRST + 3, 6) }]);
    expect(fake.syncs).toHaveLength(1);
    expect(patched).toEqual(await workbook.read());
  });
});
