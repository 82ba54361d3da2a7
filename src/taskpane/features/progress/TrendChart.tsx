import { useEffect, useRef, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatValue, type SeriesTrend, type TrendPoint } from '../../../plan';
import { CHART_COLOURS as COLOURS } from './chartColours';
import { chartScale } from './chartScale';

/** Width before the pane is measured (and in tests, where nothing is laid out). */
const DEFAULT_WIDTH = 280;
const H = 132;
const FONT = 12;
const PAD = { right: 10, top: 14, bottom: 20 };

const useStyles = makeStyles({
  figure: { margin: 0, width: '100%', minWidth: 0 },
  svg: { display: 'block', width: '100%', height: `${H}px` },
  label: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface TrendChartProps {
  /** The indicator's name (for the accessible description). */
  name: string;
  trend: SeriesTrend;
  unit?: string;
}

/** The chart's own width in pixels, following the pane: text stays its real size at any width. */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, []);
  return { ref, width };
}

/**
 * A line chart of one indicator: baseline ■, mid-term ◆, actuals ●, the target as a labelled
 * dashed line, on a value axis with the unit that starts at zero (or below, for negative
 * values) and always takes the target in.
 */
export function TrendChart({ name, trend, unit }: TrendChartProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { ref, width: W } = useWidth();
  const points = [...trend.points].sort((a, b) => a.year - b.year);
  if (points.length === 0) return null;

  const fmt = (v: number) => formatValue(v, unit);
  const scale = chartScale([...points.map((p) => p.value), ...(trend.target !== undefined ? [trend.target] : [])]);
  const tickText = scale.ticks.map((v) => formatValue(v, undefined));
  const left = Math.max(...tickText.map((s) => s.length)) * FONT * 0.62 + 8;
  const years = points.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const x = (year: number) =>
    maxYear === minYear ? (left + W - PAD.right) / 2 : left + ((year - minYear) / (maxYear - minYear)) * (W - left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - scale.min) / (scale.max - scale.min)) * (H - PAD.top - PAD.bottom);

  const described = points
    .map((p) => t('chart.point', { year: p.year, role: t(`chart.${p.role}`), value: fmt(p.value) }))
    .join(t('chart.separator'));
  const series = trend.label ? t('chart.series', { name, label: trend.label }) : name;
  const label =
    trend.target !== undefined
      ? t('chart.labelWithTarget', { name: series, points: described, target: fmt(trend.target) })
      : t('chart.label', { name: series, points: described });

  return (
    <figure ref={ref} className={styles.figure}>
      <svg className={styles.svg} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {scale.ticks.map((v, i) => (
          <g key={v}>
            <line x1={left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke={COLOURS.grid} />
            <text data-role="tick" x={left - 4} y={y(v) + FONT / 3} fontSize={FONT} fill={COLOURS.text} textAnchor="end">
              {tickText[i]}
            </text>
          </g>
        ))}
        {unit ? (
          <text data-role="unit" x={left} y={FONT - 2} fontSize={FONT} fill={COLOURS.text}>
            {t('chart.unit', { unit })}
          </text>
        ) : null}
        <line x1={left} x2={left} y1={PAD.top} y2={H - PAD.bottom} stroke={COLOURS.axis} />
        {trend.target !== undefined ? (
          <>
            <line
              data-role="target"
              x1={left}
              x2={W - PAD.right}
              y1={y(trend.target)}
              y2={y(trend.target)}
              stroke={COLOURS.target}
              strokeWidth={1.5}
              strokeDasharray="4 3"
            />
            <text data-role="target-label" x={W - PAD.right} y={y(trend.target) - 3} fontSize={FONT} fill={COLOURS.target} textAnchor="end">
              {t('progress.target', { value: fmt(trend.target) })}
            </text>
          </>
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
        <text x={left} y={H - 5} fontSize={FONT} fill={COLOURS.text}>
          {minYear}
        </text>
        {maxYear !== minYear ? (
          <text x={W - PAD.right} y={H - 5} fontSize={FONT} fill={COLOURS.text} textAnchor="end">
            {maxYear}
          </text>
        ) : null}
      </svg>
      {trend.label ? <figcaption className={styles.label}>{trend.label}</figcaption> : null}
    </figure>
  );
}

export function Marker({ point, cx, cy }: { point: Pick<TrendPoint, 'role'>; cx: number; cy: number }) {
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
      return <circle data-role="actual" cx={cx} cy={cy} r={3.5} fill={COLOURS.line} />;
  }
}
