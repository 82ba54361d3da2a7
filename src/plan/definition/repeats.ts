import { finding } from '../rules';
import type { Finding } from '../findings';
import { a1 } from '../grid';
import type { Indicator, Plan, Series, ValueCell } from '../model';
import { compact } from '../text';
import type { PlanDefinition } from './types';

/**
 * 再掲: an indicator the definition lists again under another 施策. Its figures are the
 * original's; a figure that differs is a copying slip, reported on the repeat's cell.
 */
function find(plan: Plan, policy: number, name: string): Indicator | undefined {
  const list = policy === 0 ? (plan.survey?.indicators ?? []) : (plan.policies.find((p) => p.number === policy)?.table?.indicators ?? []);
  return list.find((i) => compact(i.name) === compact(name));
}

function figure(v: ValueCell | undefined): string {
  if (!v) return '';
  return v.parsed.value !== undefined ? String(v.parsed.value) : compact(v.parsed.raw);
}

function where(policy: number): string {
  return policy === 0 ? '全体指標' : `基本施策${policy}`;
}

function compareSeries(repeat: Indicator, copy: Series, original: Series, originOf: string, out: Finding[]): void {
  const cells: [string, ValueCell | undefined, ValueCell | undefined][] = [
    ...[...new Set([...copy.values.keys(), ...original.values.keys()])]
      .sort()
      .map((y): [string, ValueCell | undefined, ValueCell | undefined] => [`${y}年度の値`, copy.values.get(y), original.values.get(y)]),
    ['目標値', copy.target, original.target],
  ];
  for (const [label, mine, theirs] of cells) {
    if (figure(mine) === figure(theirs) || !mine) continue;
    out.push(
      finding('repeat-mismatch', mine.ref.sheet, a1(mine.ref.row, mine.ref.col), {
        name: repeat.name,
        origin: originOf,
        what: label,
        raw: mine.parsed.raw,
        original: theirs?.parsed.raw || '空欄',
      }),
    );
  }
}

export function repeatFindings(plan: Plan, definition: PlanDefinition): Finding[] {
  const out: Finding[] = [];
  const entries = [
    ...definition.policies.flatMap((p) => (p.indicators ?? []).map((ind) => ({ policy: p.number, ind }))),
    ...(definition.surveyIndicators ?? []).map((ind) => ({ policy: 0, ind })),
  ];
  for (const { policy, ind } of entries) {
    if (!ind.repeatOf) continue;
    const repeat = find(plan, policy, ind.name);
    const original = find(plan, ind.repeatOf.policy, ind.repeatOf.name);
    if (!repeat || !original) continue;
    const originOf = `${where(ind.repeatOf.policy)}「${original.name}」`;
    repeat.series.forEach((s, i) => {
      const o = original.series[i] as Series | undefined;
      if (o) compareSeries(repeat, s, o, originOf, out);
    });
  }
  return out;
}
