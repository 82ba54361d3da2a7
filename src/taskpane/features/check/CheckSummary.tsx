import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { VerdictBasis } from '../../state/coverage';

/**
 * The verdict first — can this be submitted? — in one bar, with what it rests on. A partial
 * read is never a pass: the bar is an error naming what was not read.
 */
export function CheckSummary({ errors, warnings, coverage }: { errors: number; warnings: number; coverage: VerdictBasis }) {
  const { t, i18n } = useTranslation();
  const verdict =
    errors > 0 ? t('check.hasErrors', { count: errors }) : warnings > 0 ? t('check.okWithWarnings', { count: warnings }) : t('check.ok');
  const lines = coverage.lines.map((c) => t(`coverage.${c.what}`, { read: c.read, total: c.total })).join(t('coverage.separator'));
  const worded = `${t('coverage.label', { lines })}${coverage.complete ? '' : ` ${t('coverage.incomplete')}`}`;
  const basis = coverage.read !== undefined && i18n.resolvedLanguage === 'ja' ? coverage.read : worded;
  const intent = !coverage.complete || errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success';
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="verdict">
      <MessageBarBody>
        <MessageBarTitle>{t('check.summary', { errors, warnings })}</MessageBarTitle>
        {coverage.complete ? `${verdict} ${basis}` : basis}
      </MessageBarBody>
    </MessageBar>
  );
}
