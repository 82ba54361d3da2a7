import type ExcelJS from 'exceljs';

/**
 * ExcelJS hands every cell that was loaded with the same style index one shared style
 * object, so `cell.fill = …` would repaint every cell sharing it. Styles are therefore
 * always replaced with a fresh object, never mutated.
 */
export function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

export const HEADER_STYLE = {
  fill: solidFill('FFD9D9D9'),
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN } as Partial<ExcelJS.Borders>,
};

export function bold(cell: ExcelJS.Cell, size?: number): void {
  restyle(cell, { font: { ...cell.style.font, bold: true, ...(size ? { size } : {}) } });
}
