import type { Direction, Indicator, Series, YearColumn } from './model';
import { formatValue } from './value';

export interface DirectionDecision {
  direction: Direction;
  source: 'template' | 'inferred';
  /** The inference is uncertain: a person should confirm it (write it in the 方向 column). */
  review: boolean;
  reason?: string;
}

function referenceValues(series: Series, years: readonly YearColumn[]): number[] {
  const refs: number[] = [];
  for (const y of years) {
    if (y.role === 'actual') continue;
    const v = series.values.get(y.year)?.parsed;
    if (v?.kind === 'number' && v.value !== undefined) refs.push(v.value);
  }
  if (refs.length > 0) return refs;
  // No 策定時/見直し時/中間年度 at all (a new indicator): the earliest actual is the reference,
  // by year, whatever order the columns are in.
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    const v = series.values.get(y.year)?.parsed;
    if (y.role === 'actual' && v?.kind === 'number' && v.value !== undefined) return [v.value];
  }
  return [];
}

/**
 * Which way is better. The template's 方向 column wins; otherwise lower is better only
 * when the target lies below every reference value (策定時, 見直し時, 中間年度): a plan sets
 * a target below where it started only to bring something down.
 */
export function decideDirection(ind: Indicator, years: readonly YearColumn[]): DirectionDecision {
  if (ind.direction) return { direction: ind.direction, source: 'template', review: false };
  if (ind.cumulative) return { direction: 'up', source: 'inferred', review: false };
  for (const series of ind.series) {
    const target = series.target?.parsed;
    if (target?.kind !== 'number' || target.value === undefined) continue;
    const refs = referenceValues(series, years);
    if (refs.length === 0) continue;
    const t = target.value;
    const above = refs.filter((r) => r > t).length;
    const below = refs.filter((r) => r < t).length;
    if (above === refs.length) {
      // Lower is better on the word of one figure only: a person confirms it rather than a silent flip.
      if (refs.length < 2) {
        return {
          direction: 'down',
          source: 'inferred',
          review: true,
          reason: `基準となる値が ${formatValue(refs[0], ind.unit)} の1つだけで、目標値 ${formatValue(t, ind.unit)} がそれより低いため、「低いほど良い」と判断しました。方向の列で確認してください。`,
        };
      }
      return { direction: 'down', source: 'inferred', review: false };
    }
    if (above > 0 && below > 0) {
      return {
        direction: 'up',
        source: 'inferred',
        review: true,
        reason: `基準となる値（${refs.map((r) => formatValue(r, ind.unit)).join('、')}）が目標値 ${formatValue(t, ind.unit)} の上下にまたがるため、「高いほど良い」と判断しました。`,
      };
    }
    return { direction: 'up', source: 'inferred', review: false };
  }
  return {
    direction: 'up',
    source: 'inferred',
    review: true,
    reason: '目標値または基準となる値がないため、「高いほど良い」と仮定しました。',
  };
}
