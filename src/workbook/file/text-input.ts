import ExcelJS from 'exceljs';
import { gridFromText, type SheetGrid } from '../../plan/grid';
import { safeSheetName } from './sheet-names';

/** Extensions read as tab-separated text instead of as a workbook. */
export const TEXT_EXTENSIONS = ['.txt', '.tsv'];

export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isTextFileName(fileName: string): boolean {
  return TEXT_EXTENSIONS.includes(extensionOf(fileName));
}

/**
 * Text saved from Excel on a Japanese Windows PC is UTF-16LE ("Unicode テキスト") or
 * Shift_JIS ("テキスト (タブ区切り)"); anything else is taken as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('shift_jis').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** Sheet name for a text file: its name without folder or extension, made valid for Excel. */
export function textSheetName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return safeSheetName(dot > 0 ? base.slice(0, dot) : base);
}

export function textGrid(text: string, fileName: string): SheetGrid {
  return gridFromText(text, textSheetName(fileName));
}

export function countGridCells(grid: SheetGrid): number {
  return grid.rows.reduce((n, row) => n + row.length, 0);
}

/** A one-sheet workbook holding the text grid, every value kept as text. */
export function workbookFromGrid(grid: SheetGrid): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.name);
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && cell.value !== null) ws.getCell(r + 1, c + 1).value = cell.value;
    }),
  );
  return wb;
}
