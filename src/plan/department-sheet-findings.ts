import type { Finding } from './findings';
import { a1, type WorkbookGrid } from './grid';
import { recognize } from './recognize';
import { isDepartmentSheet, setsAsideDepartmentSheets } from './recognize/department-sheet';
import { departmentSheetSubmissions } from './split/department-sheet-submissions';
import { planRows } from './split/rows';
import { validate } from './validate';

/**
 * The checks of 提出前チェック on the 課別シート of a master, each read on its own and for the
 * year it was made for. Only findings on its input cells count: the other cells are copies
 * of the master, whose findings the master's own reading already reports.
 */
export function departmentSheetFindings(
  grid: WorkbookGrid,
  fallbackYear: number,
  options: { jumpRatio: number; departments?: ReadonlySet<string> },
): Finding[] {
  if (!setsAsideDepartmentSheets(grid) || !grid.sheets.some((s) => isDepartmentSheet(s.name))) return [];
  const years = new Map<string, number>();
  for (const s of departmentSheetSubmissions(grid)) if (s.manifest) years.set(s.file, s.manifest.fiscalYear);
  const out: Finding[] = [];
  for (const sheet of grid.sheets) {
    if (!isDepartmentSheet(sheet.name)) continue;
    const year = years.get(sheet.name) ?? fallbackYear;
    const { plan, findings } = recognize({ source: grid.source, sheets: [sheet] });
    const inputs = new Set(
      planRows(plan, year).flatMap((r) => Object.values(r.inputs).map((ref) => `${ref.sheet}!${a1(ref.row, ref.col)}`)),
    );
    for (const f of [...findings, ...validate(plan, { year, ...options })]) {
      if (inputs.has(`${f.sheet}!${f.cell}`)) out.push(f);
    }
  }
  return out;
}
