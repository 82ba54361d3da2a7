import { cleanText, compact } from './text';
import { parseFiscalYear } from './years';

/**
 * 担当所属 / 担当課 as the report writes them. One department is matched by its 課 name:
 * `教育総務部生涯学習課` (実施計画) and `生涯学習課` (基本指標) are the same; a renamed
 * department (`政策統計課 (2022年11月1日から) DX戦略課`) is its current name now.
 */

/** Who reports in a plan, from its definition: no plan's 課 are written in code. */
export interface PlanDepartments {
  /** The 課 that compiles the report: it fills the 全体指標 and every bare `各課` row. */
  coordinator?: string;
  /** 課 names the definition knows, so `こども部子育て給付課` is read as `子育て給付課`. */
  known: readonly string[];
}

type DepartmentSource = {
  coordinator?: string;
  departments?: readonly string[];
  policies: readonly { indicators?: readonly { owners?: readonly string[] }[] }[];
  surveyIndicators?: readonly { owners?: readonly string[] }[];
};

// One value per definition object, so caches keyed on it (ownerOf) are per definition.
const ofDefinition = new WeakMap<object, PlanDepartments>();

export function planDepartments(definition: DepartmentSource): PlanDepartments {
  let out = ofDefinition.get(definition);
  if (!out) {
    const coordinator = definition.coordinator ? departmentKey(definition.coordinator) : undefined;
    out = { coordinator, known: [...definitionDepartments(definition)] };
    ofDefinition.set(definition, out);
  }
  return out;
}

export interface DepartmentName {
  /** The 課 name to match on, without 部 prefix. Empty for an empty cell. */
  key: string;
  /** As written, on one line. */
  text: string;
  /** The name before a mid-plan rename, and when it changed. */
  former?: string;
  since?: string;
  /** `各課（…取りまとめ）`: several departments feed it; `key` is the one that compiles it. */
  shared: boolean;
}

const PREFIX = /^(?:.+?(?:部|局))(?:保健所)?(?=.+(?:課|館|センター|室|所)$)/u;

/** `教育総務部生涯学習課` → `生涯学習課`; `保健福祉部保健所健康政策課` → `健康政策課`. */
export function departmentKey(name: string): string {
  const t = compact(name);
  const stripped = t.replace(PREFIX, '');
  return stripped || t;
}

export function parseDepartment(text: string): DepartmentName {
  const line = cleanText(text).replace(/\s+/g, ' ');
  // `(2022年11月1日から)`, also with the era: `(令和4年11月1日から)`.
  const renamed = /^(.+?)\s*\(\s*(\d{4}|(?:令和|平成)\s*(?:\d{1,2}|元))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*から\s*\)\s*(.+)$/u.exec(
    line,
  );
  if (renamed) {
    return {
      key: departmentKey(renamed[5]),
      text: line,
      former: departmentKey(renamed[1]),
      since: `${parseFiscalYear(renamed[2]) ?? renamed[2]}-${renamed[3].padStart(2, '0')}-${renamed[4].padStart(2, '0')}`,
      shared: false,
    };
  }
  const shared = /^各課/.exec(compact(line));
  if (shared) {
    const coordinator = /\((.+?)取りまとめ\)/u.exec(compact(line))?.[1];
    return { key: coordinator ? departmentKey(coordinator) : '各課', text: line, shared: true };
  }
  return { key: departmentKey(line), text: line, shared: false };
}

/** Whether `key` is one of `known` (the plan definition's departments and owners). */
export function isKnownDepartment(key: string, known: ReadonlySet<string>): boolean {
  if (key === '各課' || known.has(key)) return true;
  // A shortened 部 name in front (`こども子育て給付課`) still ends with the 課 name.
  for (const k of known) if (key.endsWith(k)) return true;
  return false;
}

/** The departments a definition names: its coordinator, its list and every indicator's owners, by 課 name. */
export function definitionDepartments(definition: DepartmentSource): Set<string> {
  const names = [...(definition.coordinator ? [definition.coordinator] : []), ...(definition.departments ?? [])];
  const indicators = [...definition.policies.flatMap((p) => p.indicators ?? []), ...(definition.surveyIndicators ?? [])];
  for (const ind of indicators) names.push(...(ind.owners ?? []));
  return new Set(names.map(departmentKey));
}
