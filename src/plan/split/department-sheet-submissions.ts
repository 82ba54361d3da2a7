import { cellAt, type SheetGrid, type WorkbookGrid } from '../grid';
import { isDepartmentManifest } from '../recognize/department-sheet';
import { METADATA_SHEET } from '../recognize/metadata';
import { canonCell, canonValue } from './fingerprint';
import { readManifest, type Manifest } from './manifest';

/** A 課別シート taken out of the master as compile takes a department's file. */
export interface SheetSubmission {
  /** The 課別シート's name: what the 提出履歴 and 提出状況 show as the file. */
  file: string;
  department?: string;
  grid?: WorkbookGrid;
  /** The hidden manifest, when it could be read and its sheets are there. */
  manifest?: Manifest;
  problems?: string[];
  /** Input cells that differ from when the sheet was made: 0 means nobody has entered anything. */
  entered: number;
}

/**
 * Every 課別シート of the master with its hidden manifest, each as a workbook of its own (the
 * sheet plus the manifest as _shinchoku): compile then checks and merges it exactly like a
 * department workbook, locked cells and all.
 */
export function departmentSheetSubmissions(master: WorkbookGrid): SheetSubmission[] {
  const out: SheetSubmission[] = [];
  for (const hidden of master.sheets.filter((s) => isDepartmentManifest(s.name))) {
    const manifestSheet = { ...hidden, name: METADATA_SHEET, hidden: true };
    const read = readManifest({ source: hidden.name, sheets: [manifestSheet] });
    const names = read.manifest?.sheets.map((s) => s.name) ?? [];
    const file = names[0] ?? hidden.name;
    const found = names.map((n) => master.sheets.find((s) => s.name === n));
    const sheets = found.filter((s): s is SheetGrid => s !== undefined);
    if (!read.manifest || names.length === 0) {
      out.push({
        file,
        department: read.department,
        problems: read.problems.length > 0 ? read.problems : ['管理用の隠しシートが読めません。'],
        entered: 0,
      });
    } else if (sheets.length < found.length) {
      out.push({
        file,
        department: read.department,
        problems: [`課別シート「${file}」がありません。シート名を変えたか削除した可能性があります。課別シートを作り直してください。`],
        entered: 0,
      });
    } else {
      const entered = read.manifest.inputs.filter((i) => {
        const sheet = sheets.find((s) => s.name === i.sheet);
        return sheet !== undefined && canonCell(cellAt(sheet, i.row, i.col)) !== canonValue(i.base);
      }).length;
      out.push({
        file,
        department: read.department,
        grid: { source: file, sheets: [...sheets, manifestSheet] },
        manifest: read.manifest,
        entered,
      });
    }
  }
  return out;
}
