/** The canonical master's columns, shared by the writer (init, split) and its tests. */
export const INDICATOR_HEADER = [
  '基本指標項目',
  '説明',
  '策定時',
  '見直し時',
  '中間年度',
  '実績値',
  '',
  '',
  '',
  '進捗状況',
  '目標値',
  '施策の実施状況・実績の増減理由等',
  '担当所属',
  '方向',
] as const;

export const SURVEY_HEADER = [
  '全体指標項目',
  '説明',
  '計画策定時',
  '後期見直し時',
  '中間年度',
  '実績値',
  '',
  '',
  '',
  '進捗状況（前年度との比較）',
  '目標値',
  '',
  '',
  '方向',
] as const;

export const ACTUAL_YEARS = [2022, 2023, 2024, 2025] as const;
export const YEAR_ROW = [
  '',
  '',
  '2016年度',
  '2020年度',
  '2021年度',
  '2022年度',
  '2023年度',
  '2024年度',
  '2025年度',
  '',
  '2025年度',
  '',
  '',
  '',
];

/** 0-based column of each part of a 基本指標 row in the canonical layout. */
export const COL = {
  name: 0,
  description: 1,
  baseline: 2,
  review: 3,
  midterm: 4,
  firstActual: 5,
  progress: 9,
  target: 10,
  reason: 11,
  department: 12,
  direction: 13,
} as const;

export function actualCol(year: number): number {
  return COL.firstActual + (year - ACTUAL_YEARS[0]);
}

export const INDICATOR_WIDTHS = [34, 30, 11, 11, 11, 11, 11, 11, 11, 8, 12, 60, 22, 8];

export const PROJECT_WIDTHS = [6, 8, 28, 50, 60, 22, 24, 16, 16];

export function projectHeader(year: number): string[] {
  return [
    'No.',
    `${year} 区分`,
    '事業名',
    `事業計画（${year}）（実施予定及び数値目標等）`,
    `取組状況（${year}）`,
    `達成度（${year}）`,
    '担当課',
    'SDGs ゴール、ターゲット',
    'SDGsの取り組み',
  ];
}

export const LEGEND = '「↑」 目標値に近づいている又は超えている 「→」 横ばい 「↓」 目標から遠ざかっている';
export const CIRCLED_NUMBERS = '①②③④⑤⑥⑦⑧⑨⑩';
