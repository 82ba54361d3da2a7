import ExcelJS from 'exceljs';
import type { WorkbookEdits } from '../../../src/plan/edits';
import { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { MARK_FILLS } from '../../../src/workbook/file/marks';
import { buildXlsx, caught, loadWithExcelJS, partText, unescapeXml } from './helpers';

// ExcelJS declares a cell's style parts as always present, but a cell never styled has none.
const fontOf = (cell: ExcelJS.Cell): Partial<ExcelJS.Font> | undefined => cell.font;
const borderOf = (cell: ExcelJS.Cell): Partial<ExcelJS.Borders> | undefined => cell.border;
const protectionOf = (cell: ExcelJS.Cell): Partial<ExcelJS.Protection> | undefined => cell.protection;

function master(): Promise<Uint8Array> {
  return buildXlsx((wb) => {
    const first = wb.addWorksheet('表紙');
    first.getCell('A1').value = '表紙';
    const ws = wb.addWorksheet('実施報告');
    ws.getCell('A1').value = '事業名';
    ws.getCell('B1').value = '進捗';
    ws.getCell('A2').value = '協働の地域づくり';
    ws.getCell('B2').value = 'A';
    ws.getCell('A3').value = 'まちづくり講座';
    ws.getCell('B3').value = { formula: 'B2', result: 'A' };
    // Same style on both: ExcelJS shares one style object between them after loading.
    ws.getCell('C2').font = { bold: true };
    ws.getCell('C3').font = { bold: true };
    ws.getCell('C2').value = 'x';
    ws.getCell('C3').value = 'y';
    ws.getCell('D5').value = '結合';
    ws.mergeCells('D5:E6');
    const last = wb.addWorksheet('集計');
    last.getCell('A1').value = '古い集計';
    last.getCell('A5').value = 'もっと古い';
  });
}

async function applied(edits: WorkbookEdits) {
  const fw = await FileWorkbook.fromBuffer(await master(), 'master.xlsx');
  await fw.apply(edits);
  const data = await fw.toBuffer();
  const again = await FileWorkbook.fromBuffer(data, 'master.xlsx');
  return { data, grid: await again.read(), excel: await loadWithExcelJS(data) };
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}

describe('FileWorkbook.apply: cell edits', () => {
  it('writes values, clears with null, and keeps text starting with = as text', async () => {
    const { grid, data } = await applied({
      cells: [
        { sheet: '実施報告', row: 1, col: 1, value: 'B' },
        { sheet: '実施報告', row: 2, col: 1, value: '=1+1' },
        { sheet: '実施報告', row: 3, col: 0, value: 3.5 },
        { sheet: '実施報告', row: 3, col: 1, value: false },
        { sheet: '実施報告', row: 0, col: 0, value: null },
      ],
    });
    const rows = grid.sheets[1].rows;
    expect(rows[0][0]).toBeNull();
    expect(rows[1][1]).toEqual({ value: 'B' });
    expect(rows[2][1]).toEqual({ value: '=1+1' });
    expect(rows[3]).toEqual([{ value: 3.5 }, { value: false }]);
    const xml = await partText(data, 'xl/worksheets/sheet2.xml');
    expect(xml).not.toMatch(/<c r="B3"[^>]*>\s*<f>/);
  });

  it('fills marked cells with the colour of their kind and leaves arrow and sentence marks unfilled', async () => {
    const marks = Object.keys(MARK_FILLS) as (keyof typeof MARK_FILLS)[];
    const { excel } = await applied({
      cells: marks.map((mark, i) => ({ sheet: '表紙', row: 10 + i, col: 0, mark })),
    });
    const ws = excel.getWorksheet('表紙')!;
    expect(marks.map((m, i) => [m, fillOf(ws.getCell(11 + i, 1)) ?? null])).toEqual([
      ['arrow', null],
      ['sentence', null],
      ['revised', 'FFFCE4D6'],
      ['error', 'FFFFC7CE'],
      ['warning', 'FFFFEB9C'],
      ['input', 'FFDDEBF7'],
      ['conflict', 'FFF4B084'],
      ['clear', null],
    ]);
  });

  it('clears a mark: the fill and the note go, the font and the neighbours stay', async () => {
    const fw = await FileWorkbook.fromBuffer(await master(), 'master.xlsx');
    await fw.apply({
      cells: [
        { sheet: '実施報告', row: 1, col: 2, mark: 'error', note: '数値として読めません' },
        { sheet: '実施報告', row: 2, col: 2, mark: 'warning', note: '増減が大きい' },
      ],
    });
    const marked = await FileWorkbook.fromBuffer(await fw.toBuffer(), 'master.xlsx');
    await marked.apply({ cells: [{ sheet: '実施報告', row: 1, col: 2, mark: 'clear' }] });
    const data = await marked.toBuffer();
    const ws = (await loadWithExcelJS(data)).getWorksheet('実施報告')!;
    expect(fillOf(ws.getCell('C2'))).toBeUndefined();
    expect(ws.getCell('C2').note).toBeUndefined();
    expect(fontOf(ws.getCell('C2'))?.bold).toBe(true);
    expect(ws.getCell('C2').value).toBe('x');
    expect(fillOf(ws.getCell('C3'))).toBe('FFFFEB9C');
    expect(ws.getCell('C3').note).toBe('増減が大きい');

    // An input cell gets its colour back and loses the note (an empty note removes it).
    const again = await FileWorkbook.fromBuffer(data, 'master.xlsx');
    await again.apply({ cells: [{ sheet: '実施報告', row: 2, col: 2, mark: 'input', note: '' }] });
    const c3 = (await loadWithExcelJS(await again.toBuffer())).getWorksheet('実施報告')!.getCell('C3');
    expect(fillOf(c3)).toBe('FFDDEBF7');
    expect(c3.note).toBeUndefined();
  });

  it('does not repaint other cells that shared the marked cell\u2019s style', async () => {
    const { excel } = await applied({ cells: [{ sheet: '実施報告', row: 1, col: 2, mark: 'error' }] });
    const ws = excel.getWorksheet('実施報告')!;
    expect(fillOf(ws.getCell('C2'))).toBe('FFFFC7CE');
    expect(fontOf(ws.getCell('C2'))?.bold).toBe(true);
    expect(fillOf(ws.getCell('C3'))).toBeUndefined();
  });

  it('adds notes', async () => {
    const { excel, data } = await applied({
      cells: [{ sheet: '実施報告', row: 1, col: 1, note: '前年度から変更されています', mark: 'revised' }],
    });
    expect(excel.getWorksheet('実施報告')!.getCell('B2').note).toBe('前年度から変更されています');
    expect(await partText(data, 'xl/comments2.xml')).toContain('前年度から変更されています');
  });

  it('asks Excel to recalculate formulas on open', async () => {
    const { data } = await applied({ cells: [{ sheet: '実施報告', row: 1, col: 1, value: 'C' }] });
    expect(await partText(data, 'xl/workbook.xml')).toMatch(/fullCalcOnLoad="1"/);
  });
});

describe('FileWorkbook.apply: sheets and appends', () => {
  const summary = {
    name: '集計',
    rows: [['令和6年度 集計'], ['区分', '件数', '備考'], ['A', 3, '順調'], ['B', 1, '=SUM(B3)']],
    columns: [{ width: 30 }, { width: 8 }, { hidden: true }],
    headingRows: [0],
    headerRows: [1],
    merges: ['A1:C1'],
    wrap: true,
    freezeRows: 2,
  };

  it('replaces an existing sheet in place, dropping its old content', async () => {
    const { grid } = await applied({ cells: [], sheets: [{ ...summary, name: '表紙' }] });
    expect(grid.sheets.map((s) => s.name)).toEqual(['表紙', '実施報告', '集計']);
    expect(grid.sheets[0].rows[0]).toEqual([{ value: '令和6年度 集計' }]);
    expect(grid.sheets[0].rows[3]).toEqual([{ value: 'B' }, { value: 1 }, { value: '=SUM(B3)' }]);
  });

  it('keeps the tab position of a replaced middle or last sheet and adds new sheets at the end', async () => {
    const { grid } = await applied({
      cells: [],
      sheets: [summary, { name: '新規', rows: [['x']] }, { name: '実施報告', rows: [['差し替え']] }],
    });
    expect(grid.sheets.map((s) => s.name)).toEqual(['表紙', '実施報告', '集計', '新規']);
    expect(grid.sheets[1].rows).toEqual([[{ value: '差し替え' }]]);
    expect(grid.sheets[2].rows).toHaveLength(4);
  });

  it('draws headers, headings, wrapping, widths, merges and frozen rows', async () => {
    const { excel } = await applied({ cells: [], sheets: [summary] });
    const ws = excel.getWorksheet('集計')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    for (const addr of ['A2', 'B2', 'C2']) {
      const cell = ws.getCell(addr);
      expect(fontOf(cell)?.bold).toBe(true);
      expect(fillOf(cell)).toBe('FFD9D9D9');
      expect(borderOf(cell)?.top?.style).toBe('thin');
      expect(borderOf(cell)?.bottom?.style).toBe('thin');
    }
    expect(fontOf(ws.getCell('A3'))?.bold).toBeFalsy();
    expect(ws.getCell('C4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(3).hidden).toBe(true);
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('sets sheet state', async () => {
    const { grid, excel } = await applied({
      cells: [],
      sheets: [
        { name: '作業用', rows: [['w']], state: 'hidden' },
        { name: '内部', rows: [['i']], state: 'veryHidden' },
      ],
    });
    expect(excel.getWorksheet('作業用')!.state).toBe('hidden');
    expect(excel.getWorksheet('内部')!.state).toBe('veryHidden');
    expect(grid.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(['作業用', '内部']);
  });

  it('appends below the last value, and creates a missing sheet for appends', async () => {
    const { grid } = await applied({
      cells: [],
      appends: [
        { sheet: '集計', rows: [['追加1', 1], ['追加2']] },
        { sheet: '履歴', rows: [['日時', '内容']] },
      ],
    });
    const sum = grid.sheets.find((s) => s.name === '集計')!;
    expect(sum.rows.slice(4)).toEqual([[{ value: 'もっと古い' }], [{ value: '追加1' }, { value: 1 }], [{ value: '追加2' }]]);
    expect(grid.sheets.find((s) => s.name === '履歴')!.rows).toEqual([[{ value: '日時' }, { value: '内容' }]]);
  });

  it('lets cell edits target sheets created in the same batch', async () => {
    const { grid } = await applied({
      cells: [{ sheet: '新規', row: 0, col: 1, value: 'セル' }],
      sheets: [{ name: '新規', rows: [['見出し']] }],
    });
    expect(grid.sheets.find((s) => s.name === '新規')!.rows[0]).toEqual([{ value: '見出し' }, { value: 'セル' }]);
  });
});

describe('FileWorkbook.apply: validations and protection', () => {
  const departments = Array.from({ length: 60 }, (_, i) => `部署その${i + 1}`);
  const form = {
    name: '入力',
    rows: [['進捗', '割合', '件数', '担当']],
    validations: [
      { range: 'A2:A40', kind: 'list' as const, list: ['A', 'B', 'C', 'D'], prompt: 'A〜D から選びます', error: 'A〜D のいずれかです' },
      { range: 'B2:B40', kind: 'decimal' as const, min: 0, max: 1 },
      { range: 'C2:C40', kind: 'whole' as const, min: 0 },
      { range: 'D2:D40', kind: 'list' as const, list: departments },
    ],
    protection: {
      password: 'koriyama',
      unlocked: [
        { row: 1, col: 0 },
        { row: 1, col: 1 },
      ],
    },
  };

  it('writes list and number validations with messages', async () => {
    const { data } = await applied({ cells: [], sheets: [form] });
    const xml = unescapeXml(await partText(data, 'xl/worksheets/sheet4.xml'));
    const rules = xml.match(/<dataValidation [\s\S]*?<\/dataValidation>/g) ?? [];
    const bySqref = Object.fromEntries(rules.map((r) => [/sqref="([^"]+)"/.exec(r)![1], r]));
    expect(Object.keys(bySqref).sort()).toEqual(['A2:A40', 'B2:B40', 'C2:C40', 'D2:D40']);
    expect(bySqref['A2:A40']).toMatch(/type="list"/);
    expect(bySqref['A2:A40']).toContain('<formula1>"A,B,C,D"</formula1>');
    expect(bySqref['A2:A40']).toMatch(/showErrorMessage="1"/);
    expect(bySqref['A2:A40']).toMatch(/showInputMessage="1"/);
    expect(bySqref['A2:A40']).toContain('prompt="A〜D から選びます"');
    expect(bySqref['A2:A40']).toContain('error="A〜D のいずれかです"');
    expect(bySqref['B2:B40']).toMatch(/type="decimal"/);
    expect(bySqref['B2:B40']).toContain('<formula1>0</formula1><formula2>1</formula2>');
    expect(bySqref['C2:C40']).toMatch(/type="whole" operator="greaterThanOrEqual"/);
    expect(bySqref['C2:C40']).toMatch(/showErrorMessage="1"/);
  });

  it('moves a list longer than Excel\u2019s 255-character inline limit to a hidden list sheet', async () => {
    expect(`"${departments.join(',')}"`.length).toBeGreaterThan(255);
    const { data, grid } = await applied({ cells: [], sheets: [form] });
    const xml = unescapeXml(await partText(data, 'xl/worksheets/sheet4.xml'));
    expect(xml).toContain("<formula1>'_入力候補'!$A$1:$A$60</formula1>");
    const lists = grid.sheets.find((s) => s.name === '_入力候補')!;
    expect(lists.hidden).toBe(true);
    expect(lists.rows.map((r) => r[0]?.value)).toEqual(departments);
  });

  it('reuses the hidden list column for the same entries', async () => {
    const fw = await FileWorkbook.fromBuffer(await master(), 'master.xlsx');
    await fw.apply({ cells: [], sheets: [form] });
    await fw.apply({ cells: [], sheets: [{ ...form, name: '入力2' }] });
    const lists = (await fw.read()).sheets.find((s) => s.name === '_入力候補')!;
    expect(lists.rows[0]).toHaveLength(1);
  });

  it('protects the sheet with every cell locked except the listed input cells', async () => {
    const { data, excel } = await applied({ cells: [], sheets: [form] });
    const xml = await partText(data, 'xl/worksheets/sheet4.xml');
    const protection = /<sheetProtection [^>]*>/.exec(xml)?.[0] ?? '';
    expect(protection).toMatch(/sheet="1"/);
    expect(protection).toMatch(/algorithmName="SHA-512"/);
    expect(protection).toMatch(/hashValue="[^"]+"/);
    // OOXML flags forbid when set: absent select flags allow selecting, absent formatCells forbids formatting.
    expect(protection).not.toMatch(/selectLockedCells="1"|selectUnlockedCells="1"|formatCells="0"/);
    const ws = excel.getWorksheet('入力')!;
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.getCell('A2').protection).toMatchObject({ locked: false });
    expect(ws.getCell('B2').protection).toMatchObject({ locked: false });
    expect(protectionOf(ws.getCell('A1'))?.locked).not.toBe(false);
    expect(protectionOf(ws.getCell('C2'))?.locked).not.toBe(false);
  });

  it('protects without a password when none is given', async () => {
    const { data } = await applied({ cells: [], sheets: [{ ...form, protection: { unlocked: [] } }] });
    const protection = /<sheetProtection [^>]*>/.exec(await partText(data, 'xl/worksheets/sheet4.xml'))?.[0] ?? '';
    expect(protection).toMatch(/sheet="1"/);
    expect(protection).not.toMatch(/hashValue/);
  });
});

describe('FileWorkbook.apply: refused edits leave the workbook unchanged', () => {
  async function refusal(edits: WorkbookEdits) {
    const fw = await FileWorkbook.fromBuffer(await master(), 'master.xlsx');
    const before = await fw.read();
    const err = await caught(() => fw.apply(edits));
    expect(await fw.read()).toEqual(before);
    await expect(fw.toBuffer()).resolves.toBeInstanceOf(Uint8Array);
    return err;
  }

  it('names a missing sheet', async () => {
    const err = await refusal({
      sheets: [{ name: '集計', rows: [['新しい']] }],
      cells: [
        { sheet: '実施報告', row: 1, col: 1, value: 'B' },
        { sheet: 'ない', row: 0, col: 0, value: 1 },
      ],
    });
    expect(err).toMatchObject({ name: 'WorkbookError', code: 'sheet-missing', sheet: 'ない' });
    expect(err.message).toBe('master.xlsx にシート「ない」がありません。');
  });

  it('refuses to write into the covered part of a merged range', async () => {
    const err = await refusal({ cells: [{ sheet: '実施報告', row: 5, col: 4, value: 'x' }] });
    expect(err.code).toBe('invalid-edit');
    expect(err.message).toContain('E6');
    expect(err.message).toContain('D5');
  });

  it('refuses text longer than a cell can hold, and invalid positions', async () => {
    const long = await refusal({ cells: [{ sheet: '実施報告', row: 0, col: 0, value: 'あ'.repeat(32_768) }] });
    expect(long.message).toContain('32767 文字まで');
    const bad = await refusal({ cells: [{ sheet: '実施報告', row: -1, col: 0, value: 1 }] });
    expect(bad.code).toBe('invalid-edit');
  });

  it('refuses invalid sheet names, overlapping merges and empty lists', async () => {
    expect((await refusal({ cells: [], sheets: [{ name: '集計/2024', rows: [] }] })).code).toBe('invalid-sheet-name');
    expect((await refusal({ cells: [], sheets: [{ name: 'x', rows: [], merges: ['A1:B2', 'B2:C3'] }] })).code).toBe('invalid-range');
    expect(
      (await refusal({ cells: [], sheets: [{ name: 'x', rows: [], validations: [{ range: 'A1:A3', kind: 'list', list: [] }] }] })).code,
    ).toBe('invalid-validation');
    expect((await refusal({ cells: [], sheets: [{ name: 'x', rows: [], validations: [{ range: 'A1:', kind: 'whole' }] }] })).code).toBe(
      'invalid-range',
    );
  });

  it('refuses to save after a batch failed half way', async () => {
    const fw = await FileWorkbook.fromBuffer(await master(), 'master.xlsx');
    const spy = jest.spyOn(ExcelJS.Workbook.prototype, 'addWorksheet').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    try {
      const err = await caught(() => fw.apply({ cells: [], sheets: [{ name: '集計', rows: [['x']] }] }));
      expect(err).toMatchObject({ code: 'apply-failed' });
      expect(err.message).toContain('master.xlsx');
    } finally {
      spy.mockRestore();
    }
    const err = await caught(() => fw.toBuffer());
    expect(err).toMatchObject({ code: 'incomplete-apply' });
    expect((await caught(() => fw.apply({ cells: [] }))).code).toBe('incomplete-apply');
  });
});

describe('FileWorkbook.create', () => {
  it('builds a new workbook from edits alone', async () => {
    const fw = FileWorkbook.create('結果.xlsx');
    await fw.apply({ cells: [], sheets: [{ name: '結果', rows: [['a', 1]] }] });
    const again = await FileWorkbook.fromBuffer(await fw.toBuffer(), '結果.xlsx');
    expect((await again.read()).sheets).toEqual([{ name: '結果', rows: [[{ value: 'a' }, { value: 1 }]] }]);
  });
});
