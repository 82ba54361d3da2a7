import {
  masterYear,
  SplitError,
  viewMaster,
  readManifest,
  secretOf,
  contributionLedgerSheet,
  MASTER_CONTRIBUTION_SHEET,
  type MasterView,
  type ManifestRead,
} from '../department-workbook';
import type { SheetSpec } from '../edits';
import type { Scalar, WorkbookGrid } from '../grid';
import { definitionEntries, definitionOf } from '../definition/stored';
import type { PlanDefinition } from '../definition/types';
import { METADATA_SHEET, TEMPLATE_VERSION } from '../recognize/metadata';
import { scalarText } from '../text';
import { said } from '../messages';
import { examine, locate, type Examined } from './examine';
import { applySubmission, type Run } from './apply';
import { HISTORY_SHEET, historyScalars, newHistorySheet, readHistory, readStatus, statusSheet, type HistoryRow } from './ledger';
import { rollOver } from './rollover';
import { ContributionTotals } from './totals';
import { cmp, clip } from './show';
import { reportOf, statusRows } from './status';
import { CompileError, type CompileOptions, type CompileResult, type SubmissionInput, type SubmissionReport } from './types';
import { MasterDraft } from './master-draft';

export * from './types';

function inferYear(reads: (ManifestRead | undefined)[], base: number | undefined): number | undefined {
  const counts = new Map<number, number>();
  for (const r of reads) {
    const y = r?.fiscalYear;
    if (y !== undefined && (base === undefined || y >= base)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size === 0) return base;
  const top = Math.max(...counts.values());
  const best = [...counts].filter(([, n]) => n === top).map(([y]) => y);
  if (best.length > 1) {
    throw new CompileError(
      `提出されたファイルの年度が ${best
        .sort((a, b) => a - b)
        .map((y) => `${y}年度`)
        .join('・')} で同じ数ずつに分かれています。--year で取りまとめる年度を指定してください。`,
    );
  }
  return best[0];
}

function openView(master: WorkbookGrid, year: number | undefined): MasterView {
  try {
    return viewMaster(master, year);
  } catch (err) {
    if (err instanceof SplitError) throw new CompileError(err.message);
    throw err;
  }
}

/** Sets aside every file of a department that sent more than one, naming all of them. */
function setAsideDuplicates(examined: Examined[]): Set<Examined> {
  const byDept = new Map<string, Examined[]>();
  // A file that is rejected on its own (forged, another year, blank…) never blocks the genuine one.
  for (const e of examined) {
    if (e.department && e.reasons.length === 0 && e.verdict?.status === '提出可')
      byDept.set(e.department, [...(byDept.get(e.department) ?? []), e]);
  }
  const aside = new Set<Examined>();
  for (const [dept, list] of byDept) {
    if (list.length < 2) continue;
    const files = list
      .map((e) => e.input.file)
      .sort(cmp)
      .join('、');
    for (const e of list) {
      aside.add(e);
      e.reasons.push(
        locate(e.input.file, undefined, undefined, said('duplicate-department-files', { department: dept, count: list.length, files })),
      );
    }
  }
  return aside;
}

function metadataSheet(master: WorkbookGrid, year: number, templateVersion: string, definition: PlanDefinition): SheetSpec | undefined {
  const sheet = master.sheets.find((s) => s.name === METADATA_SHEET);
  const rows: Scalar[][] = (sheet?.rows ?? []).map((r) => r.map((c) => c?.value ?? null));
  const at = rows.findIndex((r) => scalarText(r[0]) === 'fiscalYear');
  const current = at >= 0 ? Number(rows[at][1]) : undefined;
  if (sheet && current !== undefined && current >= year) return undefined;
  if (!sheet) rows.push(...definitionEntries(definition), ['templateVersion', templateVersion], ['kind', 'master']);
  if (at >= 0) rows[at] = ['fiscalYear', String(year)];
  else rows.push(['fiscalYear', String(year)]);
  return { name: METADATA_SHEET, rows, state: 'veryHidden' };
}

/**
 * Folds department submissions into the master. Pure: the master grid in, WorkbookEdits
 * out; the caller writes them to a copy (OUT). Files are taken whole or not at all, in
 * department order, so the result does not depend on the order they were given in.
 */
export function compile(master: WorkbookGrid, submissions: readonly SubmissionInput[], options: CompileOptions): CompileResult {
  const reads = submissions.map((s) => (s.grid ? readManifest(s.grid) : undefined));
  const base = masterYear(master);
  const year = options.year ?? inferYear(reads, base);
  const view = openView(master, year);
  const templateVersion = view.metadata.get('templateVersion') || TEMPLATE_VERSION;
  const pastHistory = readHistory(master);
  const pastStatus = readStatus(master);
  const draft = new MasterDraft(master, pastHistory);
  const run: Run = {
    view,
    draft,
    contributions: new ContributionTotals(view, view.ledger),
    options,
    history: [],
    conflicts: [],
  };
  const notices = view.warnings.map((message) => said('master-note', { message }));
  const rolled = rollOver(view, draft, options.now, options.masterFile);
  run.history.push(...rolled.history);
  if (rolled.notice) notices.push(rolled.notice);

  if (secretOf(master) && submissions.some((s) => s.grid && s.authentic === undefined)) {
    notices.push(said('signatures-unchecked', {}));
  }
  const examined = submissions.map((s, i) => examine(s, reads[i], view, view.year, templateVersion));
  const aside = setAsideDuplicates(examined);
  const order = [...examined].sort(
    (a, b) => cmp(a.department ?? '', b.department ?? '') || cmp(a.input.file, b.input.file) || cmp(a.input.sha256, b.input.sha256),
  );
  const reports = new Map<Examined, SubmissionReport>();
  const seenSha = new Set(pastHistory.map((h) => h.sha256).filter(Boolean));
  for (const ex of order) {
    const common = { file: ex.input.file, department: ex.department, warnings: ex.warnings.length };
    const row = (item: string): HistoryRow => ({
      time: options.now,
      department: ex.department ?? '',
      file: ex.input.file,
      sha256: ex.input.sha256,
      sheet: '',
      cell: '',
      item,
      old: '',
      value: '',
    });
    if (ex.verdict?.status === '未記入') {
      // Not a rejection and not a submission: the 課 stays 未提出, with the reason.
      reports.set(ex, {
        ...common,
        status: 'rejected',
        verdict: '未記入',
        errors: 0,
        applied: 0,
        messages: [locate(ex.input.file, undefined, undefined, ex.verdict.headlineSaid), ...ex.warnings],
      });
      run.history.push(row(`未記入: ${ex.verdict.headline}`));
      continue;
    }
    if (ex.reasons.length > 0) {
      const status = aside.has(ex) ? 'setAside' : 'rejected';
      reports.set(ex, {
        ...common,
        status,
        verdict: ex.verdict?.status,
        errors: ex.reasons.length,
        applied: 0,
        messages: [...ex.reasons, ...ex.warnings],
      });
      run.history.push(row(`${status === 'setAside' ? '保留' : '差戻し'}（${ex.reasons.length} 件）: ${clip(ex.reasons[0].text)}`));
      continue;
    }
    const done = applySubmission(run, ex);
    ex.warnings.push(...done.warnings);
    run.history.push(...done.history);
    // The very file compiled before leaves no trace: recompiling is a no-op, 提出履歴 included.
    if (done.history.length === 0 && !seenSha.has(ex.input.sha256)) run.history.push(row('変更なし'));
    reports.set(ex, {
      ...common,
      status: done.applied > 0 ? 'accepted' : 'unchanged',
      verdict: ex.verdict?.status,
      errors: 0,
      warnings: ex.warnings.length,
      applied: done.applied,
      messages: [...ex.warnings],
    });
  }
  run.history.push(...run.contributions.apply(draft, options.now));

  const status = statusRows(view, pastStatus, order, reports, seenSha, run.conflicts, options.now);
  const sheets: SheetSpec[] = [statusSheet(status)];
  const ledger = run.contributions.all();
  if (ledger.length > 0 || master.sheets.some((s) => s.name === MASTER_CONTRIBUTION_SHEET))
    sheets.push(contributionLedgerSheet(ledger, view.planDepartments.coordinator));
  const meta = metadataSheet(master, view.year, templateVersion, definitionOf(view.plan));
  if (meta) sheets.push(meta);
  if (!master.sheets.some((s) => s.name === HISTORY_SHEET)) sheets.push(newHistorySheet());

  const list = examined.map((e) => reportOf(reports, e));
  return {
    year: view.year,
    edits: { cells: draft.edits(), sheets, appends: [{ sheet: HISTORY_SHEET, rows: historyScalars(run.history) }] },
    applied: list.reduce((n, r) => n + r.applied, 0),
    conflicts: run.conflicts,
    rejected: list
      .filter((r) => (r.status === 'rejected' && r.verdict !== '未記入') || r.status === 'setAside')
      .map((r) => ({ file: r.file, reasons: r.messages.slice(0, r.errors) })),
    unfilled: list.filter((r) => r.verdict === '未記入').map((r) => ({ file: r.file, department: r.department, reason: r.messages[0] })),
    submissions: list,
    missingDepartments: status.filter((s) => s.status !== '提出済').map((s) => s.department),
    notices,
  };
}
