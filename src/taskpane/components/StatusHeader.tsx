import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../plan';
import type { PaneMode } from '../state/mode';
import { WarningList } from './WarningList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  label: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200 },
  stats: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: {
    flex: '1 1 auto',
    minWidth: '40px',
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  statName: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  statValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
});

/**
 * Which workbook, which year, and how much of the template was recognised. For an unknown
 * workbook only its name: what to do about it is said once, below.
 */
export function StatusHeader({ label, analysis, mode }: { label: string; analysis?: Analysis; mode?: PaneMode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const year = analysis?.year ?? analysis?.plan.reportYear;
  const yearText = year ? t('status.yearValue', { year }) : t('status.yearUnknown');
  return (
    <div className={styles.root} data-testid="status">
      <p className={styles.label}>{t('status.workbook', { label })}</p>
      {analysis && mode?.kind === 'coordinator' ? (
        <p className={styles.hint} data-testid="plan-name">
          {analysis.plan.definition?.name}
        </p>
      ) : null}
      {!analysis ? <p className={styles.hint}>{t('status.notAnalysed')}</p> : null}
      {analysis && mode?.kind === 'clerk' ? (
        <dl className={styles.stats}>
          <Stat name={t('status.department')} value={mode.departments.join('・') || '—'} />
          <Stat name={t('status.year')} value={yearText} />
          <Stat name={t('status.inputs')} value={mode.inputs.size} />
        </dl>
      ) : null}
      {analysis && mode?.kind === 'coordinator' ? (
        <dl className={styles.stats}>
          <Stat name={t('status.year')} value={yearText} />
          <Stat name={t('status.policies')} value={analysis.counts.policies} />
          <Stat name={t('status.indicators')} value={analysis.counts.indicators} />
          <Stat name={t('status.projects')} value={analysis.counts.projects} />
          {analysis.counts.surveyIndicators > 0 ? <Stat name={t('status.survey')} value={analysis.counts.surveyIndicators} /> : null}
        </dl>
      ) : null}
      {analysis && mode?.kind === 'coordinator' ? <WarningList title={t('status.missingTitle')} items={analysis.missing} /> : null}
    </div>
  );
}

function Stat({ name, value }: { name: string; value: string | number }) {
  const styles = useStyles();
  return (
    <div className={styles.stat}>
      <dt className={styles.statName}>{name}</dt>
      <dd className={styles.statValue}>{value}</dd>
    </div>
  );
}
