import type { PlanDepartments } from '../departments';
import { cleanText } from '../text';
import { formatValue, parseText } from '../value';
import { departmentIn } from '../split/owners';

/**
 * Shared indicators (`各課（市民・NPO活動推進課取りまとめ）`) add up figures from several
 * departments; the report lists them in the 増減理由 cell as
 * `◆町内会DX推進実証事業（市民・NPO活動推進課） 39人`. Each such line is a contribution.
 */
export interface Contribution {
  department: string;
  /** 事業名 as written. */
  name: string;
  value?: number;
}

interface Piece {
  text: string;
  contribution?: Contribution;
}

const DEPARTMENT_PAREN = /[（(]([^（）()]+)[）)]/u;

/** A piece is a contribution when it starts with ◆ (or with the department) and names one. */
function readPiece(text: string, departments: PlanDepartments): Piece {
  const body = text.replace(/^\s*◆\s*/u, '');
  const startsWithMark = /^\s*◆/u.test(text) || /^\s*[（(]/u.test(text);
  const m = DEPARTMENT_PAREN.exec(body);
  const department = m ? departmentIn(m[1], departments) : undefined;
  if (!startsWithMark || !m || !department) return { text };
  const before = body.slice(0, m.index).trim();
  const after = body.slice(m.index + m[0].length);
  const num = /(?:^|\s)(約?[\d,]+(?:\.\d+)?)\s*([^\s\d]*)\s*$/u.exec(after);
  const value = num ? parseText(num[1]).value : undefined;
  let name = before;
  if (!name) name = (num ? after.slice(0, num.index) : after).replace(/^[\s○◯・]+/u, '').trim();
  return { text, contribution: { department, name: cleanText(name), value } };
}

function pieces(reason: string, departments: PlanDepartments): Piece[] {
  return reason
    .split(/(?=◆)/u)
    .filter((p) => p.trim() !== '')
    .map((p) => readPiece(p, departments));
}

// Whether a line is a contribution does not depend on which 課 it names.
const ANY_PLAN: PlanDepartments = { known: [] };

export function parseContributionLines(reason: string, departments: PlanDepartments): Contribution[] {
  return pieces(reason, departments).flatMap((p) => (p.contribution ? [p.contribution] : []));
}

/** The prose of the 増減理由 without the ◆ contribution lines (what the coordinator writes). */
export function narrativeOf(reason: string): string {
  return pieces(reason, ANY_PLAN)
    .filter((p) => !p.contribution)
    .map((p) => p.text.trim())
    .join('\n')
    .trim();
}

/** Coordinator first, then by 課 name, then as numbered: the same order whatever arrived first. */
export function sortContributions<T extends Contribution & { n?: number }>(list: readonly T[], coordinator: string | undefined): T[] {
  const rank = (d: string) => (d === coordinator ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      rank(a.department) - rank(b.department) ||
      (a.department < b.department ? -1 : a.department > b.department ? 1 : 0) ||
      (a.n ?? 0) - (b.n ?? 0),
  );
}

export function contributionLine(c: Contribution, unit: string | undefined): string {
  const value = c.value === undefined ? '' : ` ${formatValue(c.value, unit)}`;
  return `◆${c.name}（${c.department}）${value}`;
}

export function composeReason(
  narrative: string,
  list: readonly Contribution[],
  unit: string | undefined,
  coordinator: string | undefined,
): string {
  const lines = sortContributions(list, coordinator).map((c) => contributionLine(c, unit));
  return [narrative.trim(), ...lines].filter((t) => t !== '').join('\n');
}

export function sumOf(list: readonly Contribution[]): number | undefined {
  const values = list.map((c) => c.value).filter((v): v is number => v !== undefined);
  if (values.length === 0) return undefined;
  return Number(values.reduce((a, b) => a + b, 0).toPrecision(12));
}
