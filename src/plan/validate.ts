import { refAddress, type CellRef } from './grid';
import { isKnownDepartment, parseDepartment } from './departments';
import type { Finding, Severity } from './findings';
import type { Indicator, IndicatorTable, Plan, ValueCell } from './model';
import { isSdgsTarget, splitSdgsCodes } from './sdgs';
import { formatValue } from './value';

export interface ValidateOptions {
  year: number;
  /** Year-on-year change beyond this ratio (either way) is a warning. */
  jumpRatio: number;
  /** Departments accepted besides the known list (e.g. from a master's metadata). */
  departments?: ReadonlySet<string>;
}

export const ACHIEVEMENT_LEVELS = [
  '4 予定どおり実施した（75%以上）',
  '3 おおむね予定どおり実施した（50%以上75%未満）',
  '2 予定より縮小して実施した（25%以上50%未満）',
  '1 予定より大幅に縮小して実施した（25%未満）',
] as const;

function finding(severity: Severity, rule: string, ref: CellRef, message: string): Finding {
  return { severity, rule, sheet: ref.sheet, cell: refAddress(ref), message };
}

/**
 * The checks every figure gets, wherever it is entered: readable, the indicator's unit, 0–100
 * for a percentage, not negative, not approximate. Exported so a contribution row (内訳) of a
 * shared indicator is judged by the same rules and words as the indicator itself.
 */
export function checkValue(ind: Pick<Indicator, 'name' | 'unit'>, v: ValueCell, what: string, out: Finding[]): void {
  const p = v.parsed;
  if (p.kind === 'invalid') {
    const isFormula = p.formulaError === true;
    out.push(
      finding('error', isFormula ? 'formula-error' : 'not-a-number', v.ref,
        isFormula
          ? `${ind.name}の${what}に数式のエラー ${p.raw} が出ています。参照先や数式を確認してください。`
          : `${ind.name}の${what}「${p.raw}」を数値として読めません。数値と単位（例: 1,283人）で入力してください。`),
    );
    return;
  }
  if (p.kind !== 'number' || p.value === undefined) return;
  if (p.unit && ind.unit && p.unit !== ind.unit) {
    out.push(finding('error', 'unit-mismatch', v.ref, `${ind.name}の${what}の単位が「${p.unit}」になっています。この指標の単位は「${ind.unit}」です。`));
  }
  const values = p.values ?? [p.value];
  if ((p.unit ?? ind.unit) === '%' && values.some((n) => n < 0 || n > 100)) {
    out.push(finding('error', 'percent-range', v.ref, `${ind.name}の${what}「${p.raw}」は割合として0%～100%の範囲を外れています。`));
  } else if (values.some((n) => n < 0)) {
    out.push(finding('error', 'negative', v.ref, `${ind.name}の${what}「${p.raw}」が負の数になっています。件数・人数は0以上で入力してください。`));
  }
  if (p.approximate) {
    out.push(finding('warning', 'approximate', v.ref, `${ind.name}の${what}「${p.raw}」は概数（約）です。確定値が分かれば確定値を入力してください。`));
  }
}

