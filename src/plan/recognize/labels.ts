import { compact } from '../text';

import { HEADER_WORDS, LOOSE_NAME_WORDS, SURVEY_NAME_WORDS, type IndicatorRole } from './vocabulary';

export type { IndicatorRole } from './vocabulary';

export function indicatorRole(text: string): IndicatorRole | undefined {
  // `基本指標（項目）`, `目標値（2025年度）`: brackets are not part of the word.
  const t = compact(text).replace(/[()]/g, '');
  if (!t) return undefined;
  for (const [role, re] of HEADER_WORDS) if (re.test(t)) return role;
  return undefined;
}

/**
 * Whether a header cell names the indicator column. `loose` words (指標, 基本指標) are a
 * header only when the caller finds other header columns on the row.
 */
export function isIndicatorHeaderName(text: string): { kind: 'policy' | 'survey'; loose: boolean } | undefined {
  const t = compact(text);
  if (SURVEY_NAME_WORDS.test(t)) return { kind: 'survey', loose: false };
  if (indicatorRole(t) !== 'name') return undefined;
  return { kind: 'policy', loose: LOOSE_NAME_WORDS.test(t) };
}

export type ProjectRole = 'no' | 'category' | 'name' | 'plan' | 'status' | 'achievement' | 'department' | 'sdgs' | 'sdgsNote';

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

/** `基本施策3 ICTを含めた…`, `◆基本施策 3 …`, `基本施策３`, `【基本施策３】…`, `(3) 基本施策3 …`. */
export function policyHeading(text: string): { number: number; title: string } | undefined {
  const m = /^[◆■●]?\s*(?:\(\d\)|\d[.)]|第\d)?\s*[【[(]?\s*基本施策\s*([1-7])\s*[】\])]?\s*(.*)$/su.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  return {
    number: Number(m[1]),
    title: m[2]
      .replace(/^[:：、.．\s]+/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/**
 * A 施策 title without the word 基本施策, as a sheet or heading may carry it: `3．ICTを含めた…`,
 * `3 ICTを…`. Only a number followed by text counts, so a figure on its own is never a title.
 */
export function numberedTitle(text: string): { number: number; title: string } | undefined {
  const m = /^([1-7])\s*[.．、:：]\s*(\S.*)$/su.exec(text.normalize('NFKC').trim());
  if (!m || /^\d/.test(m[2])) return undefined;
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
