import type { WorkbookGrid } from './grid';
import { parseA1 } from './grid';
import { departmentSheetFindings } from './department-sheet-findings';
import { cellKeyAt } from './keys';
import type { WorkbookEdits } from './edits';
import type { Finding } from './findings';
import { finding } from './rules';
import { indicatorFlags } from './flags';
import { allIndicators, type Indicator, type Plan } from './model';
import { buildProgress } from './summary';
import { recognizeSteps } from './recognize';
import { readMetadata } from './recognize/metadata';
import type { ProgressReport, RevisionFlag } from './report';
import { directionOf, latestActualYear, strayEntries } from './progress';
import { refAddress } from './grid';
import { validate } from './validate';
import { coverageOf, type Coverage } from './coverage';
import { resolveDefinition } from './definition/stored';
import { repeatFindings } from './definition/repeats';
import type { PlanDefinition } from './definition/types';
import { runSteps, type Steps } from './steps';

export interface AnalyzeOptions {
  /** Fiscal year to check and report; default: the latest year with actuals. */
  year?: number;
  /** Year-on-year change beyond this ratio (either way) is a warning. Default 2. */
  jumpRatio?: number;
  /** Departments accepted besides the known list. */
  departments?: ReadonlySet<string>;
  /** The plan (`--plan`); default: the definition stored in the workbook, else the shipped one. */
  definition?: PlanDefinition;
}

export interface Analysis {
  source: string;
  plan: Plan;
  year?: number;
  findings: Finding[];
  flags: RevisionFlag[];
  progress?: ProgressReport;
  counts: { policies: number; indicators: number; projects: number; surveyIndicators: number };
  /** Japanese descriptions of template parts that were not found. */
  missing: string[];
  /** True when no table at all was recognised: the file is not this plan's report. */
  unrecognised: boolean;
  /** What was read and what was not: 「基本施策 7/7、基本指標 36/36」. Incomplete ⇒ no answer is final. */
  coverage: Coverage;
}

export const DEFAULT_JUMP_RATIO = 2;

export { inputCells } from './split/input-cells';

/** Reads the grid into the plan, checks it, and works out progress for the year. */
export function analyze(grid: WorkbookGrid, options: AnalyzeOptions = {}): Analysis {
  return runSteps(analyzeSteps(grid, options));
}

/** analyze, yielding between its stages and inside the reading of large tables (see ./steps). */
export function* analyzeSteps(grid: WorkbookGrid, options: AnalyzeOptions = {}): Steps<Analysis> {
  const definition = resolveDefinition(grid, options.definition);
  yield;
  const { plan, findings, skipped, skippedColumns } = yield* recognizeSteps(grid, definition);
  const tables = [...plan.policies.flatMap((p) => (p.table ? [p.table] : [])), ...(plan.survey ? [plan.survey] : [])];
  // A department's workbook (shinchoku split) is checked for the year it was handed out
  // for, not for the latest year that already has figures.
  const meta = readMetadata(grid);
  const handedOut = meta.entries.get('kind') === 'department' ? meta.fiscalYear : undefined;
  const inferred = latestActualYear(tables, definition.period.last);
  const year = options.year ?? handedOut ?? inferred ?? plan.reportYear;
  if (options.year === undefined && handedOut === undefined && inferred !== undefined) {
    for (const s of strayEntries(tables, inferred, definition.period.last)) {
      findings.push(
        finding('stray-later-value', s.cell.ref.sheet, refAddress(s.cell.ref), {
          name: s.indicator.name,
          year: s.year,
          raw: s.cell.parsed.raw,
          inferred,
        }),
      );
    }
  }
  for (const t of tables) {
    for (const ind of t.indicators) {
      if (!ind.progressFormula || !ind.progressRef) continue;
      findings.push(
        finding('progress-formula', ind.progressRef.sheet, refAddress(ind.progressRef), { name: ind.name, formula: ind.progressFormula }),
      );
    }
  }
  const counts = {
    policies: plan.policies.length,
    indicators: allIndicators(plan).length,
    projects: plan.projects?.projects.length ?? 0,
    surveyIndicators: plan.survey?.indicators.length ?? 0,
  };
  const unrecognised = tables.length === 0 && !plan.projects && !plan.overview;
  const missing: string[] = [];
  for (const def of definition.policies)
    if (!plan.policies.some((p) => p.number === def.number)) missing.push(`基本施策${def.number}の基本指標の表`);
  if (!plan.survey) missing.push('全体指標の表');
  if (!plan.projects) missing.push('実施計画の表');
  if (!plan.overview) missing.push('概要（目標値との比較）の表');

  // A department's workbook holds only its own 施策; the master must hold all of them.
  const expected = handedOut !== undefined ? plan.policies.map((p) => p.number) : definition.policies.map((p) => p.number);
  const coverage = coverageOf(plan, skipped, expected, year, skippedColumns);

  const flags: RevisionFlag[] = [];
  for (const t of tables) {
    for (const ind of t.indicators) flags.push(...indicatorFlags(ind, t.years, directionOf(ind, t.years)));
    yield;
  }

  if (year !== undefined) {
    const checks = { jumpRatio: options.jumpRatio ?? DEFAULT_JUMP_RATIO, departments: options.departments };
    const validated = validate(plan, { year, ...checks });
    yield;
    const ofDepartmentSheets = departmentSheetFindings(grid, checks);
    yield;
    findings.push(...validated, ...ofDepartmentSheets, ...repeatFindings(plan, definition));
    yield;
  }
  const progress = year !== undefined && tables.length > 0 ? buildProgress(plan, year, flags) : undefined;
  return { source: grid.source, plan, year, findings, flags, progress, counts, missing, unrecognised, coverage };
}

