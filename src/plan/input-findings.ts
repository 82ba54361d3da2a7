import type { Finding } from './findings';
import { refKey, type CellRef, type WorkbookGrid } from './grid';
import { recognize } from './recognize';
import { validate, type ValidateOptions } from './validate';

/**
 * The checks of `check` (recognise + validate) on a department's workbook or 課別シート, kept to
 * its input cells: the other cells are copies of the master, whose own reading reports them.
 * compile rejects with these, and 提出前チェック shows them: the same findings either way.
 */
export function inputFindings(grid: WorkbookGrid, inputs: readonly CellRef[], options: ValidateOptions): Finding[] {
  const keys = new Set(inputs.map(refKey));
  const { plan, findings } = recognize(grid);
  return [...findings, ...validate(plan, options)].filter((f) => keys.has(`${f.sheet}!${f.cell}`));
}
