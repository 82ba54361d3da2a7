import { isDateFormat, rangeTopLeft, serialToIso, toGridCell } from '../../../src/workbook/office/gridFromRanges';
import { packBySize, rectangles, sliceRows, toOfficeValue, utf8Length } from '../../../src/workbook/office/writeBlocks';

describe('rectangles', () => {
  const at = (row: number, col: number, item = `${row},${col}`) => ({ row, col, item });

  it('joins adjacent cells of a column, then equal runs side by side', () => {
    const rects = rectangles([at(4, 6), at(5, 6), at(6, 6), at(4, 7), at(5, 7), at(6, 7), at(9, 1)]);
    expect(rects).toEqual([
      {
        row: 4,
        col: 6,
        items: [
          ['4,6', '4,7'],
          ['5,6', '5,7'],
          ['6,6', '6,7'],
        ],
      },
      { row: 9, col: 1, items: [['9,1']] },
    ]);
  });

  it('keeps gaps and groups apart, and lets the last edit of a cell win', () => {
    const rects = rectangles([at(0, 0, 'red'), at(1, 0, 'red'), at(2, 0, 'blue'), at(4, 0, 'red'), at(0, 0, 'red')], (a, b) => a === b);
    expect(rects.map((r) => [r.row, r.col, r.items.length])).toEqual([
      [0, 0, 2],
      [2, 0, 1],
      [4, 0, 1],
    ]);
  });
});

describe('payload sizing', () => {
  it('counts UTF-8 bytes like the wire does', () => {
    for (const s of ['abc', '協働', '𠮷野家', '↗→↘']) expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });

  it('slices a tall block under the budget and packs ops in order', () => {
    const rect = { row: 10, col: 2, items: Array.from({ length: 100 }, (_, i) => [`${i}`.padStart(50, '0')]) };
    const slices = sliceRows(rect, 1000);
    expect(slices.every((s) => s.bytes <= 1000)).toBe(true);
    expect(slices.reduce((n, s) => n + s.rect.items.length, 0)).toBe(100);
    expect(slices[1].rect.row).toBe(10 + slices[0].rect.items.length);
    expect(packBySize([{ bytes: 6 }, { bytes: 5 }, { bytes: 4 }, { bytes: 20 }], 10).map((g) => g.length)).toEqual([1, 2, 1]);
  });

  it('clears a cell for a missing value (null would leave it alone) and keeps numbers numbers', () => {
    expect(toOfficeValue(null)).toBe('');
    expect(toOfficeValue(undefined)).toBe('');
    expect(toOfficeValue(0)).toBe(0);
    expect(toOfficeValue(true)).toBe(true);
  });
});

describe('reading helpers', () => {
  it('finds the top-left of an address, even with ! in the sheet name', () => {
    expect(rangeTopLeft('施策1!B3:F20')).toEqual({ row: 2, col: 1 });
    expect(rangeTopLeft("'R6 実績!'!AA10")).toEqual({ row: 9, col: 26 });
  });

  it('tells date formats from number formats', () => {
    for (const f of ['yyyy/m/d', 'm"月"d"日"', 'ggge"年"m"月"d"日"', '[$-ja-JP]yyyy年m月d日', 'h:mm', '[h]:mm:ss']) {
      expect(isDateFormat(f)).toBe(true);
    }
    for (const f of ['General', '0.0%', '#,##0"人"', '0.00E+00', '[Red]#,##0', '@', '#,##0_);(#,##0)', '"件数"0']) {
      expect(isDateFormat(f)).toBe(false);
    }
    expect(serialToIso(45383)).toBe('2024-04-01');
    expect(serialToIso(45383.5)).toBe('2024-04-01T12:00:00');
  });

  it('maps one cell', () => {
    expect(toGridCell('', '', 'General', 'Empty')).toBeNull();
    expect(toGridCell('', '=IF(A1,"",1)', 'General', 'String')).toEqual({ value: '', formula: 'IF(A1,"",1)' });
    expect(toGridCell('#DIV/0!', '=1/0', 'G/標準', 'Error')).toEqual({ value: null, formula: '1/0', error: '#DIV/0!' });
  });
});
