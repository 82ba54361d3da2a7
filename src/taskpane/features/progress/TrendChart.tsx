import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatValue, type SeriesTrend, type TrendPoint } from '../../../plan';

const W = 240;
const H = 72;
const PAD = { left: 8, right: 8, top: 10, bottom: 16 };
const COLOURS = {
  line: '#0f6cbd',
  baseline: '#616161',
  midterm: '#8a3707',
  target: '#0e700e',
  axis: '#d1d1d1',
  text: '#424242',
};

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', maxWidth: `${W}px`, height: 'auto' },
  label: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface TrendChartProps {
  /** The indicator's name (for the accessible description). */
  name: string;
  trend: SeriesTrend;
  unit?: string;
}

/** A small line chart: baseline ■, mid-term ◆, actuals ●, and the target as a dashed line. */
export function TrendChart({ name, trend, unit }: TrendChartProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const points = [...trend.points].sort((a, b) => a.year - b.year);
  if (points.length === 0) return null;

  const years = points.map((p) => p.year);
  const values = points.map((p) => p.value);
  if (trend.target !== undefined) values.push(trend.target);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  let minV = Math.min(...values);
  let maxV = Math.max(...values);
  if (minV === maxV) {
    minV -= 1;
    maxV += 1;
  }
  const x = (year: number) =>
    maxYear === minYear
      ? W / 2
      : PAD.left + ((year - minYear) / (maxYear - minYear)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - minV) / (maxV - minV)) * (H - PAD.top - PAD.bottom);
  const fmt = (v: number) => formatValue(v, unit);

  const described = points
    .map((p) => t('chart.point', { year: p.year, role: t(`chart.${p.role}`), value: fmt(p.value) }))
    .join(t('chart.separator'));
  const series = trend.label ? t('chart.series', { name, label: trend.label }) : name;
  const label =
    trend.target !== undefined
      ? t('chart.labelWithTarget', { name: series, points: described, target: fmt(trend.target) })
      : t('chart.label', { name: series, points: described });

  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke={COLOURS.axis} />
        {trend.target !== undefined ? (
          <line
            data-role="target"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(trend.target)}
            y2={y(trend.target)}
            stroke={COLOURS.target}
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
        ) : null}
        {points.length > 1 ? (
          <polyline
            points={points.map((p) => `${x(p.year)},${y(p.value)}`).join(' ')}
            fill="none"
            stroke={COLOURS.line}
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ) : null}
        {points.map((p) => (
          <Marker key={`${p.year}-${p.role}`} point={p} cx={x(p.year)} cy={y(p.value)} />
        ))}
        {points.length > 0 ? (
          <>
            <text x={PAD.left} y={H - 3} fontSize={10} fill={COLOURS.text}>
              {minYear}
            </text>
            {maxYear !== minYear ? (
              <text x={W - PAD.right} y={H - 3} fontSize={10} fill={COLOURS.text} textAnchor="end">
                {maxYear}
              </text>
            ) : null}
          </>
        ) : null}
      </svg>
      {trend.label ? <figcaption className={styles.label}>{trend.label}</figcaption> : null}
    </figure>
  );
}

function Marker({ point, cx, cy }: { point: TrendPoint; cx: number; cy: number }) {
  switch (point.role) {
    case 'baseline':
      return <rect data-role="baseline" x={cx - 4} y={cy - 4} width={8} height={8} fill={COLOURS.baseline} />;
    case 'midterm':
    case 'review':
      return (
        <path
          data-role={point.role}
          d={`M ${cx} ${cy - 5} L ${cx + 5} ${cy} L ${cx} ${cy + 5} L ${cx - 5} ${cy} Z`}
          fill={COLOURS.midterm}
        />
      );
    default:
      return <circle data-role="actual" cx={cx} cy={cy} r={3} fill={COLOURS.line} />;
  }
}
