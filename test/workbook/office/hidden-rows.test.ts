import { sheetGridFromRange, type LoadedRange } from '../../../src/workbook/office/gridFromRanges';

function range(visible?: string[][]): LoadedRange {
  const values = [['基本指標項目', '2023年度'], ['講座数', 10], ['廃止した指標', ''], ['参加者数', 20]];
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
    const grid = sheetGridFromRange('施策1', false, range([['施策1!B3', '施策1!C3'], ['施策1!B4', '施策1!C4'], ['施策1!B6', '施策1!C6']]));
    expect(grid.hiddenRows).toEqual([4]);
  });

  it('without a visible view, no row is taken as hidden', () => {
    expect(sheetGridFromRange('施策1', false, range()).hiddenRows).toBeUndefined();
  });
});