export interface ProgressEditOptions {
  /** Write arrows over the office's own formulas in 進捗状況 cells (asked for explicitly). */
  overwriteFormulas?: boolean;
}

/** Arrows, 施策 summaries, ◇ sentences, survey arrows, and marks for flagged indicators. */
export function progressEdits(analysis: Analysis, options: ProgressEditOptions = {}): WorkbookEdits {
  const edits: WorkbookEdits = { cells: [] };
  const report = analysis.progress;
  if (!report) return edits;
  const { plan } = analysis;
  const indicatorsByKey = new Map(allIndicators(plan).map((i) => [i.key, i]));
  const arrowCell = (ind: Indicator | undefined, arrow: string | undefined) => {
    if (!ind?.progressRef || !arrow) return;
    if (ind.progressFormula && !options.overwriteFormulas) return;
    edits.cells.push({ ...ind.progressRef, value: arrow, mark: 'arrow' });
  };
  for (const t of [...plan.policies.flatMap((p) => (p.table ? [p.table] : [])), ...(plan.survey ? [plan.survey] : [])]) {
    if (t.addedProgressCol !== undefined) {
      edits.cells.push({
        sheet: t.sheet,
        row: t.headerRow,
        col: t.addedProgressCol,
        value: '進捗状況',
        note: '進捗状況の列がなかったため、目標値の右に加えました。',
      });
    }
  }
  for (const p of report.policies) {
    const policy = plan.policies.find((x) => x.number === p.number);
    for (const ip of p.indicators) arrowCell(indicatorsByKey.get(ip.key), ip.progress);
    if (policy) writeSentences(edits, policy.sentenceRefs, [p.sentence, ...p.notes]);
    const row = plan.overview?.rows.find((r) => r.policy === p.number);
    if (row?.arrowRef && p.progress) edits.cells.push({ ...row.arrowRef, value: p.progress, mark: 'arrow' });
  }
  if (plan.overview?.sentenceRef) edits.cells.push({ ...plan.overview.sentenceRef, value: report.overall.sentence, mark: 'sentence' });
  if (report.survey && plan.survey) {
    const byKey = new Map(plan.survey.indicators.map((i) => [i.key, i]));
    for (const ip of report.survey.indicators) arrowCell(byKey.get(ip.key), ip.progress);
    if (plan.survey.sentenceRef) edits.cells.push({ ...plan.survey.sentenceRef, value: report.survey.sentence, mark: 'sentence' });
    for (const c of plan.survey.commentary) {
      const text = withPolicyCount(c.text, report.overall.policiesUp, report.overall.policiesTotal);
      if (text !== c.text) edits.cells.push({ ...c.ref, value: text, mark: 'sentence' });
    }
  }
  edits.cells.push(...revisionEdits(analysis).cells);
  return edits;
}

/**
 * The coordinator's own commentary (`◇ 7つの基本施策の実績値は5項目が目標値に近づいていますが、…`)
 * stays as written; only the counts in it follow this year's results.
 */
export function withPolicyCount(text: string, up: number, total: number): string {
  return text.replace(
    /^([-・]?\s*◇\s*)?(\d+)つの基本施策の実績値は(\d+)(項目|施策)/u,
    (_m, mark: string | undefined, _t, _u, unit: string) => `${mark ?? ''}${total}つの基本施策の実績値は${up}${unit}`,
  );
}

/** Sentences fill the ◇ cells in order; more sentences than cells share the last one. */
function writeSentences(edits: WorkbookEdits, refs: readonly { sheet: string; row: number; col: number }[], sentences: string[]): void {
  if (refs.length === 0) return;
  refs.forEach((ref, i) => {
    const isLast = i === refs.length - 1;
    const text = isLast ? sentences.slice(i).join('\n') : (sentences[i] ?? '');
    edits.cells.push({ ...ref, value: text, mark: 'sentence' });
  });
}

/** Marks (fill + note) on the indicators flagged for mid-term revision. */
export function revisionEdits(analysis: Analysis): WorkbookEdits {
  const notes = new Map<string, { sheet: string; cell: string; messages: string[] }>();
  for (const f of analysis.flags) {
    const id = cellKeyAt(f.sheet, f.cell);
    const entry = notes.get(id) ?? { sheet: f.sheet, cell: f.cell, messages: [] };
    entry.messages.push(f.message);
    notes.set(id, entry);
  }
  const edits: WorkbookEdits = { cells: [] };
  for (const { sheet, cell, messages } of notes.values()) {
    const pos = parseA1(cell);
    if (pos) edits.cells.push({ sheet, ...pos, mark: 'revised', note: messages.join('\n') });
  }
  return edits;
}

/** Marks (fill + note) on the cells of findings, for live validation. */
export function findingEdits(findings: readonly Finding[]): WorkbookEdits {
  const edits: WorkbookEdits = { cells: [] };
  for (const f of findings) {
    const pos = parseA1(f.cell);
    if (pos) edits.cells.push({ sheet: f.sheet, ...pos, mark: f.severity, note: f.message });
  }
  return edits;
}
