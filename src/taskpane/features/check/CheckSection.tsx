import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { countBySeverity, type VerdictStatus } from '../../../plan';
import { Worded } from '../../components/Worded';
import { saidParts } from '../../i18n/findingText';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { LiveCheck } from '../../hooks/useLiveCheck';
import type { PaneSession } from '../../session/usePaneSession';
import { coverageOf } from '../../state/coverage';
import { verdictFindings } from '../../state/mode';
import { SubmitChecklist } from '../mode/SubmitChecklist';
import { CheckSummary } from './CheckSummary';
import { FindingGroups } from './FindingGroups';
import { LiveFindings } from './LiveFindings';

const useStyles = makeStyles({
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  next: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const STATUS_KEY: Record<VerdictStatus, string> = { 提出可: 'ok', 未記入: 'blank', 差戻し: 'rejected' };

/**
 * 提出前チェック: counts, the verdict, and the findings grouped by sheet. A clerk sees only
 * their own input cells, the next step, and the checklist for sending the file.
 */
export function CheckSection({ session, canSelectInSheet, live }: { session: PaneSession; canSelectInSheet: boolean; live?: LiveCheck }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { state } = session;
  const { mode, analysis } = state;
  const findings = (mode && analysis ? verdictFindings(mode, analysis, state.verdict) : undefined) ?? [];
  const counts = countBySeverity(findings);
  const clerk = mode?.kind === 'clerk' ? mode : undefined;
  const departments = clerk?.departments.join('・') || t('clerk.yourDepartment');
  return (
    <Section
      title={t(clerk ? 'clerk.heading' : 'check.heading')}
      description={clerk ? t('clerk.description', { departments }) : t('check.description')}
      action={
        <Button appearance="primary" onClick={() => void session.check()}>
          {t('check.button')}
        </Button>
      }
      status={<AreaStatus session={session} area="check" />}
    >
      {live ? <LiveFindings live={live} session={session} /> : null}
      {state.checked && analysis && mode && mode.kind !== 'unknown' ? (
        <>
          <CheckSummary errors={counts.errors} warnings={counts.warnings} coverage={coverageOf(analysis, mode)} />
          {clerk && state.verdict ? (
            <p className={styles.next} data-testid="verdict-status">
              {t(`verdict.status.${STATUS_KEY[state.verdict.status]}`)}: <Worded parts={saidParts(state.verdict.headlineSaid, i18n)} />
            </p>
          ) : null}
          {clerk && counts.errors > 0 ? (
            <p className={styles.next} data-testid="next-step">
              {t(canSelectInSheet ? 'clerk.nextStepExcel' : 'clerk.nextStepFile')}
            </p>
          ) : null}
          {clerk ? <SubmitChecklist errors={counts.errors} warnings={counts.warnings} /> : null}
          {findings.length > 0 ? (
            <>
              <p className={styles.hint}>{t(canSelectInSheet ? 'check.selectHint' : 'check.showHint')}</p>
              <FindingGroups
                filterable
                findings={findings}
                detail={state.detail}
                onSelect={(sheet, cell, origin) => void session.select(sheet, cell, origin)}
                onCloseDetail={session.closeDetail}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
