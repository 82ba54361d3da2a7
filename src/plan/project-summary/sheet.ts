import type { SheetSpec } from '../edits';
import type { Scalar } from '../grid';
import { NO_ACHIEVEMENT, NO_CATEGORY, type ProjectSummary } from './summarize';

export const SUMMARY_SHEET = '実施計画の集計';

export const SDGS_GOALS = [
  '貧困をなくそう',
  '飢餓をゼロに',
  'すべての人に健康と福祉を',
  '質の高い教育をみんなに',
  'ジェンダー平等を実現しよう',
  '安全な水とトイレを世界中に',
  'エネルギーをみんなにそしてクリーンに',
  '働きがいも経済成長も',
  '産業と技術革新の基盤をつくろう',
  '人や国の不平等をなくそう',
  '住み続けられるまちづくりを',
  'つくる責任つかう責任',
  '気候変動に具体的な対策を',
  '海の豊かさを守ろう',
  '陸の豊かさも守ろう',
  '平和と公正をすべての人に',
  'パートナーシップで目標を達成しよう',
] as const;

/** 区分 columns: the definition's values first, in its order, then any others the table has. */
export function categoryOrder(summary: ProjectSummary, known: readonly string[] = []): string[] {
  const seen = new Set(summary.policies.flatMap((p) => Object.keys(p.categories)));
  const rest = [...seen].filter((c) => !known.includes(c) && c !== NO_CATEGORY).sort();
  return [...known.filter((c) => seen.has(c)), ...rest, ...(seen.has(NO_CATEGORY) ? [NO_CATEGORY] : [])];
}

const LEVELS = ['4', '3', '2', '1', NO_ACHIEVEMENT];

export function summarySheet(summary: ProjectSummary, planName: string, categories: readonly string[] = []): SheetSpec {
  const cats = categoryOrder(summary, categories);
  const rows: Scalar[][] = [[`${planName}${summary.year ? ` ${summary.year}年度` : ''} 実施計画の集計（事業数 ${summary.total}）`], []];
  const headerRows: number[] = [];
  const table = (header: Scalar[], body: Scalar[][]) => {
    headerRows.push(rows.length);
    rows.push(header, ...body, []);
  };
  const sum = (f: (p: ProjectSummary['policies'][number]) => number) => summary.policies.reduce((n, p) => n + f(p), 0);
  table(
    ['施策', '事業数', ...cats],
    [
      ...summary.policies.map((p) => [`施策${p.policy}`, p.total, ...cats.map((c) => p.categories[c] ?? 0)]),
      ['計', summary.total, ...cats.map((c) => sum((p) => p.categories[c] ?? 0))],
    ],
  );
  table(
    ['施策', ...LEVELS.map((l) => (l === NO_ACHIEVEMENT ? l : `達成度${l}`))],
    [
      ...summary.policies.map((p) => [`施策${p.policy}`, ...LEVELS.map((l) => p.achievement[l] ?? 0)]),
      ['計', ...LEVELS.map((l) => sum((p) => p.achievement[l] ?? 0))],
    ],
  );
  table(
    ['SDGs ゴール', '事業数'],
    [...SDGS_GOALS.map((name, i) => [`${i + 1} ${name}`, summary.sdgsGoals[i + 1] ?? 0]), ['のべ', summary.sdgsTotal]],
  );
  return {
    name: SUMMARY_SHEET,
    rows,
    columns: [{ width: 40 }, ...cats.concat(LEVELS).map(() => ({ width: 10 }))],
    headingRows: [0],
    headerRows,
  };
}
