import { type Analysis, countBySeverity, type Finding, type ProgressReport } from '../plan';
import { coverageLine } from '../plan';

export function findingsJson(analysis: Analysis): object {
  const { errors, warnings } = countBySeverity(analysis.findings);
  return {
    file: analysis.source,
    year: analysis.year ?? null,
    errors,
    warnings,
    issues: analysis.findings.map(({ severity, rule, sheet, cell, message }) => ({ severity, rule, sheet, cell, message })),
  };
}

/** Findings grouped by sheet, errors first, the way a clerk walks through the workbook. */
export function findingsText(analysis: Analysis): string {
  const { errors, warnings } = countBySeverity(analysis.findings);
  const lines: string[] = [];
  const bySheet = new Map<string, Finding[]>();
  for (const f of analysis.findings) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, list] of bySheet) {
    lines.push(`■ ${sheet}`);
    for (const f of [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))) {
      lines.push(`  ${f.severity === 'error' ? 'エラー' : '警告  '} ${f.cell.padEnd(6)} ${f.message} [${f.rule}]`);
    }
  }
  const year = analysis.year ? `${analysis.year}年度` : '年度不明';
  // A pass that rests on part of the workbook is no pass: the coverage decides too.
  const complete = analysis.coverage.complete;
  lines.push(coverageLine(analysis.coverage));
  lines.push(
    `${analysis.source}（${year}）: エラー ${errors} 件、警告 ${warnings} 件` +
      (errors === 0 && complete
        ? ' — このまま提出できます。'
        : errors === 0
          ? ' — 読み取れなかった部分があるため、まだ提出できません。'
          : ' — エラーを直してから提出してください。'),
  );
  return lines.join('\n');
}

export function progressJson(analysis: Analysis, report: ProgressReport, output: string): object {
  const { errors, warnings } = countBySeverity(analysis.findings);
  return { file: analysis.source, output, ...report, flags: analysis.flags, errors, warnings };
}

export function progressText(report: ProgressReport): string {
  const lines = [`${report.year}年度の進捗状況`];
  for (const p of report.policies) {
    lines.push(`基本施策${p.number} ${p.progress ?? '－'} ${p.title}`);
    for (const i of p.indicators) lines.push(`    ${i.progress ?? '－'} ${i.name}`);
    lines.push(`  ${p.sentence}`, ...p.notes.map((n) => `  ${n}`));
  }
  lines.push(report.overall.sentence);
  if (report.survey) {
    lines.push('全体指標');
    for (const i of report.survey.indicators) lines.push(`    ${i.progress ?? '－'} ${i.name}`);
    lines.push(report.survey.sentence);
  }
  return lines.join('\n');
}
