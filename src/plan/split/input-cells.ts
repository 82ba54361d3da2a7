import type { WorkbookGrid } from '../grid';
import { cellKey } from '../keys';
import { departmentSheetSubmissions } from './department-sheet-submissions';
import { readManifest } from './manifest';

/**
 * The input cells (`sheet!A1`) split handed out in this workbook: a department workbook's, or
 * the 課別シート's of a master. Live validation gives such a cell its input colour back when it
 * takes an error mark away, instead of leaving it with no fill.
 */
export function inputCells(grid: WorkbookGrid): Set<string> {
  const manifests = [readManifest(grid).manifest, ...departmentSheetSubmissions(grid).map((s) => s.manifest)];
  const out = new Set<string>();
  for (const m of manifests) for (const i of m?.inputs ?? []) out.add(cellKey(i));
  return out;
}
