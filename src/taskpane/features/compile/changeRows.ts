import { cellKeyAt, HISTORY_HEADER, HISTORY_SHEET, scalarText, type CompileResult } from '../../../plan';

/** One cell 取りまとめ would write (or, for a conflict, leave), as the preview table lists it. */
export interface ChangeRow {
  department: string;
  sheet: string;
  cell: string;
  /** The indicator or project the cell belongs to. */
  item: string;
  before: string;
  after: string;
  /** Changed on both sides since the files were handed out; `kept` says whose value stays. */
  conflict?: 'master' | 'submission';
}

export type ChangeSortKey = 'department' | 'place' | 'item';

const column = (name: string) => HISTORY_HEADER.indexOf(name);
const COL = {
  department: column('課'),
  sheet: column('シート'),
  cell: column('セル'),
  item: column('指標・事業'),
  before: column('変更前'),
  after: column('変更後'),
};

/**
 * Every cell the compile would change, read from the 提出履歴 rows it would append (one per
 * changed cell: the record the coordinator keeps), plus each conflict where the master's value
 * stays, which changes nothing and so has no such row.
 */
export function changeRows(result: CompileResult): ChangeRow[] {
  const text = scalarText;
  const history = (result.edits.appends ?? []).filter((a) => a.sheet === HISTORY_SHEET).flatMap((a) => a.rows);
  const conflicts = new Map(result.conflicts.map((c) => [cellKeyAt(c.sheet, c.cell), c]));
  const rows: ChangeRow[] = [];
  for (const r of history) {
    const row: ChangeRow = {
      department: text(r[COL.department]),
      sheet: text(r[COL.sheet]),
      cell: text(r[COL.cell]),
      item: text(r[COL.item]),
      before: text(r[COL.before]),
      after: text(r[COL.after]),
    };
    const conflict = conflicts.get(cellKeyAt(row.sheet, row.cell));
    if (conflict) {
      conflicts.delete(cellKeyAt(row.sheet, row.cell));
      rows.push({ ...row, conflict: conflict.kept });
    } else if (/^[A-Z]+\d+$/.test(row.cell) && row.before !== row.after) {
      // The record also notes whole-file events (a file sent back, a year rolled over) and
      // cells left as they were: those are not changes to list cell by cell.
      rows.push(row);
    }
  }
  for (const c of conflicts.values()) {
    rows.push({
      department: c.department,
      sheet: c.sheet,
      cell: c.cell,
      item: c.item,
      before: c.master,
      after: c.master,
      conflict: c.kept,
    });
  }
  return rows;
}

/** Conflicts first, then by the chosen key (課, sheet and cell in sheet order, or item). */
export function sortChanges(rows: readonly ChangeRow[], key: ChangeSortKey, descending = false): ChangeRow[] {
  const collator = new Intl.Collator('ja', { numeric: true });
  // Sheet, then row, then column: B9 before B10, and Z5 before AA5.
  const place = (r: ChangeRow) => {
    const m = /^([A-Z]+)(\d+)$/.exec(r.cell);
    return `${r.sheet}\u0000${m ? `${m[2].padStart(7, '0')}${m[1].padStart(3, ' ')}` : r.cell}`;
  };
  const value = (r: ChangeRow) => (key === 'department' ? r.department : key === 'item' ? r.item : place(r));
  return [...rows].sort((a, b) => {
    const byConflict = Number(Boolean(b.conflict)) - Number(Boolean(a.conflict));
    if (byConflict !== 0) return byConflict;
    const order = collator.compare(value(a), value(b)) || collator.compare(place(a), place(b));
    return descending ? -order : order;
  });
}
