import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { CHART_COLOURS as COLOURS } from './chartColours';
import { Marker } from './TrendChart';

const useStyles = makeStyles({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** The chart's marks in their own colours, so the legend reads the same as the charts. */
export function ChartLegend() {
  const { t } = useTranslation();
  const styles = useStyles();
  const symbol = (content: React.ReactNode) => (
    <svg width={18} height={12} viewBox="0 0 18 12" aria-hidden="true">
      {content}
    </svg>
  );
  return (
    <ul className={styles.legend} aria-label={t('chart.legendLabel')}>
      <li className={styles.item}>
        {symbol(<Marker point={{ role: 'baseline' }} cx={9} cy={6} />)}
        {t('chart.legendBaseline')}
      </li>
      <li className={styles.item}>
        {symbol(<Marker point={{ role: 'midterm' }} cx={9} cy={6} />)}
        {t('chart.legendMidterm')}
      </li>
      <li className={styles.item}>
        {symbol(
          <>
            <line x1={0} x2={18} y1={6} y2={6} stroke={COLOURS.line} strokeWidth={2} />
            <Marker point={{ role: 'actual' }} cx={9} cy={6} />
          </>,
        )}
        {t('chart.legendActual')}
      </li>
      <li className={styles.item}>
        {symbol(<line x1={0} x2={18} y1={6} y2={6} stroke={COLOURS.target} strokeWidth={1.5} strokeDasharray="4 3" />)}
        {t('chart.legendTarget')}
      </li>
    </ul>
  );
}
