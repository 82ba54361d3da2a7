import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../plan/grid';
import type { WorkbookEdits } from '../../plan/edits';
import { WorkbookError, type WorkbookGateway } from '../gateway';
import { checkEdits } from './edit-checks';
import { FILE_LIMITS, type FileLimits } from './limits';
import * as messages from './messages';
import { examinePackage, toBytes, type UnsupportedPart } from './package-parts';
import { sheetGrid } from './read-grid';
import { findSheet } from './sheet-names';
import { countGridCells, textGrid, workbookFromGrid } from './text-input';
import { appendRows, applyCellEdit } from './write-cells';
import { protectionHasher } from './sheet-protection';
import { writeSheet } from './write-sheet';

/** Where the workbook came from: an .xlsx, a tab-separated text file, or nothing (create). */
export type WorkbookOrigin = 'xlsx' | 'text' | 'new';

type LoadInput = Parameters<ExcelJS.Xlsx['load']>[0];

function detail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The workbook gateway over an in-memory .xlsx (ExcelJS). It never touches the file
 * system, so the same class serves the browser; saving to disk lives in ./node.
 */
export class FileWorkbook implements WorkbookGateway {
  private failed = false;
  /** One hash per protection password for all sheets of this workbook. */
  private readonly protectionFor = protectionHasher();

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    readonly label: string,
    /** What ExcelJS would drop on saving; while non-empty, apply() and toBuffer() refuse. */
    readonly unsupportedParts: readonly UnsupportedPart[],
    readonly origin: WorkbookOrigin,
  ) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array, fileName: string, limits: FileLimits = FILE_LIMITS): Promise<FileWorkbook> {
    const bytes = toBytes(data);
    const report = await examinePackage(bytes, fileName, limits);
    if (report.cells > limits.maxCells) throw messages.tooManyCells(fileName, report.cells, limits.maxCells);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as LoadInput);
    } catch (err) {
      throw messages.corrupt(fileName, detail(err));
    }
    return new FileWorkbook(workbook, fileName, report.parts, 'xlsx');
  }

  static create(fileName: string): FileWorkbook {
    return new FileWorkbook(new ExcelJS.Workbook(), fileName, [], 'new');
  }

  /** One sheet built with gridFromText; every value stays text. */
  static fromText(text: string, fileName: string, limits: FileLimits = FILE_LIMITS): FileWorkbook {
    const grid = textGrid(text, fileName);
    const cells = countGridCells(grid);
    if (cells > limits.maxCells) throw messages.tooManyCells(fileName, cells, limits.maxCells);
    return new FileWorkbook(workbookFromGrid(grid), fileName, [], 'text');
  }

  read(): Promise<WorkbookGrid> {
    return Promise.resolve({ source: this.label, sheets: this.workbook.worksheets.map(sheetGrid) });
  }

  async apply(edits: WorkbookEdits): Promise<void> {
    this.assertWritable();
    checkEdits(this.workbook, edits, this.label);
    const wb = this.workbook;
    try {
      for (const spec of edits.sheets ?? []) await writeSheet(wb, spec, this.protectionFor);
      for (const { sheet, rows } of edits.appends ?? []) appendRows(findSheet(wb, sheet) ?? wb.addWorksheet(sheet), rows);
      // Thousands of cells on a handful of sheets: each sheet is looked up once.
      const sheets = new Map<string, ExcelJS.Worksheet | undefined>();
      for (const edit of edits.cells) {
        if (!sheets.has(edit.sheet)) sheets.set(edit.sheet, findSheet(wb, edit.sheet));
        const ws = sheets.get(edit.sheet);
        if (!ws) throw new Error(`${this.label}: シート「${edit.sheet}」がありません。`);
        applyCellEdit(ws, edit);
      }
    } catch (err) {
      // Half an edit batch must never reach a file.
      this.failed = true;
      throw err instanceof WorkbookError ? err : messages.applyFailed(this.label, detail(err));
    }
    // Cached formula results no longer match the written values; have Excel recompute them.
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  }

  async toBuffer(): Promise<Uint8Array> {
    this.assertWritable();
    const data: unknown = await this.workbook.xlsx.writeBuffer();
    return data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  }

  private assertWritable(): void {
    if (this.unsupportedParts.length > 0) {
      throw messages.unsupportedParts(
        this.label,
        this.unsupportedParts.map((p) => p.label),
      );
    }
    if (this.failed) throw messages.incompleteApply(this.label);
  }
}
