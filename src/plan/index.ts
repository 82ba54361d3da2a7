/**
 * The domain's public face: the pane, the CLI and the ribbon import the plan only from here
 * (.dependency-cruiser.cjs enforces it), so modules inside src/plan can move without touching them.
 * Re-exports only: package.json marks src/plan free of side effects, so a bundle keeps just
 * what a chunk uses and the pane's lazy chunks stay lazy.
 */
export {
  analyze,
  analyzeSteps,
  DEFAULT_JUMP_RATIO,
  inputCells,
  progressEdits,
  revisionEdits,
  type Analysis,
  type AnalyzeOptions,
} from './engine';
export { runSteps, type Steps } from './steps';
export { countBySeverity, type Finding, type FindingParam, type Severity } from './findings';
export type { RuleId } from './rules';
export { finding } from './rules';
export { MESSAGES, said, type MessageId, type Said } from './messages';
export { workbookRole, type WorkbookRole } from './workbook-role';
export { cellKey, cellKeyAt, parseCellKey, type CellKey, type RowKey } from './keys';
export { cellAt, gridFromText, gridText, parseA1, type WorkbookGrid } from './grid';
export type { SheetSpec, WorkbookEdits } from './edits';
export type { Arrow } from './model';
export type { IndicatorProgress, PolicyProgress, ProgressReport, RevisionFlag, SeriesTrend, TrendPoint } from './report';
export { formatValue } from './value';
export {
  DEFAULT_PLAN,
  definitionEntries,
  definitionOf,
  inferPlanDefinition,
  parsePlanDefinition,
  PlanDefinitionError,
  type PlanDefinition,
} from './definition';
export { definitionEdits, gridWithDefinition } from './definition/override';
export { FINAL_SHEET, finalEvaluationFor } from './evaluation';
export { localTimestamp } from './timestamp';
export { liveEdits, type CellChange } from './live';
export { recognize } from './recognize';
export { SheetView } from './recognize/sheet';
export { renderMaster } from './layout/master';
export { trendChartSheet, type ChartSpec, type TrendChartSheet } from './trend-charts';
export { splitMaster, SplitError, type SplitOptions, type SplitResult } from './split';
export { departmentSheets, type DepartmentSheetOptions, type DepartmentSheetsResult } from './split/department-sheets';
export { departmentSheetSubmissions } from './split/department-sheet-submissions';
export { compile, CompileError } from './compile';
export type { CompileOptions, CompileResult, SubmissionInput, SubmissionReport } from './compile/types';
export { SUBMISSION_LIMITS } from './compile/limits';
export { coverageJson, coverageLine, type Coverage, type SkippedRow } from './coverage';
export { HISTORY_HEADER, HISTORY_SHEET } from './compile/ledger';
export { scalarText } from './text';
export { categoryOrder, SDGS_GOALS, SUMMARY_SHEET, summarizeProjects, summarySheet, type ProjectSummary } from './project-summary';
export { rolloverMaster, rolloverToNextYear, type Rollover } from './rollover/fiscal-year';
export { withoutSchemaPointer } from './definition/stored';
export { authenticate, isSecret, newSecret, SECRET_ENTRY, secretOf, signSplit } from './split/signature';
export { METADATA_SHEET, readMetadata } from './recognize/metadata';
export { DEPARTMENT_KIND } from './split/manifest';
export { departmentVerdict, type DepartmentVerdict, type VerdictFinding, type VerdictStatus } from './verdict';
