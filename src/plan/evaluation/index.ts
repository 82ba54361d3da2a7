import { definitionOf } from '../definition/stored';
import type { WorkbookEdits } from '../edits';
import type { WorkbookGrid } from '../grid';
import type { Plan } from '../model';
import { evaluateFinal, isFinalYear, type FinalEvaluation } from './final';
import { finalEvaluationEdits } from './write';

export * from './final';
export { FINAL_SHEET, finalEvaluationEdits } from './write';

/** In the plan's target year, its final evaluation and the edits that write it; otherwise nothing. */
export function finalEvaluationFor(
  grid: WorkbookGrid,
  plan: Plan,
  year: number | undefined,
): { evaluation: FinalEvaluation; edits: WorkbookEdits } | undefined {
  const definition = definitionOf(plan);
  if (!isFinalYear(definition, year)) return undefined;
  const evaluation = evaluateFinal(plan, definition, year);
  return { evaluation, edits: finalEvaluationEdits(grid, plan, definition, evaluation) };
}
