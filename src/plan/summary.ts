import { refAddress } from './grid';
import type { Indicator, Plan, YearColumn } from './model';
import { indicatorOutcome, majority, yearOnYearArrow, type IndicatorOutcome } from './progress';
import type { IndicatorProgress, PolicyProgress, ProgressReport, RevisionFlag, SeriesTrend } from './report';
import { overallSentence, pastTargetNote, policySentence, surveySentence } from './sentences';

function trend(ind: Indicator, years: readonly YearColumn[]): SeriesTrend[] {
  return ind.series.map((s) => {
    const points = years.flatMap((y) => {
      const p = s.values.get(y.year)?.parsed;
      return p?.kind === 'number' && p.value !== undefined ? [{ year: y.year, value: p.value, role: y.role }] : [];
    });
    const t = s.target?.parsed;
    return { label: s.label, points, target: t?.kind === 'number' ? t.value : undefined };
  });
}

function indicatorProgress(
  ind: Indicator,
  o: IndicatorOutcome,
  years: readonly YearColumn[],
  flags: FlagIndex,
  arrow = o.arrow,
): IndicatorProgress {
  return {
    key: ind.key,
    name: ind.name,
    policy: ind.policy,
    progress: arrow,
    improved: o.improved,
    achieved: o.achieved,
    direction: o.decision.direction,
    directionSource: o.decision.source,
    flags: [...(flags.get(ind.key) ?? [])],
    sheet: ind.nameRef.sheet,
    cell: refAddress(ind.nameRef),
    unit: ind.unit,
    current: o.current,
    previous: o.previous,
    previousYear: o.previousYear,
    target: o.target,
    trend: trend(ind, years),
  };
}

/** Arrows per indicator and 施策, the ◇ sentences, the overall sentence and the 全体指標 comparison. */
type FlagIndex = Map<string, Set<RevisionFlag['kind']>>;

function indexFlags(flags: readonly RevisionFlag[]): FlagIndex {
  const index: FlagIndex = new Map();
  for (const f of flags) index.set(f.key, (index.get(f.key) ?? new Set()).add(f.kind));
  return index;
}

export function buildProgress(plan: Plan, year: number, allFlags: readonly RevisionFlag[]): ProgressReport {
  const flags = indexFlags(allFlags);
  const policies: PolicyProgress[] = plan.policies.map((p) => {
    const years = p.table?.years ?? [];
    const outcomes = (p.table?.indicators ?? []).map((ind) => ({ ind, o: indicatorOutcome(ind, years, year) }));
    const improved = outcomes.filter(({ o }) => o.improved);
    const achieved = outcomes.filter(({ o }) => o.achieved);
    const same = improved.length === achieved.length && improved.every((x) => x.o.achieved);
    const notes = outcomes
      .filter(({ o }) => o.achieved && !o.improved && o.previous !== undefined)
      .map(({ ind, o }) => pastTargetNote(ind.name, o.flat));
    return {
      number: p.number,
      title: p.title,
      progress: majority(outcomes.map(({ o }) => o.arrow)),
      indicatorCount: outcomes.length,
      improvedCount: improved.length,
      achievedCount: achieved.length,
      sentence: policySentence(outcomes.length, improved.length, achieved.length, same),
      notes,
      indicators: outcomes.map(({ ind, o }) => indicatorProgress(ind, o, years, flags)),
    };
  });
  const policiesUp = policies.filter((p) => p.progress === '↑').length;
  const report: ProgressReport = {
    year,
    policies,
    overall: { policiesUp, policiesTotal: policies.length, sentence: overallSentence(year, policiesUp, policies.length) },
  };
  if (plan.survey) {
    const years = plan.survey.years;
    const items = plan.survey.indicators.map((ind) => {
      const o = indicatorOutcome(ind, years, year);
      return indicatorProgress(ind, o, years, flags, yearOnYearArrow(o));
    });
    const improvedCount = items.filter((i) => i.improved).length;
    report.survey = { indicators: items, improvedCount, sentence: surveySentence(items.length, improvedCount) };
  }
  return report;
}
