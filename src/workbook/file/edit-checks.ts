import type ExcelJS from 'exceljs';
import { a1, type Scalar } from '../../plan/grid';
import type { SheetSpec, ValidationSpec, WorkbookEdits } from '../../plan/edits';
import * as messages from './messages';
import { inSheet, overlaps, parseAreas, parseRange, type Bounds } from './ranges';
import { findSheet, sheetNameProblem } from './sheet-names';

/**
 * Everything in a WorkbookEdits that could fail half way through, checked before the
 * workbook is touched, so a rejected batch leaves the workbook exactly as it was.
 */

/** Excel's limit on the text in one cell. */
export const MAX_CELL_TEXT = 32_767;

const MERGED = 1; // ExcelJS ValueType.Merge

function scalarProblem(v: Scalar | undefined): string | undefined {
  if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
    return `文字列が長すぎます (${v.length} 文字)。Excel のセルに入るのは ${MAX_CELL_TEXT} 文字までです。`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return `数値として扱えない値 (${v}) です。`;
  return undefined;
}

function checkRows(file: string, sheet: string, rows: readonly Scalar[][]): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const problem = scalarProblem(v);
      if (problem) throw messages.invalidCell(file, sheet, a1(r, c), problem);
    }),
  );
  if (rows.length > 0 && !inSheet(rows.length - 1, Math.max(0, ...rows.map((r) => r.length - 1)))) {
    throw messages.invalidCell(file, sheet, '', 'シートに収まらない大きさです。');
  }
}

function checkValidation(file: string, sheet: string, v: ValidationSpec): void {
  if (!parseAreas(v.range)) throw messages.invalidRange(file, sheet, v.range, '入力規則');
  const fail = (why: string) => messages.invalidValidation(file, sheet, v.range, why);
  if (v.kind === 'list') {
    if (!v.list || v.list.length === 0) throw fail('選択肢がありません。');
    if (v.list.some((e) => e.length > MAX_CELL_TEXT)) throw fail('長すぎる選択肢があります。');
    return;
  }
  for (const n of [v.min, v.max]) {
    if (n === undefined) continue;
    if (!Number.isFinite(n)) throw fail(`上限・下限が数値ではありません (${n})。`);
    if (v.kind === 'whole' && !Number.isInteger(n)) throw fail(`整数の入力規則の上限・下限が整数ではありません (${n})。`);
  }
  if (v.min !== undefined && v.max !== undefined && v.min > v.max) throw fail(`下限 ${v.min} が上限 ${v.max} より大きくなっています。`);
}

function checkSpec(file: string, spec: SheetSpec): Bounds[] {
  const problem = sheetNameProblem(spec.name);
  if (problem) throw messages.invalidSheetName(file, spec.name, problem);
  checkRows(file, spec.name, spec.rows);
  const merges: Bounds[] = [];
  for (const m of spec.merges ?? []) {
    const b = parseRange(m);
    if (!b || merges.some((other) => overlaps(other, b))) throw messages.invalidRange(file, spec.name, m, 'セル結合');
    merges.push(b);
  }
  for (const v of spec.validations ?? []) checkValidation(file, spec.name, v);
  for (const cell of spec.protection?.unlocked ?? []) {
    if (!inSheet(cell.row, cell.col))
      throw messages.invalidCell(file, spec.name, `${cell.row},${cell.col}`, '保護を外すセルの位置が正しくありません。');
  }
  if (spec.freezeRows !== undefined && !(Number.isInteger(spec.freezeRows) && spec.freezeRows >= 0 && spec.freezeRows < 1_048_576)) {
    throw messages.invalidCell(file, spec.name, '', `固定する行数 (${spec.freezeRows}) が正しくありません。`);
  }
  return merges;
}

export function checkEdits(wb: ExcelJS.Workbook, edits: WorkbookEdits, file: string): void {
  const specMerges = new Map<string, Bounds[]>();
  for (const spec of edits.sheets ?? []) specMerges.set(spec.name.toLowerCase(), checkSpec(file, spec));

  const created = new Set(specMerges.keys());
  for (const append of edits.appends ?? []) {
    if (!findSheet(wb, append.sheet) && !created.has(append.sheet.toLowerCase())) {
      const problem = sheetNameProblem(append.sheet);
      if (problem) throw messages.invalidSheetName(file, append.sheet, problem);
      created.add(append.sheet.toLowerCase());
    }
    checkRows(file, append.sheet, append.rows);
  }

  const sheets = new Map<string, ExcelJS.Worksheet | undefined>();
  for (const edit of edits.cells) {
    const key = edit.sheet.toLowerCase();
    if (!sheets.has(edit.sheet)) sheets.set(edit.sheet, findSheet(wb, edit.sheet));
    const ws = sheets.get(edit.sheet);
    if (!ws && !created.has(key)) throw messages.sheetMissing(file, edit.sheet);
    if (!inSheet(edit.row, edit.col)) {
      throw messages.invalidCell(file, edit.sheet, `${edit.row},${edit.col}`, 'セルの位置が正しくありません。');
    }
    const address = a1(edit.row, edit.col);
    const problem = scalarProblem(edit.value);
    if (problem) throw messages.invalidCell(file, edit.sheet, address, problem);
    if (edit.value === undefined) continue;
    // Writing into the covered part of a merge would land in its top-left cell and
    // overwrite a value the engine never read, so it is refused instead.
    const merges = specMerges.get(key);
    if (merges) {
      const hit = merges.find((m) => overlaps(m, { top: edit.row, left: edit.col, bottom: edit.row, right: edit.col }));
      if (hit && (hit.top !== edit.row || hit.left !== edit.col)) {
        throw messages.invalidCell(file, edit.sheet, address, `結合セルの一部です (値は ${a1(hit.top, hit.left)} に入ります)。`);
      }
    } else if (ws) {
      const cell = ws.findCell(edit.row + 1, edit.col + 1);
      if (cell && (cell.type as number) === MERGED && cell.master !== cell) {
        throw messages.invalidCell(file, edit.sheet, address, `結合セルの一部です (値は ${cell.master.address} に入ります)。`);
      }
    }
  }
}
