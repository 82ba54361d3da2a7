import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { PaneSession } from '../../session/usePaneSession';
import type { FileSaver } from '../../services';
import { baseName } from './saveFile';

/** 結果をダウンロード: the opened file, with everything the pane wrote, as a new .xlsx. */
export function DownloadSection(props: { session: PaneSession; fileName: string; save: FileSaver }) {
  const { t } = useTranslation();
  const { session } = props;
  return (
    <Section
      title={t('file.heading')}
      description={t('file.downloadHint')}
      action={
        <Button
          appearance="primary"
          onClick={() => void session.download(t('file.downloadName', { base: baseName(props.fileName) }), props.save)}
        >
          {t('file.download')}
        </Button>
      }
      status={<AreaStatus session={session} area="download" />}
    />
  );
}
