import type ExcelJS from 'exceljs';
import type { SheetSpec } from '../../plan/edits';
import { parseAreas, rangeText } from './ranges';
import { protectionHasher, type ProtectionHash } from './sheet-protection';
import { findSheet } from './sheet-names';
import { bold, HEADER_STYLE, restyle } from './styles';
import { dataValidation } from './validations';
import { writeScalar } from './write-cells';

// ExcelJS has these members but leaves them out of its typings.
type Ordered = { orderNo: number };
type WithValidations = { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } };
type WithProtection = { sheetProtection: Record<string, unknown> | null };

/** A fresh sheet named spec.name; an existing one of that name is dropped and its tab position kept. */
function freshSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const existing = findSheet(wb, spec.name);
  const orderNo = existing ? (existing as unknown as Ordered).orderNo : undefined;
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;
  return ws;
}

function eachCellOfRow(ws: ExcelJS.Worksheet, row: number, width: number, fn: (cell: ExcelJS.Cell) => void): void {
  for (let c = 0; c < width; c++) fn(ws.getCell(row + 1, c + 1));
}

/**
 * Writes one sheet. `protectionFor` hashes a protection password; a workbook passes one for all
 * its sheets so that Excel's 100,000 hash rounds are paid once per password, not per sheet.
 */
export async function writeSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  protectionFor: (password: string) => Promise<ProtectionHash> = protectionHasher(),
): Promise<void> {
  const ws = freshSheet(wb, spec);
  const width = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);

  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) writeScalar(ws.getCell(r + 1, c + 1), v);
    }),
  );

  spec.columns?.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    if (col.width !== undefined) column.width = col.width;
    if (col.hidden !== undefined) column.hidden = col.hidden;
  });

  if (spec.wrap) {
    for (let r = 0; r < spec.rows.length; r++) {
      eachCellOfRow(ws, r, width, (cell) => restyle(cell, { alignment: { ...cell.style.alignment, wrapText: true, vertical: 'top' } }));
    }
  }
  for (const r of spec.headerRows ?? []) {
    eachCellOfRow(ws, r, width, (cell) => {
      restyle(cell, HEADER_STYLE);
      bold(cell);
    });
  }
  for (const r of spec.headingRows ?? []) eachCellOfRow(ws, r, Math.max(width, 1), (cell) => bold(cell, 14));

  // After styling: merging copies the top-left cell's style over the covered cells.
  for (const m of spec.merges ?? []) ws.mergeCells(m.replace(/\$/g, ''));

  if (spec.freezeRows) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: spec.freezeRows, topLeftCell: `A${spec.freezeRows + 1}` }];
  }

  for (const v of spec.validations ?? []) {
    const rule = dataValidation(wb, v);
    for (const area of parseAreas(v.range) ?? []) (ws as unknown as WithValidations).dataValidations.add(rangeText(area), rule);
  }

  if (spec.protection) {
    // Every cell starts locked in Excel; only the input cells are opened up.
    for (const { row, col } of spec.protection.unlocked) {
      const cell = ws.getCell(row + 1, col + 1);
      restyle(cell, { protection: { locked: false } });
    }
    // Set directly rather than through ws.protect(), which hashes anew for every sheet. Sheet
    // protection guards against slips, not attackers: the file is not encrypted.
    const password = spec.protection.password;
    (ws as unknown as WithProtection).sheetProtection = {
      sheet: true,
      ...(password ? await protectionFor(password) : {}),
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: false,
    };
  }
}
