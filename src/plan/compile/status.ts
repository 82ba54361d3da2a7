import type { MasterView } from '../department-workbook';
import type { Examined } from './examine';
import type { StatusRow } from './ledger';
import { cmp, clip } from './show';
import type { Conflict, SubmissionReport } from './types';

/**
 * 提出状況: one row per department of the master. A department with no file this time keeps
 * its row; compiling an already-compiled file again leaves it exactly as it was.
 */
/** Every examined file gets a report before the status rows are made; a missing one is a bug here, not bad input. */
export function reportOf(reports: ReadonlyMap<Examined, SubmissionReport>, ex: Examined): SubmissionReport {
  const report = reports.get(ex);
  if (!report) throw new Error(`${ex.input.file} の結果がありません。`);
  return report;
}

export function statusRows(
  view: MasterView,
  past: Map<string, StatusRow>,
  order: readonly Examined[],
  reports: Map<Examined, SubmissionReport>,
  seenSha: ReadonlySet<string>,
  conflicts: readonly Conflict[],
  now: string,
): StatusRow[] {
  return view.departments.map((department) => {
    const prior = past.get(department) ?? { department, status: '未提出', errors: 0, warnings: 0, time: '', file: '', note: '' };
    const all = order.filter((e) => e.department === department);
    // Files rejected on their own (forged, blank…) do not hide the one that was taken.
    const taken = all.filter((e) => reports.get(e)?.status === 'accepted' || reports.get(e)?.status === 'unchanged');
    const aside = all.filter((e) => reports.get(e)?.status === 'setAside');
    const mine = taken.length > 0 ? taken : aside.length > 0 ? aside : all;
    if (mine.length === 0) return prior;
    if (mine.length > 1) {
      const files = mine
        .map((e) => e.input.file)
        .sort(cmp)
        .join('、');
      const kept = prior.status === '提出済' ? `（${prior.time} 提出分は取込済み）` : '';
      return {
        department,
        status: '差戻し',
        errors: mine.length,
        warnings: 0,
        time: now,
        file: files,
        note: `同じ課のファイルが複数あり、取り込んでいません${kept}`,
      };
    }
    const ex = mine[0];
    const report = reportOf(reports, ex);
    if (report.verdict === '未記入') {
      if (prior.status === '提出済') return prior;
      return {
        department,
        status: '未提出',
        errors: 0,
        warnings: report.warnings,
        time: now,
        file: ex.input.file,
        note: clip(ex.verdict?.headline ?? ''),
      };
    }
    if (report.status === 'rejected') {
      const kept = prior.status === '提出済' ? `（${prior.time} 提出分は取込済み）` : '';
      const reason = ex.reasons[0].text.replace(`${ex.input.file}: `, '').replace(`${ex.input.file} `, '');
      return {
        department,
        status: '差戻し',
        errors: report.errors,
        warnings: report.warnings,
        time: now,
        file: ex.input.file,
        note: clip(`${reason}${ex.reasons.length > 1 ? ` ほか ${ex.reasons.length - 1} 件` : ''}${kept}`),
      };
    }
    if (report.status === 'unchanged' && seenSha.has(ex.input.sha256) && prior.status === '提出済') return prior;
    const mineConflicts = conflicts.filter((c) => c.file === ex.input.file && c.department === department).length;
    return {
      department,
      status: '提出済',
      errors: 0,
      warnings: report.warnings,
      time: now,
      file: ex.input.file,
      note: mineConflicts > 0 ? `競合 ${mineConflicts} 件` : '',
    };
  });
}
