import type { PlanDefinition } from '../definition/types';
import type { CellEdit, SheetSpec, WorkbookEdits } from '../edits';
import type { Scalar, WorkbookGrid } from '../grid';
import type { IndicatorTable, Plan } from '../model';
import { compact, scalarText } from '../text';
import type { FinalEvaluation, IndicatorEvaluation } from './final';

export const FINAL_SHEET = '最終評価';

const HEADER = ['基本施策', '基本指標項目', '基準値', '基準の年度', '目標値', '実績値', '達成状況', '達成率（%）', '評価', '説明'];

function verdictText(e: IndicatorEvaluation): string {
  const rate = e.rate === undefined ? '' : `（${e.rate}%）`;
  return `${e.verdict}${rate}${e.grade ? ` ${e.grade}` : ''}`;
}

/** The column the template names for the evaluation (definition `evaluation.column`), per table. */
function namedColumns(grid: WorkbookGrid, plan: Plan, name: string): Map<IndicatorTable, number> {
  const out = new Map<IndicatorTable, number>();
  for (const p of plan.policies) {
    const t = p.table;
    const sheet = t && grid.sheets.find((s) => s.name === t.sheet);
    if (!t || !sheet) continue;
    const row = sheet.rows[t.headerRow] ?? [];
    const col = row.findIndex((c) => compact(scalarText(c?.value)) === compact(name));
    if (col >= 0) out.set(t, col);
  }
  return out;
}

/**
 * Writes the evaluation where the template asks (a named column in each 基本指標 table) and,
 * always, as a 最終評価 sheet with every figure and note, so nothing rests on a column
 * some tables lack.
 */
export function finalEvaluationEdits(grid: WorkbookGrid, plan: Plan, definition: PlanDefinition, ev: FinalEvaluation): WorkbookEdits {
  const cells: CellEdit[] = [];
  const column = definition.evaluation?.column;
  if (column) {
    const cols = namedColumns(grid, plan, column);
    for (const p of plan.policies) {
      const col = p.table && cols.get(p.table);
      if (col === undefined) continue;
      for (const e of ev.indicators.filter((x) => x.policy === p.number))
        cells.push({ sheet: e.sheet, row: e.row, col, value: verdictText(e) });
    }
  }
  const rows: Scalar[][] = [[`${definition.name} 最終評価（${ev.year}年度）`], [ev.sentence], [], HEADER];
  for (const p of ev.policies) {
    for (const e of ev.indicators.filter((x) => x.policy === p.number)) {
      rows.push([
        `基本施策${p.number}`,
        e.name,
        e.base ?? '',
        e.baseYear ? `${e.baseYear}年度` : '',
        e.target ?? '',
        e.actual ?? '',
        e.verdict,
        e.rate ?? '',
        e.grade ?? '',
        e.note ?? '',
      ]);
    }
    rows.push([`基本施策${p.number} ${p.title}`, p.sentence]);
  }
  const sheet: SheetSpec = {
    name: FINAL_SHEET,
    rows,
    columns: [14, 40, 10, 10, 10, 10, 10, 10, 6, 60].map((width) => ({ width })),
    headingRows: [0],
    headerRows: [3],
    wrap: true,
    freezeRows: 4,
  };
  return { cells, sheets: [sheet] };
}
