import { cleanText, compact } from './text';
import { parseFiscalYear } from './years';

/**
 * 担当所属 / 担当課 as the report writes them. One department is matched by its 課 name:
 * `教育総務部生涯学習課` (実施計画) and `生涯学習課` (基本指標) are the same; a renamed
 * department (`政策統計課 (2022年11月1日から) DX戦略課`) is its current name now.
 */
export const COORDINATOR = '市民・NPO活動推進課';

/** 課 names of the city that feed this plan (FY2021 plan and FY2023 report). */
export const KNOWN_DEPARTMENTS: readonly string[] = [
  'DX戦略課',
  'こども家庭支援課',
  'こども政策課',
  'こども総務企画課',
  'スポーツ振興課',
  'セーフコミュニティ課',
  '中央公民館',
  '人事課',
  '住宅政策課',
  '保健・感染症課',
  '保健福祉総務課',
  '健康政策課',
  '健康長寿課',
  '公園緑地課',
  '国際政策課',
  '地域包括ケア推進課',
  '子育て給付課',
  '学校教育推進課',
  '市民・NPO活動推進課',
  '市民課',
  '広聴広報課',
  '産業創出課',
  '産業政策課',
  '産業雇用政策課',
  '男女共同参画課',
  '生涯学習課',
  '政策統計課',
  '政策開発課',
  '文化振興課',
  '環境保全センター',
  '環境政策課',
  '5R推進課',
  '総合教育支援センター',
  '総務課',
  '観光政策課',
  '観光課',
  '農業政策課',
  '園芸畜産振興課',
  '河川課',
  '道路維持課',
  '都市政策課',
  '防災危機管理課',
];

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

/** The departments a definition names: its list and every indicator's owners, by 課 name. */
export function definitionDepartments(definition: {
  departments?: readonly string[];
  policies: readonly { indicators?: readonly { owners?: readonly string[] }[] }[];
  surveyIndicators?: readonly { owners?: readonly string[] }[];
}): Set<string> {
  const names = [...(definition.departments ?? [])];
  const indicators = [...definition.policies.flatMap((p) => p.indicators ?? []), ...(definition.surveyIndicators ?? [])];
  for (const ind of indicators) names.push(...(ind.owners ?? []));
  return new Set(names.map(departmentKey));
}
