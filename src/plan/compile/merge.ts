import { narrativeOf, FIELD_LABELS, type Field, type PlanRow } from '../department-workbook';
import { a1, type CellRef, type GridCell, type Scalar } from '../grid';
import { shown } from './show';
import { asCell, canonical, valueToWrite } from './fields';
import type { HistoryRow } from './ledger';
import type { Conflict } from './types';
import type { Submitted } from './values';
import type { MasterDraft } from './master-draft';

export interface MergeContext {
  draft: MasterDraft;
  department: string;
  file: string;
  sha256: string;
  now: string;
  prefer: 'master' | 'submission';
}

export interface MergeOutcome {
  history?: HistoryRow;
  conflict?: Conflict;
}

/** The 提出履歴 row of this file for one cell it wrote (or was kept from writing). */
function historyRow(ctx: MergeContext, ref: CellRef, item: string, old: string, value: Scalar): HistoryRow {
  return {
    time: ctx.now,
    department: ctx.department,
    file: ctx.file,
    sha256: ctx.sha256,
    sheet: ref.sheet,
    cell: a1(ref.row, ref.col),
    item,
    old,
    value,
  };
}

function plain(cell: GridCell | undefined): string {
  const v = cell?.value;
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Three-way merge of one input cell: base (the value handed out), master (now) and the
 * submission. Only a value the department changed is considered. When the master changed
 * too — by anyone but this department's own earlier file — and to something else, that is a
 * conflict: the master's value stays unless the coordinator prefers submissions.
 * `compare` narrows what is compared (a shared indicator's prose without its ◆ contribution lines).
 */
export function mergeCell(
  ctx: MergeContext,
  sv: Submitted,
  row: PlanRow,
  field: Field,
  ref: CellRef,
  compare: (field: Field, cell: GridCell | undefined) => string = canonical,
): MergeOutcome {
  const sub = compare(field, sv.cell);
  const base = compare(field, asCell(sv.input.base));
  if (sub === base) return {};
  const current = ctx.draft.current(ref);
  const cur = compare(field, current);
  if (sub === cur) return {};
  const writer = ctx.draft.lastWriter(ref);
  const ownEarlier = writer !== undefined && writer.department === ctx.department && compare(field, asCell(writer.value)) === cur;
  const masterChanged = cur !== base && !ownEarlier;
  const value = valueToWrite(field, sv.cell, row.unit);
  const item = `${row.label}（${FIELD_LABELS[field]}）`;
  const cell = a1(ref.row, ref.col);
  let conflict: Conflict | undefined;
  if (masterChanged) {
    const kept = ctx.prefer === 'submission' ? 'submission' : 'master';
    conflict = {
      file: ctx.file,
      department: ctx.department,
      sheet: ref.sheet,
      cell,
      item,
      base: plain(asCell(sv.input.base)),
      master: plain(current),
      submission: String(value ?? ''),
      kept,
    };
    ctx.draft.mark(ref, {
      mark: 'conflict',
      note: `競合: ${ctx.department}（${ctx.file}）の値 ${shown(value, 200)} と、配布後に取りまとめ用ブックで変わった値 ${shown(plain(current), 200)} が違います。${kept === 'master' ? '取りまとめ用ブックの値を残しました。' : '提出された値を入れました。'}`,
    });
    if (kept === 'master')
      return { conflict, history: historyRow(ctx, ref, `${item} 競合のため取り込まず`, plain(current), plain(current)) };
  }
  ctx.draft.set(ref, value);
  return { conflict, history: historyRow(ctx, ref, item, plain(current), value) };
}

/** For a shared indicator's 増減理由: only the coordinator's prose counts, not the ◆ contribution lines. */
export function compareNarrative(field: Field, cell: GridCell | undefined): string {
  return narrativeOf(canonical(field, cell));
}
