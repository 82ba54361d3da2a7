import type ExcelJS from 'exceljs';
import { columnLetters } from '../../plan/grid';
import type { ValidationSpec } from '../../plan/edits';
import { findSheet } from './sheet-names';

/** Hidden sheet holding list entries too long for an inline list. */
export const LISTS_SHEET = '_入力候補';

/** Excel rejects (and "repairs" away) an inline list source longer than this. */
export const INLINE_LIST_LIMIT = 255;
const PROMPT_LIMIT = 255;
const ERROR_LIMIT = 225;

const WHOLE_BOUND = 2_147_483_647;
const DECIMAL_BOUND = 1e15;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The inline form `"a,b,c"`, or undefined when Excel could not hold or parse it. */
export function inlineList(entries: readonly string[]): string | undefined {
  if (entries.some((e) => e.includes(',') || e.includes('"'))) return undefined;
  const formula = `"${entries.join(',')}"`;
  return formula.length <= INLINE_LIST_LIMIT ? formula : undefined;
}

function entryValue(entry: string): string | number {
  // Excel compares a typed number with a list cell by type, so numeric entries stay numbers.
  const n = Number(entry);
  return entry.trim() !== '' && String(n) === entry ? n : entry;
}

function listEntry(v: ExcelJS.CellValue): string | undefined {
  if (v === null) return '';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function columnHolds(ws: ExcelJS.Worksheet, col: number, entries: readonly string[]): boolean {
  return entries.every((e, i) => listEntry(ws.getCell(i + 1, col).value) === e) && ws.getCell(entries.length + 1, col).value === null;
}

/** Writes the entries to a column of the hidden list sheet, reusing a column that already holds them. */
function listReference(wb: ExcelJS.Workbook, entries: readonly string[]): string {
  const ws = findSheet(wb, LISTS_SHEET) ?? wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  let col = 1;
  while (ws.getCell(1, col).value !== null && !columnHolds(ws, col, entries)) col++;
  if (ws.getCell(1, col).value === null) entries.forEach((e, i) => (ws.getCell(i + 1, col).value = entryValue(e)));
  const letters = columnLetters(col - 1);
  return `'${LISTS_SHEET}'!$${letters}$1:$${letters}$${entries.length}`;
}

function bounds(spec: ValidationSpec): { operator: ExcelJS.DataValidationOperator; formulae: number[] } {
  const limit = spec.kind === 'whole' ? WHOLE_BOUND : DECIMAL_BOUND;
  if (spec.min !== undefined && spec.max !== undefined) return { operator: 'between', formulae: [spec.min, spec.max] };
  if (spec.min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [spec.min] };
  if (spec.max !== undefined) return { operator: 'lessThanOrEqual', formulae: [spec.max] };
  return { operator: 'between', formulae: [-limit, limit] };
}

function defaultError(spec: ValidationSpec): string {
  if (spec.kind === 'list') return '一覧から選んでください。';
  const what = spec.kind === 'whole' ? '整数' : '数値';
  if (spec.min !== undefined && spec.max !== undefined) return `${spec.min} から ${spec.max} までの${what}を入力してください。`;
  if (spec.min !== undefined) return `${spec.min} 以上の${what}を入力してください。`;
  if (spec.max !== undefined) return `${spec.max} 以下の${what}を入力してください。`;
  return `${what}を入力してください。`;
}

/** The ExcelJS rule for a spec; lists too long to inline go to the hidden list sheet. */
export function dataValidation(wb: ExcelJS.Workbook, spec: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '入力エラー',
    error: clip(spec.error ?? defaultError(spec), ERROR_LIMIT),
    ...(spec.prompt ? { showInputMessage: true, prompt: clip(spec.prompt, PROMPT_LIMIT) } : {}),
  };
  if (spec.kind === 'list') {
    const entries = spec.list ?? [];
    return { type: 'list', formulae: [inlineList(entries) ?? listReference(wb, entries)], ...common };
  }
  return { type: spec.kind, ...bounds(spec), ...common };
}
