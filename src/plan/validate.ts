import { refAddress, type CellRef } from './grid';
import { definitionDepartments, isKnownDepartment, parseDepartment } from './departments';
import { definitionOf } from './definition/stored';
import { cellKey } from './keys';
import type { Finding } from './findings';
import type { Indicator, IndicatorTable, Plan, ValueCell } from './model';
import { finding, type RuleId, type RuleParams } from './rules';
import { isSdgsTarget, splitSdgsCodes } from './sdgs';
import { formatValue } from './value';

export interface ValidateOptions {
  year: number;
  /** Year-on-year change beyond this ratio (either way) is a warning. */
  jumpRatio: number;
  /** Departments accepted besides the plan definition's (e.g. from a master's metadata). */
  departments?: ReadonlySet<string>;
}

/** With the definition's departments added; none at all means the plan names none to check against. */
type Checks = ValidateOptions & { known?: ReadonlySet<string> };

export const ACHIEVEMENT_LEVELS = [
  '4 予定どおり実施した（75%以上）',
  '3 おおむね予定どおり実施した（50%以上75%未満）',
  '2 予定より縮小して実施した（25%以上50%未満）',
  '1 予定より大幅に縮小して実施した（25%未満）',
] as const;

function at<R extends RuleId>(rule: R, ref: CellRef, params: RuleParams<R>): Finding {
  return finding(rule, ref.sheet, refAddress(ref), params);
}

/**
 * The checks every figure gets, wherever it is entered: readable, the indicator's unit, 0–100
 * for a percentage, not negative, not approximate. Exported so a contribution row (内訳) of a
 * shared indicator is judged by the same rules and words as the indicator itself.
 */
export function checkValue(ind: Pick<Indicator, 'name' | 'unit'>, v: ValueCell, what: string, out: Finding[]): void {
  const p = v.parsed;
  if (p.uncomputed) {
    out.push(at('formula-not-computed', v.ref, { name: ind.name, what, raw: p.raw, why: p.error ?? '' }));
    return;
  }
  if (p.note) {
    out.push(at('value-note', v.ref, { name: ind.name, what, raw: p.raw, value: formatValue(p.value ?? 0, p.unit), note: p.note }));
  }
  if (p.kind === 'invalid') {
    out.push(at(p.formulaError === true ? 'formula-error' : 'not-a-number', v.ref, { name: ind.name, what, raw: p.raw }));
    return;
  }
  if (p.kind !== 'number' || p.value === undefined) return;
  if (p.unit && ind.unit && p.unit !== ind.unit) {
    out.push(at('unit-mismatch', v.ref, { name: ind.name, what, unit: p.unit, expected: ind.unit }));
  }
  const values = p.values ?? [p.value];
  if ((p.unit ?? ind.unit) === '%' && values.some((n) => n < 0 || n > 100)) {
    out.push(at('percent-range', v.ref, { name: ind.name, what, raw: p.raw }));
  } else if (values.some((n) => n < 0)) {
    out.push(at('negative', v.ref, { name: ind.name, what, raw: p.raw }));
  }
  if (p.approximate) {
    out.push(at('approximate', v.ref, { name: ind.name, what, raw: p.raw }));
  }
}

