import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CoverageLine } from '../../state/coverage';

/** The verdict first — can this be submitted? — in one bar, with what it rests on. */
export function CheckSummary({ errors, warnings, coverage }: { errors: number; warnings: number; coverage: readonly CoverageLine[] }) {
  const { t } = useTranslation();
  const verdict =
    errors > 0
      ? t('check.hasErrors', { count: errors })
      : warnings > 0
        ? t('check.okWithWarnings', { count: warnings })
        : t('check.ok');
  const lines = coverage.map((c) => t(`coverage.${c.what}`, { read: c.read, total: c.total })).join(t('coverage.separator'));
  return (
    <MessageBar intent={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success'} layout="multiline" data-testid="verdict">
      <MessageBarBody>
        <MessageBarTitle>{t('check.summary', { errors, warnings })}</MessageBarTitle>
        {verdict} {t('coverage.label', { lines })}
      </MessageBarBody>
    </MessageBar>
  );
}
