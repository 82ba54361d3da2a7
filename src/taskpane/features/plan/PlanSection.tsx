import { useEffect, useRef } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { Workspace } from '../../hooks/useWorkspace';
import type { Connection } from '../../services';
import { usePlanActions, type PlanOutcome } from './usePlanActions';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  name: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/**
 * 計画: the plan this workbook follows (its stored definition, else the shipped one), a
 * definition file to load in its place, and the step into the next fiscal year.
 */
export function PlanSection({ workspace, connection }: { workspace: Workspace; connection: Connection }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const plan = usePlanActions(workspace, connection);
  const input = useRef<HTMLInputElement>(null);
  const rolloverButton = useRef<HTMLButtonElement>(null);
  const name = workspace.state.analysis?.plan.definition?.name;
  const { pending } = plan;
  // Back to the button that asked, whichever way the question was answered.
  const asked = useRef(false);
  useEffect(() => {
    if (pending) asked.current = true;
    else if (asked.current) {
      asked.current = false;
      rolloverButton.current?.focus();
    }
  }, [pending]);
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
          <Button onClick={() => !workspace.state.busy && input.current?.click()}>{t('plan.load')}</Button>
          <Button ref={rolloverButton} onClick={() => void plan.previewRollover()}>
            {t('plan.rollover')}
          </Button>
        </div>
      }
      status={<AreaStatus workspace={workspace} area="plan" />}
    >
      {name ? <p className={styles.name}>{t('plan.name', { name })}</p> : null}
      {plan.last ? <Outcome outcome={plan.last} /> : null}
      <Dialog
        open={Boolean(pending)}
        modalType="modal"
        onOpenChange={(_e, data) => {
          if (!data.open) plan.cancelRollover();
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{pending ? t('plan.confirmTitle', { from: pending.from, to: pending.to }) : null}</DialogTitle>
            <DialogContent>
              {pending
                ? t('plan.confirmText', {
                    from: pending.from,
                    to: pending.to,
                    reasons: pending.cleared.reasons,
                    projectCells: pending.cleared.projectCells,
                  })
                : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void plan.confirmRollover()}>
                {t('plan.confirm')}
              </Button>
              <Button onClick={() => plan.cancelRollover()}>{t('plan.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
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
