import ExcelJS from 'exceljs';
import type { GridCell, Scalar } from '../../plan/grid';

/** ExcelJS's ValueType numbers; its enum is declared ambient, so it cannot be imported under isolatedModules. */
const T = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** ExcelJS dates are UTC instants; a date with no time of day becomes `YYYY-MM-DD`. */
export function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.slice(0, 19);
}

/** ExcelJS types the formula as always there; a cell of a shared or array formula can lack it. */
function formulaText(cell: ExcelJS.Cell): string | undefined {
  return cell.formula;
}

function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    // A run without text (a malformed file) joins as ''.
    return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  }
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function errorOf(v: unknown): string | undefined {
  if (v && typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') {
    return (v as { error: string }).error;
  }
  return undefined;
}

function scalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  return plainText(v) || null;
}

function withFormat(cell: ExcelJS.Cell, out: GridCell): GridCell {
  const fmt = cell.numFmt;
  if (fmt && fmt.toLowerCase() !== 'general') out.numFmt = fmt;
  return out;
}

/** The grid view of one ExcelJS cell; null for empty cells and the covered part of a merge. */
export function gridCell(cell: ExcelJS.Cell): GridCell | null {
  switch (cell.type as number) {
    case T.Null:
    case T.Merge:
      return null;
    case T.Number:
    case T.String:
    case T.Boolean:
      return withFormat(cell, { value: cell.value as Scalar });
    case T.SharedString:
    case T.RichText:
      return withFormat(cell, { value: plainText(cell.value) });
    case T.Hyperlink:
      return withFormat(cell, { value: plainText((cell.value as ExcelJS.CellHyperlinkValue).text) });
    case T.Date:
      return withFormat(cell, { value: scalar(cell.value) });
    case T.Error:
      return withFormat(cell, { value: null, error: errorOf(cell.value) ?? '#VALUE!' });
    case T.Formula: {
      // cell.result, not cell.value: ExcelJS's value copy drops falsy results such as 0.
      const result: unknown = cell.result;
      const formula = formulaText(cell);
      const error = errorOf(result);
      if (error) return withFormat(cell, { value: null, formula: formula ?? '', error });
      return withFormat(cell, { value: scalar(result), formula: formula ?? '' });
    }
    default:
      return withFormat(cell, { value: scalar(cell.value) });
  }
}
