import type { SheetSpec } from '../edits';
import type { Scalar, WorkbookGrid } from '../grid';
import { scalarText } from '../text';

/**
 * The two sheets compile keeps in the master: 提出履歴 (append-only, one row per changed
 * cell or per file) and 提出状況 (one row per department, rewritten each time).
 */
export const HISTORY_SHEET = '提出履歴';
export const STATUS_SHEET = '提出状況';
export const HISTORY_HEADER = ['日時', '課', 'ファイル名', 'SHA-256', 'シート', 'セル', '指標・事業', '変更前', '変更後'];
export const STATUS_HEADER = ['課', '状況', 'エラー', '警告', '最終提出日時', 'ファイル名', '備考'];
export type StatusWord = '提出済' | '未提出' | '差戻し';

export interface HistoryRow {
  time: string;
  department: string;
  file: string;
  sha256: string;
  sheet: string;
  cell: string;
  item: string;
  old: Scalar;
  value: Scalar;
}

export interface StatusRow {
  department: string;
  status: StatusWord;
  errors: number;
  warnings: number;
  time: string;
  file: string;
  note: string;
}

function dataRows(grid: WorkbookGrid, name: string): Scalar[][] {
  const sheet = grid.sheets.find((s) => s.name === name);
  return (sheet?.rows ?? []).slice(1).map((r) => r.map((c) => c?.value ?? null));
}

export function readHistory(grid: WorkbookGrid): HistoryRow[] {
  return dataRows(grid, HISTORY_SHEET)
    .filter((r) => r.some((v) => scalarText(v) !== ''))
    .map((r) => {
      const t = (i: number) => scalarText(r[i]);
      return {
        time: t(0),
        department: t(1),
        file: t(2),
        sha256: t(3),
        sheet: t(4),
        cell: t(5),
        item: t(6),
        old: r[7] ?? '',
        value: r[8] ?? '',
      };
    });
}

export function readStatus(grid: WorkbookGrid): Map<string, StatusRow> {
  const out = new Map<string, StatusRow>();
  for (const r of dataRows(grid, STATUS_SHEET)) {
    const t = (i: number) => scalarText(r[i]).trim();
    const status = t(1);
    if (!t(0) || (status !== '提出済' && status !== '未提出' && status !== '差戻し')) continue;
    out.set(t(0), { department: t(0), status, errors: Number(t(2)) || 0, warnings: Number(t(3)) || 0, time: t(4), file: t(5), note: t(6) });
  }
  return out;
}

/** Empty fields stay empty cells (not empty strings): fewer cells to write in a long history. */
export function historyScalars(rows: readonly HistoryRow[]): Scalar[][] {
  const cell = (v: Scalar) => (v === '' ? null : v);
  return rows.map((h) => [h.time, h.department, h.file, h.sha256, h.sheet, h.cell, h.item, h.old, h.value].map(cell));
}

/** The 提出履歴 sheet when the master has none yet; afterwards rows are only appended. */
export function newHistorySheet(): SheetSpec {
  return {
    name: HISTORY_SHEET,
    rows: [HISTORY_HEADER],
    headerRows: [0],
    columns: [20, 22, 28, 18, 12, 8, 40, 40, 40].map((width) => ({ width })),
    freezeRows: 1,
  };
}

export function statusSheet(rows: readonly StatusRow[]): SheetSpec {
  return {
    name: STATUS_SHEET,
    rows: [STATUS_HEADER, ...rows.map((s) => [s.department, s.status, s.errors, s.warnings, s.time, s.file, s.note])],
    headerRows: [0],
    columns: [24, 8, 8, 8, 20, 30, 60].map((width) => ({ width })),
    freezeRows: 1,
  };
}
