import { refAddress, type CellRef } from './grid';
import type { DirectionDecision } from './direction';
import { parseDepartment } from './departments';
import type { Indicator, YearColumn } from './model';
import type { RevisionFlag } from './report';
import { formatValue } from './value';

function show(n: number, unit?: string): string {
  return formatValue(n, unit);
}

/**
 * What changed during the plan for one indicator: added at the mid-term review, a revised
 * target, figures restated under a new method, a renamed department, an unsure direction.
 */
export function indicatorFlags(ind: Indicator, years: readonly YearColumn[], decision: DirectionDecision): RevisionFlag[] {
  const flags: RevisionFlag[] = [];
  const base = { key: ind.key, indicator: ind.name, sheet: ind.nameRef.sheet };
  if (ind.added) {
    flags.push({
      ...base,
      kind: 'added',
      cell: refAddress(ind.nameRef),
      message: `${ind.name}は、2021年度の中間見直しで追加された指標です。`,
    });
  }
  for (const s of ind.series) {
    const label = s.label ? `（${s.label}）` : '';
    const t = s.target;
    // `when`: 中間見直しで (both figures in the target cell) or 当初の (the original target column).
    const targetRevised = (ref: CellRef, from: string, to: string, when: string) =>
      flags.push({
        ...base,
        kind: 'target-revised',
        cell: refAddress(ref),
        from,
        to,
        used: to,
        message: `${ind.name}${label}の目標値は${when} ${from} から ${to} に変更されています。進捗状況は変更後の ${to} で判断しました。`,
      });
    if (t?.parsed.kind === 'number' && t.parsed.value !== undefined && t.parsed.values && t.parsed.values.length > 1) {
      targetRevised(t.ref, show(t.parsed.values[0], t.parsed.unit), show(t.parsed.value, t.parsed.unit), '中間見直しで');
    } else if (
      t?.parsed.kind === 'number' &&
      t.parsed.value !== undefined &&
      s.originalTarget?.parsed.kind === 'number' &&
      s.originalTarget.parsed.value !== undefined &&
      s.originalTarget.parsed.value !== t.parsed.value
    ) {
      const from = show(s.originalTarget.parsed.value, s.originalTarget.parsed.unit ?? t.parsed.unit);
      targetRevised(t.ref, from, show(t.parsed.value, t.parsed.unit), '当初の');
    }
    const restated = years.flatMap((y) => {
      const v = s.values.get(y.year);
      const p = v?.parsed;
      if (!v || p?.kind !== 'number' || p.value === undefined || !p.values || p.values.length < 2) return [];
      return [{ ref: v.ref, text: `${y.year}年度 ${show(p.values[0], p.unit)} → ${show(p.value, p.unit)}` }];
    });
    if (restated.length > 0) {
      const parts = restated.map((r) => r.text);
      flags.push({
        ...base,
        kind: 'restated',
        cell: refAddress(restated[0].ref),
        from: parts.join('、'),
        used: '再計算後の値',
        message: `${ind.name}${label}は算定方法の変更により数値が再計算されています（${parts.join('、')}）。比較には再計算後の値を使いました。`,
      });
    }
  }
  if (ind.department) {
    const d = parseDepartment(ind.department.text);
    if (d.former) {
      flags.push({
        ...base,
        kind: 'department-renamed',
        cell: refAddress(ind.department.ref),
        from: d.former,
        to: d.key,
        used: d.key,
        message: `担当所属は${japaneseDate(d.since)}に${d.former}から${d.key}に変わっています。${d.key}の担当として扱います。`,
      });
    }
  }
  if (decision.review) {
    flags.push({
      ...base,
      kind: 'direction-review',
      cell: refAddress(ind.nameRef),
      used: decision.direction === 'up' ? '高いほど良い' : '低いほど良い',
      message: `${ind.name}：${decision.reason ?? ''}正しい方向を「方向」列に記入してください。`,
    });
  }
  return flags;
}

function japaneseDate(iso?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '年度途中';
}
