import type { MasterView, PlanRow } from '../department-workbook';
import { rowKeyText } from '../keys';
import { a1 } from '../grid';
import { said, type Said } from '../messages';
import { locate, type Examined } from './examine';
import { asCell, canonical, figureOf } from './fields';
import type { HistoryRow } from './ledger';
import { compareNarrative, mergeCell, type MergeContext } from './merge';
import type { ContributionTotals } from './totals';
import type { CompileOptions, Conflict } from './types';
import type { MasterDraft } from './master-draft';

/** What one compile carries from file to file. */
export interface Run {
  view: MasterView;
  draft: MasterDraft;
  contributions: ContributionTotals;
  options: CompileOptions;
  history: HistoryRow[];
  conflicts: Conflict[];
}

/**
 * Applies one accepted file: its contribution rows, then each input cell of a row it owns.
 * Returns its 提出履歴 rows, its warnings and how many cells of OUT it changed.
 */
export function applySubmission(run: Run, ex: Examined): { history: HistoryRow[]; warnings: Said[]; applied: number } {
  const { view, draft, contributions, options } = run;
  const dept = ex.department;
  if (dept === undefined) throw new Error(`${ex.input.file}: 課が分からないファイルは取り込めません。`);
  const file = ex.input.file;
  const recorded = contributions.record(ex, dept, options.now);
  const history = [...recorded.history];
  const warnings = [...recorded.warnings];
  let applied = recorded.history.length;
  const ctx: MergeContext = {
    draft,
    department: dept,
    file,
    sha256: ex.input.sha256,
    now: options.now,
    prefer: options.prefer ?? 'master',
  };
  const rows = view.byKey;
  const summed = contributions.summed();
  for (const sv of ex.values) {
    const { field, key } = sv.input;
    if (field === 'contribName' || field === 'contribValue') continue;
    const changed = canonical(field, sv.cell) !== canonical(field, asCell(sv.input.base));
    const row: PlanRow | undefined = rows.get(key);
    const ref = row?.inputs[field];
    const where = (s: Said) => locate(file, sv.input.sheet, cellName(sv), s);
    if (!row || !ref) {
      if (changed) warnings.push(where(said('row-not-in-master', { key: rowKeyText(key) })));
      continue;
    }
    if (row.owner !== dept) {
      if (changed) warnings.push(where(said('row-owned-elsewhere', { label: row.label, owner: row.owner ?? '' })));
      continue;
    }
    const sharedTotal = row.kind !== 'project' && row.shared && summed.has(row.indicator.key);
    if (field === 'actual' && sharedTotal) {
      const note = changed ? contributions.mismatch(row, figureOf(sv.cell)) : undefined;
      if (note) warnings.push(where(note));
      continue;
    }
    const outcome = mergeCell(ctx, sv, row, field, ref, field === 'reason' && sharedTotal ? compareNarrative : canonical);
    if (outcome.conflict) run.conflicts.push(outcome.conflict);
    if (outcome.history) {
      history.push(outcome.history);
      if (!(outcome.conflict && outcome.conflict.kept === 'master')) applied++;
    }
  }
  return { history, warnings, applied };
}

function cellName(sv: { input: { row: number; col: number } }): string {
  return a1(sv.input.row, sv.input.col);
}
