import { useDeferredValue, useId, useRef } from 'react';
import { useFocusAfterQuestion } from '../../hooks/useFocusAfterQuestion';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProgressReport } from '../../../plan';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection } from '../../services';
import { Indicators, PolicyCard, usePolicyStyles } from './PolicyCard';
import { ProgressQuestion } from './ProgressQuestion';
import { useProgressWrite } from './useProgressWrite';

const useStyles = makeStyles({
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  legend: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Up to this many indicators the report renders with the message that it was written. */
const RENDER_AT_ONCE_UP_TO = 200;

function indicatorCount(report: ProgressReport): number {
  return report.policies.reduce((n, p) => n + p.indicators.length, report.survey?.indicators.length ?? 0);
}

/** What 推移グラフ can do here: draw in Excel, or nothing (the pane's own charts stand in). */
export interface ChartsAction {
  available: boolean;
  draw(): Promise<void>;
}

/**
 * 進捗状況を記入: writes arrows and sentences (asking first when the read was partial or formulas
 * are in the way), then shows them per 施策; 推移グラフ in Excel.
 */
export function ProgressSection({ session, connection, charts }: { session: PaneSession; connection: Connection; charts?: ChartsAction }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { progress } = session.state;
  // A large plan's report is hundreds of rows: React renders it in the background, in slices,
  // after the 「記入しました」 message is on screen, instead of in one long task. A small one
  // is shown at once with the message.
  // Until the background render catches up, the previous report is not shown under the new message.
  const deferred = useDeferredValue(progress?.report);
  const current = progress?.report;
  const report = current && indicatorCount(current) > RENDER_AT_ONCE_UP_TO ? (deferred === current ? current : undefined) : current;
  const drawn = session.state.charts;
  const write = useProgressWrite(session, connection);
  const button = useRef<HTMLButtonElement>(null);
  // The question focuses its own やめる (it also handles Escape); answered, focus returns here.
  useFocusAfterQuestion(write.question !== undefined, button);
  return (
    <Section
      title={t('progress.heading')}
      description={t('progress.description')}
      action={
        <div className={styles.actions}>
          <Button ref={button} onClick={() => void write.start()}>
            {t('progress.button')}
          </Button>
          {charts?.available ? <Button onClick={() => void charts.draw()}>{t('charts.button')}</Button> : null}
        </div>
      }
      status={<AreaStatus session={session} area="progress" />}
    >
      {write.question ? (
        <ProgressQuestion question={write.question} busy={session.state.busy !== undefined} onAnswer={(a) => void write.answer(a)} />
      ) : null}
      {write.cancelled ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('progress.ask.cancelled')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {charts && !charts.available ? <p className={styles.legend}>{t('charts.noHost')}</p> : null}
      {drawn ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('charts.done', { count: drawn.count, sheet: drawn.sheet })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {progress ? (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t('progress.done', { count: progress.cells })}</MessageBarBody>
          </MessageBar>
          {!progress.report ? <p>{t('progress.noReport')}</p> : null}
          {progress.report && report ? <ProgressReportView report={report} /> : null}
        </>
      ) : null}
    </Section>
  );
}

function ProgressReportView({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = usePolicyStyles();
  const overallId = useId();
  const surveyId = useId();
  return (
    <div className={styles.cards}>
      <article className={card.card} aria-labelledby={overallId}>
        <h3 id={overallId} className={card.title}>
          {t('progress.overall')}
        </h3>
        <p className={card.sentence}>{report.overall.sentence}</p>
      </article>
      {report.policies.map((policy) => (
        <PolicyCard key={policy.number} policy={policy} year={report.year} />
      ))}
      {report.survey ? (
        <article className={card.card} aria-labelledby={surveyId}>
          <h3 id={surveyId} className={card.title}>
            {t('progress.survey')}
          </h3>
          <p className={card.sentence}>{report.survey.sentence}</p>
          <Indicators indicators={report.survey.indicators} year={report.year} />
        </article>
      ) : null}
    </div>
  );
}
