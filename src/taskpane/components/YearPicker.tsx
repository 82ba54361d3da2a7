import { useId } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { type Analysis, DEFAULT_PLAN } from '../../plan';

/**
 * A plain `<select>` in Fluent's tokens: Fluent's Select (with Field and its icons) would put
 * tens of kilobytes into the first screen for one control every operation only reads.
 */
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  select: {
    alignSelf: 'flex-start',
    minWidth: '200px',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** The years the tables have actual columns for; the plan period before anything was read. */
function yearsOf(analysis: Analysis | undefined): number[] {
  const tables = [
    ...(analysis?.plan.policies ?? []).flatMap((p) => (p.table ? [p.table] : [])),
    ...(analysis?.plan.survey ? [analysis.plan.survey] : []),
  ];
  const years = new Set(tables.flatMap((t) => t.years.filter((y) => y.role === 'actual').map((y) => y.year)));
  if (years.size === 0) for (let y = DEFAULT_PLAN.period.first; y <= DEFAULT_PLAN.period.last; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * 対象年度 for every operation (check, progress, department workbooks and sheets, compile).
 * 自動 leaves each to the engine's default: the latest year with figures for the check, the
 * master's year for department workbooks, the files' year for compile.
 */
export function YearPicker(props: { year?: number; autoYear?: number; analysis?: Analysis; onChange(year: number | undefined): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const hintId = useId();
  const years = yearsOf(props.analysis);
  if (props.year !== undefined && !years.includes(props.year)) years.push(props.year);
  return (
    <div className={styles.root}>
      <label htmlFor={id} className={styles.label}>
        {t('year.label')}
      </label>
      <select
        id={id}
        className={styles.select}
        aria-describedby={hintId}
        value={props.year === undefined ? '' : String(props.year)}
        onChange={(e) => props.onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
      >
        <option value="">{props.autoYear ? t('year.autoKnown', { year: props.autoYear }) : t('year.auto')}</option>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {t('year.value', { year: y })}
          </option>
        ))}
      </select>
      <p id={hintId} className={styles.hint}>
        {t('year.hint')}
      </p>
    </div>
  );
}
