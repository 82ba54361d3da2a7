import type { Finding } from './findings';
import type { CellRef, WorkbookGrid } from './grid';
import { cellKey, cellKeyAt } from './keys';
import { recognize } from './recognize';
import { validate, type ValidateOptions } from './validate';

/**
 * The checks of `check` (recognise + validate) on a department's workbook or 課別シート, kept to
 * its input cells: the other cells are copies of the master, whose own reading reports them.
 * compile rejects with these, and 提出前チェック shows them: the same findings either way.
 */
export function inputFindings(grid: WorkbookGrid, inputs: readonly CellRef[], options: ValidateOptions): Finding[] {
  const keys = new Set(inputs.map(cellKey));
  const { plan, findings } = recognize(grid);
  return [...findings, ...validate(plan, options)].filter((f) => keys.has(cellKeyAt(f.sheet, f.cell)));
}
