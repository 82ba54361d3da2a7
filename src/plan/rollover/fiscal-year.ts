import { rollOver } from '../compile/rollover';
import { MasterDraft } from '../compile/master-draft';
import { definitionEntries, definitionOf } from '../definition/stored';
import type { SheetSpec, WorkbookEdits } from '../edits';
import type { Scalar, WorkbookGrid } from '../grid';
import { METADATA_SHEET, TEMPLATE_VERSION } from '../recognize/metadata';
import { masterYear, SplitError, viewMaster } from '../split';
import { scalarText } from '../text';

export const ROLLOVER_SHEET = '年度切替の記録';
const ROLLOVER_HEADER = ['日時', '元の年度', '新しい年度', '内容'];

export interface Rollover {
  from: number;
  to: number;
  edits: WorkbookEdits;
  notices: string[];
  /** What the edits empty: 増減理由 (kept in a note) and 実施計画 取組状況・達成度 cells. */
  cleared: { reasons: number; projectCells: number };
}

/**
 * Carries a master into the next fiscal year: the 実施計画 moves on (compile's rollOver), last
 * year's 増減理由 are emptied but kept as a note on their cell for reference, the metadata
 * names the new year, and the change is recorded on a 年度切替の記録 sheet.
 */
export function rolloverMaster(master: WorkbookGrid, to: number, now: string, masterFile: string): Rollover {
  const from = masterYear(master);
  if (from === undefined)
    throw new SplitError(
      `${masterFile} からは今の年度が分かりません。取りまとめ用ブック（shinchoku init で作成したもの）を指定してください。`,
    );
  if (to <= from) throw new SplitError(`${masterFile} は既に${from}年度のブックです。--to には${from + 1}年度以降を指定してください。`);
  const view = viewMaster(master, to);
  const draft = new MasterDraft(master, []);
  const rolled = rollOver(view, draft, now, masterFile);
  let kept = 0;
  for (const p of view.plan.policies) {
    for (const ind of p.table?.indicators ?? []) {
      const reason = ind.reason;
      if (!reason?.text.trim()) continue;
      draft.set(reason.ref, '');
      draft.mark(reason.ref, { note: `${from}年度の記入（参考）:\n${reason.text}` });
      kept++;
    }
  }
  const notices = [rolled.notice?.text, `${from}年度の増減理由 ${kept} 件を空欄にし、それぞれのセルのメモに残しました。`].filter(
    (n): n is string => n !== undefined && n !== '',
  );
  const edits: WorkbookEdits = { cells: draft.edits(), sheets: [], appends: [] };
  const meta = master.sheets.find((s) => s.name === METADATA_SHEET);
  const at = meta?.rows.findIndex((r) => scalarText(r[0]?.value) === 'fiscalYear') ?? -1;
  if (meta && at >= 0) edits.cells.push({ sheet: METADATA_SHEET, row: at, col: 1, value: String(to) });
  else {
    const rows: Scalar[][] = meta
      ? meta.rows.map((r) => r.map((c) => c?.value ?? null))
      : [...definitionEntries(definitionOf(view.plan)), ['templateVersion', TEMPLATE_VERSION], ['kind', 'master']];
    const sheet: SheetSpec = { name: METADATA_SHEET, rows: [...rows, ['fiscalYear', String(to)]], state: 'veryHidden' };
    edits.sheets?.push(sheet);
  }
  const record = [now, `${from}年度`, `${to}年度`, notices.join(' ')];
  if (master.sheets.some((s) => s.name === ROLLOVER_SHEET)) edits.appends?.push({ sheet: ROLLOVER_SHEET, rows: [record] });
  else
    edits.sheets?.push({
      name: ROLLOVER_SHEET,
      rows: [ROLLOVER_HEADER, record],
      headerRows: [0],
      columns: [20, 10, 10, 90].map((width) => ({ width })),
    });
  return { from, to, edits, notices, cleared: { reasons: kept, projectCells: rolled.cleared ?? 0 } };
}

/** The master carried into the year after its own: the pane's 次の年度へ切り替える. */
export function rolloverToNextYear(master: WorkbookGrid, now: string, masterFile: string): Rollover {
  const from = masterYear(master);
  // Without a year of its own, rolloverMaster refuses with the message naming the file.
  return rolloverMaster(master, (from ?? 0) + 1, now, masterFile);
}
