import type { CellRef, WorkbookGrid } from './grid';
import { cellKey } from './keys';
import { isDepartmentManifest, setsAsideDepartmentSheets } from './recognize/department-sheet';
import { METADATA_SHEET, readMetadata } from './recognize/metadata';
import { departmentSheetSubmissions } from './split/department-sheet-submissions';
import { DEPARTMENT_KIND, readManifest } from './split/manifest';

/**
 * Who works on this workbook: the coordinator (the master), a department's clerk (a workbook
 * handed out by split, or 課別シート on their own), or nobody this plan knows.
 */
export type WorkbookRole =
  | { kind: 'coordinator' }
  | {
      kind: 'clerk';
      from: 'department-workbook' | 'department-sheets';
      departments: string[];
      fiscalYear?: number;
      /** The cells the clerk fills in (`sheet!A1`): the only cells their verdict is about. */
      inputs: ReadonlySet<string>;
      /** How many of them are on a sheet this workbook still has: less than all means a sheet went missing. */
      inputsFound: number;
      /** Why the hidden sheet cannot be trusted (edited, copied): the file will be sent back. */
      problems: string[];
    }
  | { kind: 'unknown' };

export function workbookRole(grid: WorkbookGrid, recognised: boolean): WorkbookRole {
  if (readMetadata(grid).entries.get('kind') === DEPARTMENT_KIND) {
    const read = readManifest(grid);
    const inputs = read.manifest?.inputs ?? [];
    return {
      kind: 'clerk',
      from: 'department-workbook',
      departments: read.department ? [read.department] : [],
      fiscalYear: read.manifest?.fiscalYear ?? read.fiscalYear,
      inputs: new Set(inputs.map(cellKey)),
      inputsFound: onSheets(grid, inputs),
      problems: read.problems,
    };
  }
  const hasDepartmentSheets = grid.sheets.some((s) => isDepartmentManifest(s.name));
  const onlyDepartmentSheets = hasDepartmentSheets && !setsAsideDepartmentSheets(grid);
  if (onlyDepartmentSheets) {
    const sheets = departmentSheetSubmissions(grid);
    const inputs = sheets.flatMap((s) => s.manifest?.inputs ?? []);
    return {
      kind: 'clerk',
      from: 'department-sheets',
      departments: sheets.flatMap((s) => (s.department ? [s.department] : [])),
      fiscalYear: sheets.find((s) => s.manifest)?.manifest?.fiscalYear,
      inputs: new Set(inputs.map(cellKey)),
      inputsFound: onSheets(grid, inputs),
      problems: sheets.flatMap((s) => s.problems ?? []),
    };
  }
  const onlyMetadata = grid.sheets.every((s) => s.name === METADATA_SHEET);
  return recognised && !onlyMetadata ? { kind: 'coordinator' } : { kind: 'unknown' };
}

function onSheets(grid: WorkbookGrid, cells: readonly CellRef[]): number {
  const names = new Set(grid.sheets.map((s) => s.name));
  return cells.filter((c) => names.has(c.sheet)).length;
}
