import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaStatus } from '../../components/AreaStatus';
import type { PaneSession } from '../../session/usePaneSession';

/** Not this plan's workbook: no verdict, only how to get one the pane can work on. */
export function UnknownWorkbook({ session }: { session: PaneSession }) {
  const { t } = useTranslation();
  return (
    <>
      <MessageBar intent="error" layout="multiline" data-testid="unknown-workbook">
        <MessageBarBody>
          <MessageBarTitle>{t('unknown.title')}</MessageBarTitle>
          {t('unknown.body')} {t('unknown.howTo')}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void session.identify()}>
            {t('unknown.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <AreaStatus session={session} area="check" />
    </>
  );
}
