import { useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { XLSX_ACCEPT } from '../../bytes';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorBar } from '../../components/ErrorBar';
import { nextPaint } from '../../nextPaint';
import { paneErrorText, toPaneError, type PaneError } from '../../state/paneError';
import type { Connection, FileOpener } from '../../services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  opened: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  action: { alignSelf: 'flex-start' },
});

/**
 * Outside Excel: ファイルを開く. The button opens the (labelled, visually hidden) file input;
 * the chosen file becomes the workbook every feature works on.
 */
export function FileOpenSection(props: {
  openFile: FileOpener;
  fileName?: string;
  onOpened(connection: Connection, fileName: string): void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PaneError>();

  async function open(file: File) {
    setBusy(true);
    setError(undefined);
    try {
      await nextPaint();
      const connection = await props.openFile(file);
      props.onOpened(connection, file.name);
    } catch (e) {
      setError(toPaneError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.root}>
      <p className={styles.text}>{t('file.noHost')}</p>
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        aria-label={t('file.open')}
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again (after fixing it in Excel) reopens it.
          e.currentTarget.value = '';
          if (file) void open(file);
        }}
      />
      <Button
        className={styles.action}
        appearance={props.fileName ? 'secondary' : 'primary'}
        onClick={() => {
          if (!busy) input.current?.click();
        }}
      >
        {t('file.open')}
      </Button>
      <BusyIndicator label={busy ? t('busy.open') : undefined} />
      {error ? <ErrorBar message={paneErrorText(error, t)} onDismiss={() => setError(undefined)} /> : null}
      {props.fileName ? <p className={styles.opened}>{t('file.opened', { name: props.fileName })}</p> : null}
    </div>
  );
}
