import { useId, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress, PolicyProgress } from '../../../plan';
import { arrowKey } from './arrow';
import { ChartLegend } from './ChartLegend';
import { VirtualList } from '../../components/VirtualList';
import { IndicatorItem } from './IndicatorItem';

export const usePolicyStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  arrow: {
    flexShrink: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  sentence: { margin: 0, overflowWrap: 'anywhere' },
  summary: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/**
 * One 施策: its arrow, its ◇ sentence(s), and each indicator; the trend charts on request
 * (「グラフを表示」), since drawing every chart of a large plan at once stalls the pane.
 */
export function PolicyCard({ policy, year }: { policy: PolicyProgress; year: number }) {
  const { t } = useTranslation();
  const styles = usePolicyStyles();
  const id = useId();
  return (
    <article className={styles.card} aria-labelledby={id}>
      <div className={styles.head}>
        <h3 id={id} className={styles.title}>
          {t('progress.policy', { number: policy.number, title: policy.title })}
        </h3>
        <span className={styles.arrow}>{t(`progress.arrow.${arrowKey(policy.progress)}`)}</span>
      </div>
      <p className={styles.sentence}>{policy.sentence}</p>
      {policy.notes.map((note) => (
        <p key={note} className={styles.sentence}>
          {note}
        </p>
      ))}
      <p className={styles.summary}>
        {t('progress.improved', {
          total: policy.indicatorCount,
          improved: policy.improvedCount,
          achieved: policy.achievedCount,
        })}
      </p>
      <Indicators indicators={policy.indicators} year={year} />
    </article>
  );
}

/** A 施策's (or the survey's) indicators, with 「グラフを表示」 for their trend charts. */
export function Indicators({ indicators, year }: { indicators: readonly IndicatorProgress[]; year: number }) {
  const { t } = useTranslation();
  const [charts, setCharts] = useState(false);
  if (indicators.length === 0) return null;
  return (
    <>
      <Button
        size="small"
        style={{ alignSelf: 'flex-start' }}
        aria-expanded={charts}
        onClick={() => {
          setCharts((c) => !c);
        }}
      >
        {t(charts ? 'chart.hide' : 'chart.show')}
      </Button>
      {charts ? <ChartLegend /> : null}
      {/* Hundreds of indicators per 施策 in a large plan: only those in view are rendered. */}
      <VirtualList
        count={indicators.length}
        label={t('progress.indicators')}
        itemKey={(i) => indicators[i].key}
        renderItem={(i) => <IndicatorItem indicator={indicators[i]} year={year} chart={charts} />}
      />
    </>
  );
}
