import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatValue, type IndicatorProgress } from '../../../plan';
import { arrowKey } from './arrow';
import { TrendChart } from './TrendChart';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  figures: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** One indicator's arrow and figures (an item of a list); its trend chart only when asked for (`chart`). */
export function IndicatorItem({ indicator, year, chart = false }: { indicator: IndicatorProgress; year: number; chart?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const fmt = (v: number) => formatValue(v, indicator.unit);
  const figures = [
    indicator.current !== undefined ? t('progress.current', { year, value: fmt(indicator.current) }) : undefined,
    indicator.previous !== undefined ? t('progress.previous', { value: fmt(indicator.previous) }) : undefined,
    indicator.target !== undefined ? t('progress.target', { value: fmt(indicator.target) }) : undefined,
  ].filter(Boolean);
  return (
    <div className={styles.item}>
      <span className={styles.head}>
        <span className={styles.name}>{indicator.name}</span>
        <span>{t(`progress.arrow.${arrowKey(indicator.progress)}`)}</span>
        {indicator.achieved ? (
          <Badge appearance="tint" color="success" shape="rounded">
            {t('progress.achieved')}
          </Badge>
        ) : null}
      </span>
      {figures.length > 0 ? <p className={styles.figures}>{figures.join(' / ')}</p> : null}
      {chart
        ? indicator.trend.map((series, i) => (
            <TrendChart key={series.label ?? i} name={indicator.name} trend={series} unit={indicator.unit} />
          ))
        : null}
    </div>
  );
}
