import type { WorkbookGrid } from '../grid';
import { METADATA_SHEET } from './metadata';

/**
 * 課別シート: one sheet per department inside the master itself (a workbook shared by
 * co-authoring), named `課_<課名>`, and beside each a very hidden `_課_<課名>` holding what a
 * department workbook's _shinchoku sheet holds. The sheets repeat rows of the master, so the
 * master's own reading must not count them twice; they are read on their own instead.
 */
export const DEPARTMENT_SHEET_PREFIX = '課_';
export const DEPARTMENT_MANIFEST_PREFIX = '_課_';

/** Excel's sheet-name rules: 31 characters, none of `* ? : / \ [ ]`. */
function sheetSafe(text: string): string {
  return text.replace(/[*?:/\\[\]]/g, '_').slice(0, 31);
}

export function departmentSheetName(department: string): string {
  return sheetSafe(`${DEPARTMENT_SHEET_PREFIX}${department}`);
}

export function departmentManifestName(department: string): string {
  return sheetSafe(`${DEPARTMENT_MANIFEST_PREFIX}${department}`);
}

export function isDepartmentSheet(name: string): boolean {
  return name.startsWith(DEPARTMENT_SHEET_PREFIX);
}

export function isDepartmentManifest(name: string): boolean {
  return name.startsWith(DEPARTMENT_MANIFEST_PREFIX);
}

/**
 * True when the workbook has content besides 課別シート: then they are copies and the master
 * is read without them. A workbook of 課別シート only (one copied out on its own) is read as is.
 */
export function setsAsideDepartmentSheets(grid: WorkbookGrid): boolean {
  return grid.sheets.some((s) => s.name !== METADATA_SHEET && !isDepartmentSheet(s.name) && !isDepartmentManifest(s.name));
}
