import type { CellRef } from '../grid';
import type { OverviewRow, OverviewTable } from '../model';
import { compact } from '../text';
import { policyHeading } from './labels';
import type { SheetView } from './sheet';

/** The 概要 header: 基本施策 | 重点項目 | 目標値との比較. */
export function overviewColumns(view: SheetView, row: number): { policy: number; keyPoints?: number; arrow: number } | undefined {
  let policy: number | undefined;
  let keyPoints: number | undefined;
  let arrow: number | undefined;
  for (const c of view.filled(row)) {
    const t = compact(view.text(row, c));
    if (t === '基本施策') policy = c;
    else if (t === '重点項目') keyPoints = c;
    else if (/目標値との比較|進捗状況/.test(t)) arrow = c;
  }
  return policy !== undefined && arrow !== undefined ? { policy, keyPoints, arrow } : undefined;
}

export function readOverview(
  view: SheetView,
  headerRow: number,
  cols: { policy: number; keyPoints?: number; arrow: number },
  sentenceRef: CellRef | undefined,
): { table: OverviewTable; next: number } {
  const rows: OverviewRow[] = [];
  let r = headerRow + 1;
  for (; r < view.height; r++) {
    if (view.isBlank(r)) {
      if (rows.length > 0) break;
      continue;
    }
    const heading = policyHeading(view.text(r, cols.policy));
    if (!heading) break;
    rows.push({
      policy: heading.number,
      title: heading.title,
      keyPoints: cols.keyPoints !== undefined ? view.longText(r, cols.keyPoints) : '',
      arrowRef: { sheet: view.name, row: r, col: cols.arrow },
    });
  }
  return { table: { sheet: view.name, headerRow, rows, sentenceRef }, next: r };
}
