import type { SheetGrid } from '../../plan/grid';

/** Rows `top`..`top + count - 1`, all hidden or all shown in the grid they were read into. */
export interface HiddenRun {
  top: number;
  count: number;
  hidden: boolean;
}

/**
 * The rows of `sheet` that a full read would mark hidden or not — from its first row with
 * anything in it (rows above the used range are never reported) to the last of `sheet` and
 * `spans` — cut into runs of one state. Loading `rowHidden` on each run tells, in a few
 * loads whatever the sheet's size, whether any of those rows was hidden or shown since.
 */
export function hiddenRuns(sheet: SheetGrid, spans: readonly { top: number; bottom: number }[]): HiddenRun[] {
  const filled = sheet.rows.findIndex((row) => row.some((c) => c != null));
  const tops = spans.map((s) => s.top);
  if (filled >= 0) tops.push(filled);
  if (tops.length === 0) return [];
  const from = Math.min(...tops);
  const to = Math.max(sheet.rows.length - 1, ...spans.map((s) => s.bottom));
  const hidden = new Set(sheet.hiddenRows ?? []);
  const runs: HiddenRun[] = [];
  for (let r = from; r <= to; r++) {
    const last = runs.at(-1);
    if (last && last.hidden === hidden.has(r)) last.count++;
    else runs.push({ top: r, count: 1, hidden: hidden.has(r) });
  }
  return runs;
}

/**
 * `sheet` after rows were patched in, with its hidden rows cut to what a full read reports:
 * those within the used range, which the patch may have grown or shrunk.
 */
export function withHiddenInUse(sheet: SheetGrid): SheetGrid {
  if (!sheet.hiddenRows) return sheet;
  const first = sheet.rows.findIndex((row) => row.some((c) => c != null));
  const kept = first < 0 ? [] : sheet.hiddenRows.filter((r) => r >= first && r < sheet.rows.length);
  if (kept.length === sheet.hiddenRows.length) return sheet;
  const { hiddenRows: _dropped, ...rest } = sheet;
  return kept.length > 0 ? { ...rest, hiddenRows: kept } : rest;
}
