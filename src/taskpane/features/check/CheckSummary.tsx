import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** The verdict first: can this be submitted? */
export function CheckSummary({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useTranslation();
  const verdict =
    errors > 0
      ? t('check.hasErrors', { count: errors })
      : warnings > 0
        ? t('check.okWithWarnings', { count: warnings })
        : t('check.ok');
  return (
    <MessageBar intent={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('check.summary', { errors, warnings })}</MessageBarTitle>
        {verdict}
      </MessageBarBody>
    </MessageBar>
  );
}
