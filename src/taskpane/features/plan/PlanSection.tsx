import { useId, useRef, type KeyboardEvent } from 'react';
import { useFocusAfterQuestion } from '../../hooks/useFocusAfterQuestion';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection } from '../../services';
import { usePlanActions, type PlanOutcome } from './usePlanActions';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/**
 * 計画: the plan this workbook follows (its stored definition, else the shipped one), a
 * definition file to load in its place, and the step into the next fiscal year.
 */
export function PlanSection({ session, connection }: { session: PaneSession; connection: Connection }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const plan = usePlanActions(session, connection);
  const input = useRef<HTMLInputElement>(null);
  const rolloverButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const name = session.state.analysis?.plan.definition?.name;
  const { pending } = plan;
  useFocusAfterQuestion(pending !== undefined, rolloverButton, cancelButton);
  // The question's two buttons hold the focus while it is asked: Escape on either is キャンセル.
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    plan.cancelRollover();
  };
  return (
    <Section
      title={t('plan.heading')}
      description={t('plan.description')}
      action={
        <div className={styles.actions}>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            aria-label={t('plan.load')}
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared so that the same file, once corrected, can be chosen again.
              e.currentTarget.value = '';
              if (file) void plan.loadDefinition(file);
            }}
          />
          <Button onClick={() => !session.state.busy && input.current?.click()}>{t('plan.load')}</Button>
          <Button ref={rolloverButton} onClick={() => void plan.previewRollover()}>
            {t('plan.rollover')}
          </Button>
        </div>
      }
      status={<AreaStatus session={session} area="plan" />}
    >
      {name ? <p className={styles.name}>{t('plan.name', { name })}</p> : null}
      {plan.last ? <Outcome outcome={plan.last} /> : null}
      {pending ? (
        // Inline, as 取りまとめ's preview is: the pane is narrow, and Escape or キャンセル leaves it as it was.
        <div role="group" aria-labelledby={titleId} className={styles.confirm}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id={titleId}>{t('plan.confirmTitle', { from: pending.from, to: pending.to })}</MessageBarTitle>
              {t('plan.confirmText', {
                from: pending.from,
                to: pending.to,
                reasons: pending.cleared.reasons,
                projectCells: pending.cleared.projectCells,
              })}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={session.state.busy !== undefined}
              onClick={() => void plan.confirmRollover()}
              onKeyDown={escape}
            >
              {t('plan.confirm')}
            </Button>
            <Button ref={cancelButton} onClick={() => plan.cancelRollover()} onKeyDown={escape}>
              {t('plan.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </Section>
  );
}

function Outcome({ outcome }: { outcome: PlanOutcome }) {
  const { t } = useTranslation();
  const text =
    outcome.kind === 'stored'
      ? t('plan.stored', { name: outcome.name })
      : outcome.kind === 'rolled'
        ? [t('plan.rolled', { from: outcome.from, to: outcome.to }), ...outcome.notices].join(' ')
        : t('plan.cancelled');
  return (
    <MessageBar intent={outcome.kind === 'cancelled' ? 'info' : 'success'} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
