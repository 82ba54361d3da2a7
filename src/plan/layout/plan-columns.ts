import { columnLetters } from '../grid';
import type { PlanDefinition, ReferenceRole } from '../definition/types';

/**
 * The 基本指標 / 全体指標 columns of a master for one plan: its reference points, one 実績値
 * column per year from the first year after the references to the plan's last year, then
 * 進捗状況, 目標値 (the target year), reasons, department and the hidden 方向.
 */
export interface IndicatorLayout {
  header: string[];
  surveyHeader: string[];
  yearRow: string[];
  widths: number[];
  actualYears: number[];
  reference: Partial<Record<ReferenceRole, number>>;
  col: {
    name: number;
    description: number;
    firstActual: number;
    progress: number;
    target: number;
    reason: number;
    department: number;
    direction: number;
  };
  /** The merged 実績値 header cell, e.g. `F{row}:I{row}` with the row left to the caller. */
  actualSpan: (row: number) => string;
}

export function actualYearsOf(def: PlanDefinition): number[] {
  const latestReference = Math.max(...def.referencePoints.map((r) => r.year));
  const first = Math.max(latestReference + 1, def.period.first);
  const out: number[] = [];
  for (let y = first; y <= Math.max(def.period.last, def.targetYear); y++) out.push(y);
  return out;
}

export function indicatorLayout(def: PlanDefinition): IndicatorLayout {
  const refs = [...def.referencePoints].sort((a, b) => a.year - b.year);
  const years = actualYearsOf(def);
  const reference: IndicatorLayout['reference'] = {};
  refs.forEach((r, i) => (reference[r.role] = 2 + i));
  const firstActual = 2 + refs.length;
  const progress = firstActual + years.length;
  const col = {
    name: 0,
    description: 1,
    firstActual,
    progress,
    target: progress + 1,
    reason: progress + 2,
    department: progress + 3,
    direction: progress + 4,
  };
  const actualHead = years.map((_, i) => (i === 0 ? '実績値' : ''));
  const header = [
    '基本指標項目',
    '説明',
    ...refs.map((r) => r.label),
    ...actualHead,
    '進捗状況',
    '目標値',
    '施策の実施状況・実績の増減理由等',
    '担当所属',
    '方向',
  ];
  const surveyHeader = [
    '全体指標項目',
    '説明',
    ...refs.map((r) => r.surveyLabel ?? r.label),
    ...actualHead,
    '進捗状況（前年度との比較）',
    '目標値',
    '',
    '',
    '方向',
  ];
  const yearRow = ['', '', ...refs.map((r) => `${r.year}年度`), ...years.map((y) => `${y}年度`), '', `${def.targetYear}年度`, '', '', ''];
  const widths = [34, 30, ...refs.map(() => 11), ...years.map(() => 11), 8, 12, 60, 22, 8];
  const actualSpan = (row: number) => `${columnLetters(firstActual)}${row}:${columnLetters(progress - 1)}${row}`;
  return { header, surveyHeader, yearRow, widths, actualYears: years, reference, col, actualSpan };
}
