import type ExcelJS from 'exceljs';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { buildXlsx, partText } from './helpers';

async function roundTrip() {
  const data = await buildXlsx((wb) => {
    const ws = wb.addWorksheet('値');
    ws.getCell('A1').value = 42;
    ws.getCell('B1').value = '文字列';
    ws.getCell('C1').value = true;
    ws.getCell('D1').value = { richText: [{ text: '太字', font: { bold: true } }, { text: 'と普通' }] };
    ws.getCell('E1').value = { text: '市のページ', hyperlink: 'https://www.city.koriyama.lg.jp/' };
    ws.getCell('F1').value = new Date(Date.UTC(2024, 3, 1));
    ws.getCell('F1').numFmt = 'yyyy/mm/dd';
    ws.getCell('G1').value = new Date(Date.UTC(2024, 3, 1, 9, 30));
    ws.getCell('G1').numFmt = 'yyyy/mm/dd hh:mm';

    ws.getCell('A2').value = { formula: 'A1*2', result: 84 };
    ws.getCell('B2').value = { formula: 'A1-42', result: 0 };
    ws.getCell('C2').value = { formula: 'B1&"です"', result: '文字列です' };
    ws.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('E2').value = { formula: 'NOW()' };
    ws.getCell('F2').value = { error: '#REF!' };

    ws.getCell('A3').value = 0.256;
    ws.getCell('A3').numFmt = '0.0%';
    ws.getCell('B3').value = 1234;
    ws.getCell('B3').numFmt = '#,##0"人"';
    ws.getCell('C3').value = 5;
    ws.getCell('C3').numFmt = 'General';

    // Shared formula: B5:B7 = A5:A7 * 10, written by ExcelJS as one master and two slaves.
    ws.getCell('A5').value = 1;
    ws.getCell('A6').value = 2;
    ws.getCell('A7').value = 3;
    // shareType/ref are honoured by ExcelJS but missing from its typings.
    ws.getCell('B5').value = { formula: 'A5*10', result: 10, shareType: 'shared', ref: 'B5:B7' } as ExcelJS.CellFormulaValue;
    ws.getCell('B6').value = { sharedFormula: 'B5', result: 20 };
    ws.getCell('B7').value = { sharedFormula: 'B5', result: 30 };

    ws.getCell('A9').value = '結合';
    ws.mergeCells('A9:C10');
    ws.getCell('E9').border = { top: { style: 'thin' } }; // styled but empty: not a value

    wb.addWorksheet('隠し', { state: 'hidden' }).getCell('A1').value = 'h';
    wb.addWorksheet('とても隠し', { state: 'veryHidden' }).getCell('B2').value = 'vh';
    wb.addWorksheet('空');
  });
  const fw = await FileWorkbook.fromBuffer(data, 'master.xlsx');
  return { data, grid: await fw.read() };
}

describe('FileWorkbook.read', () => {
  it('names the source and keeps every sheet in tab order with its visibility', async () => {
    const { grid } = await roundTrip();
    expect(grid.source).toBe('master.xlsx');
    expect(grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['値', false],
      ['隠し', true],
      ['とても隠し', true],
      ['空', false],
    ]);
    expect(grid.sheets[2].rows).toEqual([[], [null, { value: 'vh' }]]);
    expect(grid.sheets[3].rows).toEqual([]);
  });

  it('maps plain values, rich text, hyperlinks and dates', async () => {
    const rows = (await roundTrip()).grid.sheets[0].rows;
    expect(rows[0]).toEqual([
      { value: 42 },
      { value: '文字列' },
      { value: true },
      { value: '太字と普通' },
      { value: '市のページ' },
      { value: '2024-04-01', numFmt: 'yyyy/mm/dd' },
      { value: '2024-04-01T09:30:00', numFmt: 'yyyy/mm/dd hh:mm' },
    ]);
  });

  it('gives formulas with their cached results, zero included, and errors as error codes', async () => {
    const rows = (await roundTrip()).grid.sheets[0].rows;
    expect(rows[1]).toEqual([
      { value: 84, formula: 'A1*2' },
      { value: 0, formula: 'A1-42' },
      { value: '文字列です', formula: 'B1&"です"' },
      { value: null, formula: '1/0', error: '#DIV/0!' },
      { value: null, formula: 'NOW()' },
      { value: null, error: '#REF!' },
    ]);
  });

  it('keeps number formats except General', async () => {
    const rows = (await roundTrip()).grid.sheets[0].rows;
    expect(rows[2]).toEqual([{ value: 0.256, numFmt: '0.0%' }, { value: 1234, numFmt: '#,##0"人"' }, { value: 5 }]);
  });

  it('translates shared formulas for every cell of the block', async () => {
    const { data, grid } = await roundTrip();
    expect(await partText(data, 'xl/worksheets/sheet1.xml')).toMatch(/t="shared"/);
    const rows = grid.sheets[0].rows;
    expect(rows.slice(4, 7).map((r) => r[1])).toEqual([
      { value: 10, formula: 'A5*10' },
      { value: 20, formula: 'A6*10' },
      { value: 30, formula: 'A7*10' },
    ]);
  });

  it('puts a merged value only in the top-left cell and leaves styled empty cells out', async () => {
    const rows = (await roundTrip()).grid.sheets[0].rows;
    expect(rows[7]).toEqual([]);
    expect(rows[8]).toEqual([{ value: '結合' }]);
    expect(rows).toHaveLength(9);
  });

  it('returns dense rows: every index present, gaps as null', async () => {
    const rows = (await roundTrip()).grid.sheets[0].rows;
    for (const row of rows) {
      expect(Array.isArray(row)).toBe(true);
      for (let c = 0; c < row.length; c++) expect(c in row).toBe(true);
    }
    expect(rows[3]).toEqual([]);
  });

  it('marks a protected sheet as protected and leaves the others unmarked', async () => {
    const data = await buildXlsx(async (wb) => {
      const locked = wb.addWorksheet('保護');
      locked.getCell('A1').value = 'x';
      await locked.protect('pw', {});
      wb.addWorksheet('自由').getCell('A1').value = 'y';
    });
    const grid = await (await FileWorkbook.fromBuffer(data, 'p.xlsx')).read();
    expect(grid.sheets.map((sh) => [sh.name, sh.protected ?? false])).toEqual([
      ['保護', true],
      ['自由', false],
    ]);
  });

  it('reads a freshly created workbook as having no sheets', async () => {
    const grid = await FileWorkbook.create('新規.xlsx').read();
    expect(grid).toEqual({ source: '新規.xlsx', sheets: [] });
  });
});
