import { definitionOf } from '../definition/stored';
import type { MasterView, Manifest, ManifestRead } from '../department-workbook';
import { said, type Said } from '../messages';
import { departmentVerdict, type DepartmentVerdict } from '../verdict';
import type { SubmissionInput } from './types';
import type { Submitted } from './values';

/** What compile learned about one submission before touching the master. */
export interface Examined {
  input: SubmissionInput;
  department?: string;
  manifest?: Manifest;
  /** The one verdict (verdict.ts); undefined when the file could not be opened. */
  verdict?: DepartmentVerdict;
  /** Errors: any one rejects the whole file. Full sentences naming file, sheet and cell. */
  reasons: Said[];
  warnings: Said[];
  values: Submitted[];
}

export function located(file: string, sheet: string | undefined, cell: string | undefined, message: string): string {
  const where = `${sheet ? ` のシート「${sheet}」` : ''}${cell && !message.includes(cell) ? `${sheet ? '' : ' '}セル ${cell}` : ''}`;
  return `${file}${where}: ${message}`;
}

/** `s` said of one file (and sheet and cell): its Japanese names them first, as `located` does. */
export function locate(file: string, sheet: string | undefined, cell: string | undefined, s: Said): Said {
  return { ...s, file, sheet, cell, text: located(file, sheet, cell, s.text) };
}

/**
 * Everything that decides whether a file is taken is departmentVerdict's, called with what the
 * master knows (year, template, departments, and whether the keyed signature matched). Here the
 * verdict's findings become compile's reasons and warnings, each naming the file.
 */
export function examine(
  input: SubmissionInput,
  read: ManifestRead | undefined,
  view: MasterView,
  year: number,
  templateVersion: string,
): Examined {
  const file = input.file;
  // A problem found on opening names its file already, as a rule.
  const reasons = (input.problems ?? []).map((p) =>
    p.startsWith(file) ? said('file-problem', { message: p }) : locate(file, undefined, undefined, said('file-problem', { message: p })),
  );
  const ex: Examined = { input, department: read?.department, reasons, warnings: [], values: [] };
  if (!input.grid || reasons.length > 0) return ex;
  const verdict = departmentVerdict(input.grid, {
    master: { year, templateVersion, planName: definitionOf(view.plan).name, departments: view.departments, authentic: input.authentic },
  });
  ex.verdict = verdict;
  ex.manifest = verdict.manifest;
  for (const f of verdict.findings) (f.severity === 'error' ? reasons : ex.warnings).push(locate(file, f.sheet, f.cell, f.said));
  // A blank file is not a rejection: its 課 stays 未提出, with the reason (status.ts).
  if (verdict.status === '未記入') reasons.length = 0;
  if (verdict.status === '提出可') ex.values = verdict.values;
  return ex;
}
