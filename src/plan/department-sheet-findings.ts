import type { Finding } from './findings';
import type { WorkbookGrid } from './grid';
import { inputFindings } from './input-findings';
import { setsAsideDepartmentSheets } from './recognize/department-sheet';
import { departmentSheetSubmissions } from './split/department-sheet-submissions';

/**
 * The checks of 提出前チェック on the 課別シート of a master, each read on its own (with its
 * manifest) and for the year it was made for, as compile will check it.
 */
export function departmentSheetFindings(grid: WorkbookGrid, options: { jumpRatio: number; departments?: ReadonlySet<string> }): Finding[] {
  if (!setsAsideDepartmentSheets(grid)) return [];
  return departmentSheetSubmissions(grid).flatMap((s) =>
    s.grid && s.manifest ? inputFindings(s.grid, s.manifest.inputs, { year: s.manifest.fiscalYear, ...options }) : [],
  );
}
