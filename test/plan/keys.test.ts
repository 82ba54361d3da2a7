import fc from 'fast-check';
import {
  addressCells,
  cellKey,
  cellKeyAt,
  contributionKeyOf,
  indicatorKeyOf,
  indicatorOfRowKey,
  parseCellKey,
  parseRowKey,
  projectKeyOf,
  rowKeyText,
} from '../../src/plan/keys';

/** Sheet names as Excel allows them (no []:*?/\), including `!`, spaces and Japanese. */
const sheetName = fc.stringMatching(/^[^[\]:*?/\\]{1,31}$/);
/** Indicator and project keys are free text from the template (`3:ICT活用#講座|2`). */
const freeText = fc.string({ minLength: 1, maxLength: 40 });
/** 課 names never contain the separator. */
const department = fc.stringMatching(/^[^|]{1,12}$/);

describe('cell keys', () => {
  it('read back the sheet, row and column they were made from, whatever the sheet is called', () => {
    fc.assert(
      fc.property(sheetName, fc.nat(1_048_575), fc.nat(16_383), (sheet, row, col) => {
        expect(parseCellKey(cellKey({ sheet, row, col }))).toEqual({ sheet, row, col });
      }),
    );
  });

  it('are the same key whether made from a position or from an A1 address', () => {
    expect(cellKey({ sheet: '基本施策1', row: 11, col: 1 })).toBe(cellKeyAt('基本施策1', 'B12'));
    expect(cellKeyAt('基本施策1', 'B12')).toBe('基本施策1!B12');
  });

  it('are refused when there is no sheet or no cell address', () => {
    for (const bad of ['', 'B12', '!B12', '基本施策1!', '基本施策1!12B', '基本施策1!B0']) expect(parseCellKey(bad)).toBeUndefined();
  });

  it('take the cells of an Excel range address, quoted sheet and $ signs included', () => {
    expect(addressCells("'協働!推進'!$C$5:$D$9")).toBe('C5:D9');
    expect(addressCells('Sheet1!B3')).toBe('B3');
  });
});

describe('row keys', () => {
  it('read back an indicator row whatever its key holds', () => {
    fc.assert(
      fc.property(freeText, fc.nat(9), (key, series) => {
        expect(parseRowKey(indicatorKeyOf(key, series))).toEqual({ kind: 'indicator', indicatorKey: key, series });
        expect(indicatorOfRowKey(indicatorKeyOf(key, series))).toBe(key);
      }),
    );
  });

  it('read back a project row', () => {
    fc.assert(
      fc.property(freeText, (key) => {
        expect(parseRowKey(projectKeyOf(key))).toEqual({ kind: 'project', projectKey: key });
        expect(indicatorOfRowKey(projectKeyOf(key))).toBeUndefined();
        expect(rowKeyText(projectKeyOf(key))).toBe(key);
      }),
    );
  });

  it('read back a 内訳 row: indicator, 課 and number, even when the indicator key holds the separator', () => {
    fc.assert(
      fc.property(freeText, department, fc.nat(99), (key, dept, n) => {
        const made = contributionKeyOf(key, dept, n);
        expect(parseRowKey(made)).toEqual({ kind: 'contribution', indicatorKey: key, department: dept, n });
        expect(indicatorOfRowKey(made)).toBe(key);
      }),
    );
  });

  it('are refused when the kind is unknown or a part is missing', () => {
    for (const bad of ['', 'ind:', 'ind:x', 'ind:x#', 'ind:x#a', 'prj:', 'ctb:x|1', 'ctb:x|課|', 'ctb:x|課|-1', 'abc:x#0']) {
      expect(parseRowKey(bad)).toBeUndefined();
    }
    expect(rowKeyText('abc:x')).toBe('abc:x');
  });
});
