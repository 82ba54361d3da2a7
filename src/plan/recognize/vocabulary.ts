/**
 * The words offices write in the header of a 基本指標 table, in one place: a new spelling
 * is one line here. Headers are matched with spaces removed and full-width folded (NFKC).
 * Order matters: the first pattern that matches decides, so the look-alikes that must never
 * be read (目標達成率, 進捗率) come before 目標 and 進捗.
 */
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
  | 'unit'
  /** A column that looks like one we read but is not (達成率): never read, never written. */
  | 'ignored';

export const HEADER_WORDS: readonly [IndicatorRole, RegExp][] = [
  ['ignored', /達成率|進捗率|達成度|目標年度|達成年度/],
  ['name', /^(基本|全体)?指標(項目|名)|^成果指標名?$|^基本指標$|^指標$/],
  ['description', /^説明|^内容$|^指標の説明/],
  ['baseline', /策定時|^基準値|^現状値/],
  ['review', /見直し?時/],
  ['midterm', /中間(年度|年|値)/],
  ['progress', /進捗(状況)?/],
  ['originalTarget', /当初目標/],
  ['target', /目標(値)?/],
  ['reason', /増減理由|実施状況/],
  ['actual', /実績/],
  ['department', /担当(所属|課|部署)|^所管課?$|^所管(所属|部署)/],
  ['direction', /^(方向|改善方向|望ましい方向)/],
  ['unit', /^単位$/],
];

/** Name-column words that also occur in prose: a header only when the row has a target or year column too. */
export const LOOSE_NAME_WORDS = /^(基本指標|成果指標|指標)$/;

/** The name column of the 全体指標 (citizen survey) table. */
export const SURVEY_NAME_WORDS = /^全体指標(項目|名)/;