function checkIndicator(ind: Indicator, table: IndicatorTable, opts: ValidateOptions, out: Finding[]): void {
  const yearCol = table.years.find((y) => y.year === opts.year && y.role === 'actual');
  for (const s of ind.series) {
    const label = s.label ? `（${s.label}）` : '';
    for (const y of table.years) {
      const v = s.values.get(y.year);
      if (v) checkValue(ind, v, `${y.year}年度${label}の値`, out);
    }
    if (s.target) checkValue(ind, s.target, `目標値${label}`, out);
    if (!s.target || s.target.parsed.kind === 'empty') {
      out.push(finding('warning', 'target-missing', s.target?.ref ?? ind.nameRef, `${ind.name}${label}の目標値が入力されていません。`));
    }
    if (!yearCol) continue;
    const current = s.values.get(opts.year);
    const cp = current?.parsed;
    if (current && cp?.kind === 'empty') {
      out.push(finding('error', 'actual-missing', current.ref, `${ind.name}${label}の${opts.year}年度の実績値が入力されていません。`));
    }
    if (cp?.kind !== 'number' || cp.value === undefined) continue;
    const earlier = table.years
      .filter((y) => y.year < opts.year)
      .sort((a, b) => b.year - a.year)
      .map((y) => s.values.get(y.year)?.parsed)
      .find((p) => p?.kind === 'number' && p.value !== undefined);
    if (earlier?.value !== undefined) {
      const prev = earlier.value;
      const now = cp.value;
      const unit = cp.unit ?? ind.unit;
      if (ind.cumulative && now < prev) {
        out.push(finding('error', 'cumulative-decrease', current!.ref,
          `${ind.name}は累計の指標ですが、${opts.year}年度の値 ${formatValue(now, unit)} が前年度までの ${formatValue(prev, unit)} より減っています。`));
      }
      const ratio = prev === 0 ? (now === 0 ? 1 : Infinity) : now / prev;
      if (ratio > opts.jumpRatio || ratio < 1 / opts.jumpRatio) {
        out.push(finding('warning', 'jump', current!.ref,
          `${ind.name}${label}の${opts.year}年度の値 ${formatValue(now, unit)} は前回の ${formatValue(prev, unit)} から大きく変わっています（${opts.jumpRatio}倍を超える増減）。入力誤りでないか確認してください。`));
      }
    }
  }
  const entered = ind.series.some((s) => s.values.get(opts.year)?.parsed.kind === 'number');
  if (yearCol && entered && ind.reason && ind.reason.text.trim() === '') {
    out.push(finding('warning', 'reason-missing', ind.reason.ref, `${ind.name}の実績値が入力されていますが、「施策の実施状況・実績の増減理由等」が空欄です。`));
  }
  if (!yearCol && ind === table.indicators[0]) {
    out.push({
      severity: 'warning',
      rule: 'year-column-missing',
      sheet: table.sheet,
      cell: refAddress({ sheet: table.sheet, row: table.headerRow, col: 0 }),
      message: `この表には${opts.year}年度の実績値の列がありません。`,
    });
  }
  if (ind.department) checkDepartment(ind.department.text, ind.department.ref, ind.name, opts, out);
}

function checkDepartment(text: string, ref: CellRef, what: string, opts: ValidateOptions, out: Finding[]): void {
  if (text.trim() === '') {
    out.push(finding('error', 'department-missing', ref, `${what}の担当所属が空欄です。`));
    return;
  }
  const d = parseDepartment(text);
  if (!isKnownDepartment(d.key, opts.departments)) {
    out.push(finding('error', 'unknown-department', ref, `${what}の担当「${d.text}」は登録されている所属名と一致しません。課の正式名称で入力してください。`));
  }
}

function checkTable(table: IndicatorTable, opts: ValidateOptions, seen: Map<string, CellRef>, out: Finding[]): void {
  for (const ind of table.indicators) {
    const first = seen.get(ind.key);
    if (first) {
      out.push(finding('error', 'duplicate-indicator', ind.nameRef, `指標「${ind.name}」が2回あります（最初は ${first.sheet}!${refAddress(first)}）。重複している行を削除してください。`));
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

export function validate(plan: Plan, opts: ValidateOptions): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, CellRef>();
  for (const p of plan.policies) if (p.table) checkTable(p.table, opts, seen, out);
  if (plan.survey) checkTable(plan.survey, opts, seen, out);
  const projectsSeen = new Map<number, CellRef>();
  for (const pr of plan.projects?.projects ?? []) {
    const here = { sheet: pr.sheet, row: pr.row, col: plan.projects?.columns.no ?? 0 };
    const dup = projectsSeen.get(pr.no);
    if (dup) out.push(finding('error', 'duplicate-project', here, `事業No.${pr.no}が2回あります（最初は ${refAddress(dup)}）。`));
    else projectsSeen.set(pr.no, here);
    const a = pr.achievement;
    if (a) {
      if (a.text.trim() === '') {
        if (pr.status && pr.status.text.trim() !== '') {
          out.push(finding('error', 'achievement-missing', a.ref, `事業「${pr.name}」の達成度が空欄です。1～4のいずれかを選んでください。`));
        }
      } else if (achievementLevel(a.text) === undefined) {
        out.push(finding('error', 'achievement-level', a.ref, `事業「${pr.name}」の達成度「${a.text}」は1～4のいずれでもありません。「4 予定どおり実施した（75%以上）」のように選んでください。`));
      }
    }
    if (pr.sdgs) {
      const bad = splitSdgsCodes(pr.sdgs.text).filter((c) => !isSdgsTarget(c));
      if (bad.length > 0) {
        out.push(finding('error', 'sdgs-target', pr.sdgs.ref, `事業「${pr.name}」のSDGsターゲット「${bad.join('、')}」は存在しません。「11.2」「3.a」のように、ゴール番号とターゲット番号で入力してください。`));
      }
    }
    if (pr.department) checkDepartment(pr.department.text, pr.department.ref, `事業「${pr.name}」`, opts, out);
  }
  return out;
}