function checkIndicator(ind: Indicator, table: IndicatorTable, opts: Checks, out: Finding[]): void {
  const yearCol = table.years.find((y) => y.year === opts.year && y.role === 'actual');
  for (const s of ind.series) {
    const label = s.label ? `（${s.label}）` : '';
    for (const y of table.years) {
      const v = s.values.get(y.year);
      if (v) checkValue(ind, v, `${y.year}年度${label}の値`, out);
    }
    if (s.target) checkValue(ind, s.target, `目標値${label}`, out);
    if (!s.target || s.target.parsed.kind === 'empty') {
      out.push(at('target-missing', s.target?.ref ?? ind.nameRef, { name: ind.name, label }));
    }
    if (!yearCol) continue;
    const current = s.values.get(opts.year);
    const cp = current?.parsed;
    if (current && cp?.kind === 'empty') {
      out.push(at('actual-missing', current.ref, { name: ind.name, label, year: opts.year }));
    }
    if (!current || cp?.kind !== 'number' || cp.value === undefined) continue;
    const earlier = table.years
      .filter((y) => y.year < opts.year)
      .sort((a, b) => b.year - a.year)
      .map((y) => s.values.get(y.year)?.parsed)
      .find((p) => p?.kind === 'number' && p.value !== undefined);
    if (earlier?.value !== undefined) {
      const prev = earlier.value;
      const now = cp.value;
      const unit = cp.unit ?? ind.unit;
      // Each figure is quoted with the unit written in its own cell (148法人 stays 法人, never %).
      const prevUnit = earlier.unit ?? ind.unit;
      if (ind.cumulative && now < prev) {
        out.push(
          at('cumulative-decrease', current.ref, {
            name: ind.name,
            year: opts.year,
            now: formatValue(now, unit),
            prev: formatValue(prev, prevUnit),
          }),
        );
      }
      const ratio = prev === 0 ? (now === 0 ? 1 : Infinity) : now / prev;
      if (ratio > opts.jumpRatio || ratio < 1 / opts.jumpRatio) {
        out.push(
          at('jump', current.ref, {
            name: ind.name,
            label,
            year: opts.year,
            now: formatValue(now, unit),
            prev: formatValue(prev, prevUnit),
            ratio: opts.jumpRatio,
          }),
        );
      }
    }
  }
  const entered = ind.series.some((s) => s.values.get(opts.year)?.parsed.kind === 'number');
  if (yearCol && entered && ind.reason && ind.reason.text.trim() === '') {
    out.push(at('reason-missing', ind.reason.ref, { name: ind.name }));
  }
  if (!yearCol && ind === table.indicators[0]) {
    out.push(at('year-column-missing', { sheet: table.sheet, row: table.headerRow, col: 0 }, { year: opts.year }));
  }
  if (ind.department) checkDepartment(ind.department.text, ind.department.ref, ind.name, opts, out);
}

function checkDepartment(text: string, ref: CellRef, what: string, opts: Checks, out: Finding[]): void {
  if (text.trim() === '') {
    out.push(at('department-missing', ref, { what }));
    return;
  }
  const d = parseDepartment(text);
  if (opts.known && !isKnownDepartment(d.key, opts.known)) {
    out.push(at('unknown-department', ref, { what, text: d.text }));
  }
}

function checkTable(table: IndicatorTable, opts: Checks, seen: Map<string, CellRef>, out: Finding[]): void {
  for (const ind of table.indicators) {
    const first = seen.get(ind.key);
    if (first) {
      out.push(at('duplicate-indicator', ind.nameRef, { name: ind.name, first: cellKey(first) }));
    } else seen.set(ind.key, ind.nameRef);
    checkIndicator(ind, table, opts, out);
  }
}

function achievementLevel(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  // `4 予定どおり…`, `4（75%以上）`, `4.予定どおり…`; not `10`, `4.5`.
  const m = /^([1-4])(?!\d|\.\d)/.exec(t);
  return m ? Number(m[1]) : undefined;
}

export function validate(plan: Plan, options: ValidateOptions): Finding[] {
  const named = definitionDepartments(definitionOf(plan));
  const known = named.size > 0 ? new Set([...named, ...(options.departments ?? [])]) : undefined;
  const opts: Checks = { ...options, known };
  const out: Finding[] = [];
  const seen = new Map<string, CellRef>();
  for (const p of plan.policies) if (p.table) checkTable(p.table, opts, seen, out);
  if (plan.survey) checkTable(plan.survey, opts, seen, out);
  const projectsSeen = new Map<number, CellRef>();
  for (const pr of plan.projects?.projects ?? []) {
    const here = { sheet: pr.sheet, row: pr.row, col: plan.projects?.columns.no ?? 0 };
    const dup = projectsSeen.get(pr.no);
    if (dup) out.push(at('duplicate-project', here, { no: pr.no, first: refAddress(dup) }));
    else projectsSeen.set(pr.no, here);
    const a = pr.achievement;
    if (a) {
      if (a.text.trim() === '') {
        if (pr.status && pr.status.text.trim() !== '') {
          out.push(at('achievement-missing', a.ref, { name: pr.name }));
        }
      } else if (achievementLevel(a.text) === undefined) {
        out.push(at('achievement-level', a.ref, { name: pr.name, text: a.text }));
      }
    }
    if (pr.sdgs) {
      const bad = splitSdgsCodes(pr.sdgs.text).filter((c) => !isSdgsTarget(c));
      if (bad.length > 0) {
        out.push(at('sdgs-target', pr.sdgs.ref, { name: pr.name, codes: bad.join('、') }));
      }
    }
    if (pr.department) checkDepartment(pr.department.text, pr.department.ref, `事業「${pr.name}」`, opts, out);
  }
  return out;
}
