import { compact } from '../text';

/** Column roles of the 基本指標 and 全体指標 tables, matched on header text with spaces removed. */
export type IndicatorRole =
  | 'name'
  | 'description'
  | 'baseline'
  | 'review'
  | 'midterm'
  | 'actual'
  | 'progress'
  | 'target'
  | 'originalTarget'
  | 'reason'
  | 'department'
  | 'direction'
  | 'unit';

const INDICATOR_ROLES: [IndicatorRole, RegExp][] = [
  ['name', /(基本|全体)?指標(項目|名)/],
  ['description', /^説明/],
  ['baseline', /策定時/],
  ['review', /見直し?時/],
  ['midterm', /中間(年度|年)/],
  ['progress', /進捗(状況)?/],
  ['originalTarget', /当初目標/],
  ['target', /目標(値)?/],
  ['reason', /増減理由|実施状況/],
  ['actual', /実績/],
  ['department', /担当(所属|課|部署)/],
  ['direction', /^(方向|改善方向|望ましい方向)/],
  ['unit', /^単位$/],
];

export function indicatorRole(text: string): IndicatorRole | undefined {
  const t = compact(text);
  if (!t) return undefined;
  for (const [role, re] of INDICATOR_ROLES) if (re.test(t)) return role;
  return undefined;
}

export function isIndicatorHeaderName(text: string): 'policy' | 'survey' | undefined {
  const t = compact(text);
  if (/^全体指標(項目|名)/.test(t)) return 'survey';
  if (/^(基本)?指標(項目|名)/.test(t)) return 'policy';
  return undefined;
}

export type ProjectRole =
  | 'no'
  | 'category'
  | 'name'
  | 'plan'
  | 'status'
  | 'achievement'
  | 'department'
  | 'sdgs'
  | 'sdgsNote';

const PROJECT_ROLES: [ProjectRole, RegExp][] = [
  ['no', /^(No\.?|NO\.?|番号|№)$/i],
  // The FY2021 実施計画 marks new projects in a column headed 新規; the others are left blank.
  ['category', /区分|^新規$/],
  ['name', /事業名/],
  ['plan', /事業計画/],
  ['status', /取組状況|取り組み状況|実施状況/],
  ['achievement', /達成度/],
  ['department', /担当(課|所属)/],
  ['sdgsNote', /SDGsの取り?組み/i],
  ['sdgs', /SDGs|ゴール|ターゲット/i],
];

export function projectRole(text: string): ProjectRole | undefined {
  const t = compact(text);
  if (!t) return undefined;
  for (const [role, re] of PROJECT_ROLES) if (re.test(t)) return role;
  return undefined;
}

/** `基本施策3 ICTを含めた…`, `◆基本施策 3 …`, `基本施策３`. */
export function policyHeading(text: string): { number: number; title: string } | undefined {
  const m = /^[◆■●]?\s*基本施策\s*([1-7１-７])\s*(.*)$/su.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  return { number: Number(m[1]), title: m[2].replace(/\s+/g, ' ').trim() };
}

export function isSentence(text: string): boolean {
  return /^[-・]?\s*◇/.test(text.trim());
}

export function isKeyPointsLabel(text: string): boolean {
  return compact(text) === '重点項目';
}

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

export function isKeyPoint(text: string): boolean {
  return CIRCLED.includes(text.trim().charAt(0));
}

export function isLegend(text: string): boolean {
  return /^「?[↑→↓]」/.test(text.trim());
}
