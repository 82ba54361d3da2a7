import { reyear, type MasterView } from '../department-workbook';
import { a1, type CellRef } from '../grid';
import { said, type Said } from '../messages';
import type { HistoryRow } from './ledger';
import type { MasterDraft } from './master-draft';

/**
 * The 実施計画 holds one year's 取組状況 and 達成度. Compiling a later year moves it on:
 * the headers and title name the new year, and last year's entries are emptied, because
 * under the new headings they would read as this year's report. The split hands out the
 * same empty cells, so the merge sees no change on the master's side.
 */
export function rollOver(
  view: MasterView,
  draft: MasterDraft,
  now: string,
  masterFile: string,
): { history: HistoryRow[]; notice?: Said; cleared?: number } {
  const table = view.plan.projects;
  if (view.projectYear !== 'rollover' || !table || table.year === undefined) return { history: [] };
  const from = table.year;
  const to = view.year;
  const retitle = (ref: CellRef) => {
    const v = draft.current(ref)?.value;
    if (typeof v === 'string' && reyear(v, from, to) !== v) draft.set(ref, reyear(v, from, to));
  };
  const sheet = view.sheets.get(table.sheet);
  for (let r = 0; r <= table.headerRow; r++) {
    const width = sheet?.rows[r]?.length ?? 0;
    for (let c = 0; c < width; c++) retitle({ sheet: table.sheet, row: r, col: c });
  }
  const overview = view.plan.overview;
  if (overview) {
    const s = view.sheets.get(overview.sheet);
    for (let r = 0; r < overview.headerRow; r++) {
      for (let c = 0; c < (s?.rows[r]?.length ?? 0); c++) {
        const ref = { sheet: overview.sheet, row: r, col: c };
        if (/実施報告/.test(String(draft.current(ref)?.value ?? ''))) retitle(ref);
      }
    }
  }
  let cleared = 0;
  for (const p of table.projects) {
    for (const cell of [p.status, p.achievement]) {
      // A cell that was already empty is not cleared: the notice counts only entries removed.
      const v = cell && draft.current(cell.ref)?.value;
      if (!cell || v === undefined || v === null || String(v).trim() === '') continue;
      draft.set(cell.ref, '');
      cleared++;
    }
  }
  const what = `実施計画を${from}年度から${to}年度に切り替え、${from}年度の取組状況・達成度 ${cleared} セルを空欄にしました`;
  return {
    notice: said('projects-rolled-over', { master: masterFile, from, to, cleared }),
    cleared,
    history: [
      {
        time: now,
        department: '（取りまとめ）',
        file: masterFile,
        sha256: '',
        sheet: table.sheet,
        cell: a1(table.headerRow, 0),
        item: what,
        old: '',
        value: '',
      },
    ],
  };
}
