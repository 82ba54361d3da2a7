import type { Plan } from './model';
import { cellKeyAt } from './keys';

/** A row that looks like part of a table but was not read into it, and why (Japanese). */
export interface SkippedRow {
  sheet: string;
  cell: string;
  reason: string;
}

/**
 * What was read, so that no answer rests silently on part of a workbook:
 * 「基本施策 7/7、基本指標 36/36 を読み取りました」.
 */
export interface Coverage {
  policies: { read: number; expected: number; missing: number[] };
  indicators: { read: number; skipped: SkippedRow[] };
  /** Columns of figures left unread because their header could not be placed (by header cell). */
  columns: { skipped: SkippedRow[] };
  /** Japanese reasons the reading is incomplete; empty when everything was read. */
  problems: string[];
  complete: boolean;
}

export function coverageOf(
  plan: Plan,
  skipped: readonly SkippedRow[],
  expectedPolicies: readonly number[],
  year?: number,
  skippedColumns: readonly SkippedRow[] = [],
): Coverage {
  const read = plan.policies.filter((p) => p.table).map((p) => p.number);
  const missing = expectedPolicies.filter((n) => !read.includes(n));
  const indicators = plan.policies.reduce((n, p) => n + (p.table?.indicators.length ?? 0), 0);
  const problems: string[] = [];
  if (read.length === 0) problems.push('基本指標の表が見つかりません。');
  else if (missing.length > 0) problems.push(`基本施策${missing.join('・')}の基本指標の表が見つかりません。`);
  // A table with no indicator in it was read as nothing: a blank master is 未記入, never a pass.
  const empty = plan.policies.filter((p) => p.table && p.table.indicators.length === 0);
  if (empty.length > 0) problems.push(`基本施策${empty.map((p) => p.number).join('・')}の表に基本指標が1つもありません。`);
  if (year !== undefined) {
    // A year column whose header could not be read leaves the table without the year: no arrow could be right.
    const without = plan.policies.filter(
      (p) => p.table && p.table.indicators.length > 0 && !p.table.years.some((y) => y.role === 'actual' && y.year === year),
    );
    if (without.length > 0)
      problems.push(`基本施策${without.map((p) => p.number).join('・')}の表に${year}年度の実績値の列が見つかりません。`);
  }
  if (skipped.length > 0)
    problems.push(
      `指標の行のうち ${skipped.length} 行を読み取れませんでした（${skipped.map((s) => cellKeyAt(s.sheet, s.cell)).join('、')}）。`,
    );
  if (skippedColumns.length > 0) {
    problems.push(
      `値の入った列のうち ${skippedColumns.length} 列を読み取れませんでした（${skippedColumns.map((s) => cellKeyAt(s.sheet, s.cell)).join('、')}）。`,
    );
  }
  return {
    policies: { read: read.length, expected: expectedPolicies.length, missing },
    indicators: { read: indicators, skipped: [...skipped] },
    columns: { skipped: [...skippedColumns] },
    problems,
    complete: problems.length === 0,
  };
}

/** 「基本施策 7/7、基本指標 36 を読み取りました」, and what was not, for the CLI and the pane. */
export function coverageLine(c: Coverage): string {
  const head = `基本施策 ${c.policies.read}/${c.policies.expected}、基本指標 ${c.indicators.read}/${c.indicators.read + c.indicators.skipped.length} を読み取りました。`;
  return c.complete ? head : `${head}${c.problems.join('')}`;
}

/** The `coverage` object of `--json`: what was read, and every row that was not, by sheet and cell. */
export function coverageJson(c: Coverage): object {
  return {
    policies: { read: c.policies.read, expected: c.policies.expected },
    indicators: { read: c.indicators.read, skipped: c.indicators.skipped.map(({ sheet, cell, reason }) => ({ sheet, cell, reason })) },
    columns: { skipped: c.columns.skipped.map(({ sheet, cell, reason }) => ({ sheet, cell, reason })) },
    complete: c.complete,
    problems: c.problems,
  };
}
