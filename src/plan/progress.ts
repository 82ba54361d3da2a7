import { decideDirection, type DirectionDecision } from './direction';
import type { Arrow, Direction, Indicator, Series, ValueCell, YearColumn } from './model';

export interface SeriesOutcome {
  arrow?: Arrow;
  improved: boolean;
  achieved: boolean;
  flat: boolean;
  current?: number;
  previous?: number;
  previousYear?: number;
  target?: number;
}

export interface IndicatorOutcome extends SeriesOutcome {
  decision: DirectionDecision;
  series: SeriesOutcome[];
}

function numberAt(series: Series, year: number): number | undefined {
  const p = series.values.get(year)?.parsed;
  return p?.kind === 'number' ? p.value : undefined;
}

/** A figure, or a formula whose result was not saved: either way the office filled the year in. */
function filledAt(series: Series, year: number): boolean {
  const p = series.values.get(year)?.parsed;
  return p?.kind === 'number' || p?.uncomputed === true;
}

function better(a: number, b: number, dir: Direction): number {
  return dir === 'up' ? a - b : b - a;
}

/**
 * One series for one year: past the target ⇒ ↑ (even after a fall); otherwise compared
 * with the latest earlier figure, in the better direction.
 */
export function seriesOutcome(series: Series, years: readonly YearColumn[], year: number, dir: Direction): SeriesOutcome {
  const current = numberAt(series, year);
  const t = series.target?.parsed;
  const target = t?.kind === 'number' ? t.value : undefined;
  let previous: number | undefined;
  let previousYear: number | undefined;
  for (const y of [...years].sort((a, b) => b.year - a.year)) {
    if (y.year >= year) continue;
    const v = numberAt(series, y.year);
    if (v !== undefined) {
      previous = v;
      previousYear = y.year;
      break;
    }
  }
  const out: SeriesOutcome = { improved: false, achieved: false, flat: false, current, previous, previousYear, target };
  if (current === undefined) return out;
  out.achieved = target !== undefined && better(current, target, dir) >= 0;
  if (previous !== undefined) {
    const d = better(current, previous, dir);
    out.improved = d > 0;
    out.flat = d === 0;
  }
  if (out.achieved) out.arrow = '↑';
  else if (previous !== undefined) out.arrow = out.improved ? '↑' : out.flat ? '→' : '↓';
  return out;
}

/** More ↑ than ↓ ⇒ ↑, fewer ⇒ ↓, as many ⇒ →; undefined when nothing could be judged. */
export function majority(arrows: readonly (Arrow | undefined)[]): Arrow | undefined {
  const known = arrows.filter((a): a is Arrow => a !== undefined);
  if (known.length === 0) return undefined;
  const up = known.filter((a) => a === '↑').length;
  const down = known.filter((a) => a === '↓').length;
  return up > down ? '↑' : up < down ? '↓' : '→';
}

// Flags and progress both need each indicator's direction; decide it once.
const decisions = new WeakMap<Indicator, DirectionDecision>();

export function directionOf(ind: Indicator, years: readonly YearColumn[]): DirectionDecision {
  let d = decisions.get(ind);
  if (!d) decisions.set(ind, (d = decideDirection(ind, years)));
  return d;
}

export function indicatorOutcome(ind: Indicator, years: readonly YearColumn[], year: number): IndicatorOutcome {
  const decision = directionOf(ind, years);
  const series = ind.series.map((s) => seriesOutcome(s, years, year, decision.direction));
  const first = series[0];
  const judged = series.filter((s) => s.current !== undefined);
  return {
    ...first,
    arrow: series.length === 1 ? first.arrow : majority(series.map((s) => s.arrow)),
    improved: judged.length > 0 && judged.length === series.length && judged.every((s) => s.improved),
    achieved: judged.length > 0 && judged.length === series.length && judged.every((s) => s.achieved),
    flat: judged.length > 0 && judged.every((s) => s.flat),
    decision,
    series,
  };
}

/** 前年度との比較 only (the 全体指標 column): no target rule. */
export function yearOnYearArrow(o: SeriesOutcome): Arrow | undefined {
  if (o.current === undefined || o.previous === undefined) return undefined;
  return o.improved ? '↑' : o.flat ? '→' : '↓';
}

/** How many indicators have a figure for each actual year (up to the plan's last year), and how many could. */
function filledByYear(
  tables: readonly { years: YearColumn[]; indicators: Indicator[] }[],
  lastYear: number,
): Map<number, { filled: Indicator[]; of: number }> {
  const out = new Map<number, { filled: Indicator[]; of: number }>();
  for (const t of tables) {
    for (const y of t.years) {
      if (y.role !== 'actual' || y.year > lastYear) continue;
      const entry = out.get(y.year) ?? { filled: [], of: 0 };
      entry.of += t.indicators.length;
      entry.filled.push(...t.indicators.filter((i) => i.series.some((s) => filledAt(s, y.year))));
      out.set(y.year, entry);
    }
  }
  return out;
}

/**
 * The report year: the latest year in which most indicators have an actual. A later year with
 * only a few entries is a stray entry (see strayEntries), not the year being reported.
 */
export function latestActualYear(
  tables: readonly { years: YearColumn[]; indicators: Indicator[] }[],
  lastYear = Infinity,
): number | undefined {
  let latest: number | undefined;
  let anyFilled: number | undefined;
  for (const [year, { filled, of }] of filledByYear(tables, lastYear)) {
    if (filled.length > 0 && (anyFilled === undefined || year > anyFilled)) anyFilled = year;
    if (filled.length * 2 > of && (latest === undefined || year > latest)) latest = year;
  }
  return latest ?? anyFilled;
}

/** Indicators with a figure in a year later than the report year: typed in the wrong column, or early. */
export function strayEntries(
  tables: readonly { years: YearColumn[]; indicators: Indicator[] }[],
  year: number,
  lastYear = Infinity,
): { year: number; indicator: Indicator; cell: ValueCell }[] {
  const out: { year: number; indicator: Indicator; cell: ValueCell }[] = [];
  for (const [later, { filled }] of filledByYear(tables, lastYear)) {
    if (later <= year) continue;
    for (const ind of filled) {
      for (const s of ind.series) {
        const v = s.values.get(later);
        if (v?.parsed.kind === 'number') out.push({ year: later, indicator: ind, cell: v });
      }
    }
  }
  return out;
}
