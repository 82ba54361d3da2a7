import * as path from 'path';
import { departmentVerdict, said, type DepartmentVerdict, type VerdictFinding, type WorkbookGrid } from '../../plan';
import type { Io } from '../io';
import { terminalSafe } from '../terminal';

/**
 * `check` on a department workbook: the verdict compile will reach (verdict.ts), without the
 * master's own checks (year, template, signature), which only the coordinator can run.
 * Exit 0: 提出可; 1: 差戻し or 未記入.
 */
export function checkDepartment(file: string, grid: WorkbookGrid, options: { jumpRatio?: number; json: boolean }, io: Io): number {
  const verdict = departmentVerdict(grid, { jumpRatio: options.jumpRatio });
  if (options.json) io.out(JSON.stringify(verdictJson(file, verdict), null, 2));
  else io.out(terminalSafe(verdictText(path.basename(file), verdict)));
  return verdict.status === '提出可' ? 0 : 1;
}

/** A file compile would refuse before reading a cell (limits, macros, links out): 差戻し, with compile's own reasons. */
export function refuseDepartment(file: string, problems: readonly string[], options: { json: boolean }, io: Io): number {
  const headline = said('verdict-rejected', { errors: problems.length });
  const verdict: DepartmentVerdict = {
    status: '差戻し',
    headline: headline.text,
    headlineSaid: headline,
    findings: problems.map((message) => ({
      severity: 'error',
      fixer: 'clerk',
      rule: 'file',
      message,
      said: said('file-problem', { message }),
    })),
    entered: 0,
    values: [],
  };
  if (options.json) io.out(JSON.stringify(verdictJson(file, verdict), null, 2));
  else io.out(terminalSafe(verdictText(path.basename(file), verdict)));
  return 1;
}

export function verdictJson(file: string, v: DepartmentVerdict): object {
  return {
    file,
    department: v.department ?? null,
    year: v.fiscalYear ?? null,
    status: v.status,
    headline: v.headline,
    entered: v.entered,
    findings: v.findings.map(({ severity, fixer, rule, sheet, cell, message }) => ({
      severity,
      fixer,
      rule,
      sheet: sheet ?? null,
      cell: cell ?? null,
      message,
    })),
  };
}

function line(f: VerdictFinding): string {
  const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ''}: ` : '';
  return `  ${f.severity === 'error' ? 'エラー' : '警告  '} ${where}${f.message} [${f.rule}]`;
}

export function verdictText(file: string, v: DepartmentVerdict): string {
  const lines: string[] = [];
  const clerk = v.findings.filter((f) => f.fixer === 'clerk');
  const coordinator = v.findings.filter((f) => f.fixer === 'coordinator');
  if (clerk.length > 0) lines.push('■ 記入者が直すもの', ...clerk.map(line));
  if (coordinator.length > 0) lines.push('■ 取りまとめ担当に連絡するもの（このファイルでは直せません）', ...coordinator.map(line));
  const who = [v.department, v.fiscalYear ? `${v.fiscalYear}年度` : undefined].filter(Boolean).join('・');
  lines.push(`${file}${who ? `（${who}）` : ''}: ${v.status} — ${v.headline}`);
  return lines.join('\n');
}
