import type { SheetSpec, WorkbookEdits } from '../edits';
import type { WorkbookGrid } from '../grid';
import { INDICATOR_WIDTHS } from '../layout/columns';
import { definitionOf } from '../definition/stored';
import { departmentManifestName, departmentSheetName } from '../recognize/department-sheet';
import { SheetBuilder } from './builder';
import { sheetBlocks } from './department';
import { departmentContext, manifestHead, viewMaster, type MasterView } from './index';
import { manifestRows, type Manifest } from './manifest';

/**
 * 課別シート: the rows of one department gathered on one sheet of the master itself, for a
 * workbook several people edit at once (co-authoring). The layout is the department
 * workbook's, stacked: for every 基本施策 its heading, the master's header rows and the 課's
 * indicator rows; then 全体指標; then the 実施計画 header with ◆基本施策 headings and the
 * 課's projects. The recogniser reads such a sheet as a small report of its own; inside the
 * master it is set aside (recognize/department-sheet.ts), so nothing is counted twice.
 */
export interface DepartmentSheetOptions {
  /** Fiscal year to collect; default: the master's fiscal year. */
  year?: number;
  /** Only these departments; default: every department of the master. */
  departments?: readonly string[];
  /** Build again 課別シート that exist already (what was entered on them is lost). Default: keep them. */
  replace?: boolean;
  masterFile?: string;
  /** When the sheets were made (recorded as given). */
  splitAt?: string;
}

export interface DepartmentSheet {
  department: string;
  sheet: string;
  counts: { indicatorRows: number; projects: number; inputs: number };
}

export interface DepartmentSheetsResult {
  year: number;
  made: DepartmentSheet[];
  /** Departments whose 課別シート exists and was left as it is. */
  kept: string[];
  /** Japanese notes: rows not handed out, parts not on 課別シート. */
  warnings: string[];
  /** The sheets (each with its hidden manifest) and the fills of their input cells. */
  edits: WorkbookEdits;
}

function build(master: WorkbookGrid, view: MasterView, department: string, sheet: string): SheetBuilder {
  const ctx = departmentContext(master, view, department);
  const b = new SheetBuilder(sheet, INDICATOR_WIDTHS);
  // Neither line starts with 基本施策, ◇ or a circled number: the recogniser passes over them.
  b.push([`${department}\u3000${view.year}年度 記入シート（${definitionOf(view.plan).name}）`], 'heading');
  b.push([`水色のセルに ${view.year}年度の実績値・増減理由・取組状況・達成度を記入してください。ほかのセルは保護されています。`]);
  for (const grid of master.sheets) for (const block of sheetBlocks(ctx, grid)) block.write(b);
  // One sheet holds several tables: freezing the first table's header would hide the others'.
  b.freezeRows = 2;
  return b;
}

function manifestOf(view: MasterView, department: string, b: SheetBuilder, options: DepartmentSheetOptions): Manifest {
  return {
    ...manifestHead(view, department, options),
    sheets: [{ name: b.name, rows: b.length, cols: b.width }],
    rows: b.rowKeys.map((k) => ({ sheet: b.name, ...k })),
    inputs: b.inputs,
    locks: b.locks(),
  };
}

export function departmentSheets(master: WorkbookGrid, options: DepartmentSheetOptions = {}): DepartmentSheetsResult {
  const view = viewMaster(master, options.year);
  const existing = new Set(master.sheets.map((s) => s.name));
  const wanted = options.departments ?? view.departments;
  const sheets: SheetSpec[] = [];
  const result: DepartmentSheetsResult = {
    year: view.year,
    made: [],
    kept: [],
    warnings: [...view.warnings],
    edits: { cells: [], sheets },
  };
  const used = new Set<string>();
  for (const department of wanted) {
    const rows = view.rows.filter((r) => r.owner === department);
    if (view.slots.some((s) => s.department === department)) {
      result.warnings.push(
        `${department}: 複数の課の実績を合計する指標の内訳は課別シートに含めていません。内訳は課別ブックで集めてください。`,
      );
    }
    if (rows.length === 0) {
      if (!view.departments.includes(department)) result.warnings.push(`課「${department}」の担当の行は取りまとめ用ブックにありません。`);
      continue;
    }
    const sheet = departmentSheetName(department);
    const manifest = departmentManifestName(department);
    if (used.has(sheet) || used.has(manifest)) {
      result.warnings.push(
        `${department}: シート名「${sheet}」がほかの課と重なるため、課別シートを作れません（課名の先頭 29 文字が同じです）。`,
      );
      continue;
    }
    used.add(sheet).add(manifest);
    if (existing.has(sheet) && !options.replace) {
      result.kept.push(department);
      continue;
    }
    const b = build(master, view, department, sheet);
    sheets.push(b.spec(undefined), {
      name: manifest,
      rows: manifestRows(manifestOf(view, department, b, options)),
      state: 'veryHidden',
    });
    result.edits.cells.push(...b.marks());
    result.made.push({
      department,
      sheet,
      counts: {
        indicatorRows: rows.filter((r) => r.kind !== 'project').length,
        projects: rows.filter((r) => r.kind === 'project').length,
        inputs: b.inputs.length,
      },
    });
  }
  return result;
}
