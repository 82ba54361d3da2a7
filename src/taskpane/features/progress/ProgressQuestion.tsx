import { useEffect, useId, useRef } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { cellKeyAt, coverageLine, type Analysis } from '../../../plan';
import type { ProgressAnswer, ProgressQuestion as Question } from './useProgressWrite';

/** Cells named in the question; the rest are counted. */
const NAMED = 10;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What was not read, in the pane's language: missing 施策, and the rows and columns by cell. */
function NotRead({ coverage }: { coverage: Analysis['coverage'] }) {
  const { t, i18n } = useTranslation();
  if (i18n.resolvedLanguage === 'ja') return <>{coverageLine(coverage)}</>;
  const cells = [...coverage.indicators.skipped, ...coverage.columns.skipped].map((s) => cellKeyAt(s.sheet, s.cell));
  const parts = [
    ...(coverage.policies.missing.length > 0 ? [t('progress.ask.missingPolicies', { numbers: coverage.policies.missing.join(', ') })] : []),
    ...(cells.length > 0 ? [t('progress.ask.skippedCells', { count: cells.length, cells: cells.join(', ') })] : []),
  ];
  return (
    <>
      {t('progress.ask.read', {
        read: coverage.policies.read,
        expected: coverage.policies.expected,
        indicators: coverage.indicators.read,
      })}{' '}
      {parts.length > 0 ? t('progress.ask.notRead', { what: parts.join('; ') }) : t('progress.ask.notReadOther')}
    </>
  );
}

/**
 * The question before a risky write, in the progress area: write only what was read, and keep or
 * overwrite the formulas in 進捗状況 cells. Focus comes to やめる, so a hasty Enter writes nothing;
 * Escape cancels. While another operation runs the choices wait (an answer then would be lost).
 */
export function ProgressQuestion({
  question,
  onAnswer,
  busy,
}: {
  question: Question;
  onAnswer: (answer: ProgressAnswer) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, [question]);
  // Escape while the question has focus cancels it, as it closes a dialog.
  useEffect(() => {
    const node = root.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onAnswer('cancel');
    };
    node?.addEventListener('keydown', onKey);
    return () => node?.removeEventListener('keydown', onKey);
  }, [onAnswer]);
  const formulas = question.formulas.length;
  const named = question.formulas.slice(0, NAMED).join(', ');
  const cells = formulas > NAMED ? t('progress.ask.andMore', { cells: named, count: formulas - NAMED }) : named;
  return (
    <div ref={root} role="group" aria-labelledby={titleId} className={styles.root} data-testid="progress-question">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={titleId}>{t(question.partial ? 'progress.ask.partialTitle' : 'progress.ask.formulasTitle')}</MessageBarTitle>
          {question.partial ? (
            <p className={styles.text}>
              <NotRead coverage={question.partial} />
            </p>
          ) : null}
          {formulas > 0 ? <p className={styles.text}>{t('progress.ask.formulas', { count: formulas, cells })}</p> : null}
          {question.partial ? <p className={styles.text}>{t('progress.ask.partialQuestion')}</p> : null}
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        {formulas > 0 ? (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => onAnswer('write')}>
              {t('progress.ask.keepFormulas')}
            </Button>
            <Button disabled={busy} onClick={() => onAnswer('overwrite')}>
              {t('progress.ask.overwrite')}
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={busy} onClick={() => onAnswer('write')}>
            {t('progress.ask.write')}
          </Button>
        )}
        <Button ref={cancel} onClick={() => onAnswer('cancel')}>
          {t('progress.ask.cancel')}
        </Button>
      </div>
    </div>
  );
}
