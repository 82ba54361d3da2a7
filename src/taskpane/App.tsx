import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BusyIndicator } from './components/BusyIndicator';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LanguageSwitch } from './components/LanguageSwitch';
import { saveFile as defaultSaveFile } from './features/file/saveFile';
import { createI18n, storedLanguage, type Language } from './i18n';
import { NoHostPane } from './NoHostPane';
import { loadTools as defaultLoadTools } from './loadTools';
import type { EngineLoader, FileOpener, FileSaver, HostMode, ToolsLoader } from './services';
import { paneTheme } from './theme';
import { LazyWorkbookPane as WorkbookPane } from './LazyWorkbookPane';

export interface AppProps {
  /** Decides where the pane runs (see host.ts); a fake in tests. */
  detectHost: () => Promise<HostMode>;
  loadEngine: EngineLoader;
  /** The coordinator's tools (split, compile, charts); default: their lazily loaded chunk. */
  loadTools?: ToolsLoader;
  openFile: FileOpener;
  saveFile?: FileSaver;
  /** Initial language; default: the one chosen last time, else Japanese. */
  language?: Language;
  /** How long to wait for the host's answer before offering files anyway. */
  hostPatienceMs?: number;
  /** The host's answer when it came before the first render: the pane starts on its real screen. */
  initialMode?: HostMode;
}

/** office.js answers well within this, in Excel and in a browser; it only matters when it never does. */
export const HOST_PATIENCE_MS = 4000;

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '640px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function App(props: AppProps) {
  const [i18n] = useState(() => createI18n(props.language ?? storedLanguage()));
  const styles = useStyles();
  useEffect(() => {
    const sync = (lng: string) => {
      document.documentElement.lang = lng;
      document.title = i18n.t('app.title');
    };
    sync(i18n.language);
    i18n.on('languageChanged', sync);
    return () => i18n.off('languageChanged', sync);
  }, [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={paneTheme} className={styles.provider}>
        <ErrorBoundary>
          <Shell {...props} />
        </ErrorBoundary>
      </FluentProvider>
    </I18nextProvider>
  );
}

type Mode = { kind: 'detecting' } | HostMode;

/**
 * Never a blank page: if the host has not answered after `patienceMs`, the no-host pane shows;
 * a late answer from Excel still switches to it.
 */
function useHostMode(detectHost: () => Promise<HostMode>, patienceMs: number, initialMode?: HostMode): Mode {
  const [mode, setMode] = useState<Mode>(initialMode ?? { kind: 'detecting' });
  useEffect(() => {
    let live = true;
    const patience = setTimeout(() => {
      if (live) setMode((m) => (m.kind === 'detecting' ? { kind: 'none', reason: 'timeout' } : m));
    }, patienceMs);
    detectHost().then(
      (m) => {
        // A late "no host" keeps the pane (and any file already opened) as it is.
        if (live) setMode((prev) => (m.kind === 'none' && prev.kind === 'none' ? prev : m));
      },
      () => live && setMode((prev) => (prev.kind === 'none' ? prev : { kind: 'none', reason: 'failed' })),
    );
    return () => {
      live = false;
      clearTimeout(patience);
    };
  }, [detectHost, patienceMs]);
  return mode;
}

function Shell(props: AppProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const mode = useHostMode(props.detectHost, props.hostPatienceMs ?? HOST_PATIENCE_MS, props.initialMode);
  const saveFile = useMemo(() => props.saveFile ?? defaultSaveFile, [props.saveFile]);
  const loadTools = props.loadTools ?? defaultLoadTools;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t('app.title')}</h1>
          <p className={styles.subtitle}>{t('app.subtitle')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        {mode.kind === 'detecting' ? <BusyIndicator label={t('app.connecting')} /> : null}
        {mode.kind === 'excel' ? (
          <WorkbookPane connection={mode.connection} loadEngine={props.loadEngine} loadTools={loadTools} saveFile={saveFile} />
        ) : null}
        {mode.kind === 'none' ? (
          <NoHostPane openFile={props.openFile} loadEngine={props.loadEngine} loadTools={loadTools} saveFile={saveFile} />
        ) : null}
      </main>
    </div>
  );
}
