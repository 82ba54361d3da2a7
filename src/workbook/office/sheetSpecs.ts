/// <reference types="office-js" />
import { a1, columnLetters, parseA1 } from '../../plan/grid';
import type { SheetSpec, ValidationSpec } from '../../plan/edits';
import { OP_OVERHEAD_BYTES, jsonBytes, rectangles, toOfficeValue } from './writeBlocks';
import { valueOps, type WriteOp } from './writeOps';

/** Excel column width is in points; a half-width character is about 7 of them here. */
export const POINTS_PER_CHAR = 7;
const HEADER_FILL = '#D9E1F2';
const HEADING_FONT_SIZE = 14;
/** Excel's limits for data-validation prompt/alert texts. */
const TITLE_MAX = 32;
const MESSAGE_MAX = 255;

export interface ExistingSheet {
  position: number;
}

export interface SpecOps {
  /** Create/replace the sheet, write values and layout: may be split across syncs. */
  ops: WriteOp[];
  /** Visibility and protection: only after every value and format is in place. */
  finish: WriteOp[];
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A temporary name unlikely to clash, within Excel's 31-character limit. */
function temporaryName(name: string): string {
  return `~${Date.now().toString(36)}${name}`.slice(0, 31);
}

function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  if (v.kind === 'list') {
    // Excel splits the source on commas: an entry containing one would become two.
    const entries = (v.list ?? []).map((e) => e.replace(/,/g, '、'));
    return { list: { inCellDropDown: true, source: entries.join(',') } };
  }
  let basic: Excel.BasicDataValidation;
  if (v.min !== undefined && v.max !== undefined) basic = { formula1: v.min, formula2: v.max, operator: 'Between' };
  else if (v.min !== undefined) basic = { formula1: v.min, operator: 'GreaterThanOrEqualTo' };
  else if (v.max !== undefined) basic = { formula1: v.max, operator: 'LessThanOrEqualTo' };
  else basic = { formula1: -1e307, formula2: 1e307, operator: 'Between' };
  return v.kind === 'decimal' ? { decimal: basic } : { wholeNumber: basic };
}

/**
 * The areas of a validation's range, as getRange accepts them one at a time: a spec may list
 * many cells (`H8 H9 H10 L8`, as split writes them); adjacent single cells become one block.
 */
export function validationAreas(range: string): string[] {
  const parts = range.split(/[\s,]+/).filter(Boolean);
  const cells = parts.map((p) => parseA1(p)).filter((c): c is { row: number; col: number } => c !== undefined);
  const blocks = rectangles(cells.map((c) => ({ ...c, item: true }))).map(
    (r) => `${a1(r.row, r.col)}:${a1(r.row + r.items.length - 1, r.col + r.items[0].length - 1)}`,
  );
  return [...parts.filter((p) => parseA1(p) === undefined), ...blocks];
}

function queueValidation(ws: Excel.Worksheet, v: ValidationSpec): void {
  for (const area of validationAreas(v.range)) {
    const dv = ws.getRange(area).dataValidation;
    dv.rule = validationRule(v);
    if (v.prompt) dv.prompt = { showPrompt: true, title: clip('入力のしかた', TITLE_MAX), message: clip(v.prompt, MESSAGE_MAX) };
    if (v.error) {
      dv.errorAlert = { showAlert: true, style: 'Stop', title: clip('入力できない値です', TITLE_MAX), message: clip(v.error, MESSAGE_MAX) };
    }
  }
}

/**
 * Operations that build `spec` as a fresh sheet. An existing sheet of that name is replaced by
 * adding the new one first (a workbook must keep one visible sheet), moving it to the old
 * position, deleting the old one and taking over its name.
 */
export function sheetSpecOps(spec: SheetSpec, existing: ExistingSheet | undefined, budget: number): SpecOps {
  const name = spec.name;
  const width = Math.max(1, ...spec.rows.map((r) => r.length), spec.columns?.length ?? 0);
  const ops: WriteOp[] = [];

  ops.push({
    bytes: OP_OVERHEAD_BYTES * 4,
    sheet: name,
    queue: (t) => {
      const sheets = t.ctx.workbook.worksheets;
      if (!existing) {
        t.define(name, sheets.add(name));
        return;
      }
      const fresh = sheets.add(temporaryName(name));
      fresh.position = existing.position;
      sheets.getItem(name).delete();
      fresh.name = name;
      t.define(name, fresh);
    },
  });

  if (spec.rows.length > 0) {
    const items = spec.rows.map((r) => Array.from({ length: width }, (_, c) => toOfficeValue(r[c])));
    ops.push(...valueOps(name, { row: 0, col: 0, items }, budget));
  }

  const layoutBytes =
    OP_OVERHEAD_BYTES * (4 + (spec.columns?.length ?? 0) + (spec.merges?.length ?? 0) + (spec.validations?.length ?? 0) * 3) +
    jsonBytes(spec.validations ?? []);
  ops.push({
    bytes: layoutBytes,
    sheet: name,
    queue: (t) => {
      const ws = t.sheet(name);
      spec.columns?.forEach((col, c) => {
        const column = ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`);
        if (col.width !== undefined) column.format.columnWidth = col.width * POINTS_PER_CHAR;
        if (col.hidden) column.columnHidden = true;
      });
      for (const r of spec.headerRows ?? []) {
        const row = ws.getRangeByIndexes(r, 0, 1, width);
        row.format.font.bold = true;
        row.format.fill.color = HEADER_FILL;
      }
      for (const r of spec.headingRows ?? []) {
        const row = ws.getRangeByIndexes(r, 0, 1, width);
        row.format.font.bold = true;
        row.format.font.size = HEADING_FONT_SIZE;
      }
      if (spec.wrap && spec.rows.length > 0) ws.getRangeByIndexes(0, 0, spec.rows.length, width).format.wrapText = true;
      for (const merge of spec.merges ?? []) ws.getRange(merge).merge(false);
      for (const v of spec.validations ?? []) queueValidation(ws, v);
      if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
      if (spec.protection) {
        const unlocked = rectangles(spec.protection.unlocked.map((p) => ({ row: p.row, col: p.col, item: true })));
        for (const rect of unlocked) {
          ws.getRangeByIndexes(rect.row, rect.col, rect.items.length, rect.items[0].length).format.protection.locked = false;
        }
      }
    },
  });

  const finish: WriteOp[] = [];
  if (spec.state === 'hidden' || spec.state === 'veryHidden' || spec.protection) {
    finish.push({
      bytes: OP_OVERHEAD_BYTES * 2,
      sheet: name,
      queue: (t) => {
        const ws = t.sheet(name);
        if (spec.protection) {
          ws.protection.protect(
            { allowFormatCells: false, allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true },
            spec.protection.password,
          );
        }
        if (spec.state === 'hidden') ws.visibility = 'Hidden';
        if (spec.state === 'veryHidden') ws.visibility = 'VeryHidden';
      },
    });
  }
  return { ops, finish };
}
