import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaStatus } from '../../components/AreaStatus';
import type { Workspace } from '../../hooks/useWorkspace';

/** Not this plan's workbook: no verdict, only how to get one the pane can work on. */
export function UnknownWorkbook({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  return (
    <>
      <MessageBar intent="error" layout="multiline" data-testid="unknown-workbook">
        <MessageBarBody>
          <MessageBarTitle>{t('unknown.title')}</MessageBarTitle>
          {t('unknown.body')} {t('unknown.howTo')}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void workspace.identify()}>
            {t('unknown.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <AreaStatus workspace={workspace} area="check" />
    </>
  );
}
