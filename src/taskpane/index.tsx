import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadEngine } from './engine';
import { openWorkbookFile } from './features/file/openWorkbookFile';
import { detectHost } from './host';
import type { HostMode } from './services';

/**
 * How long the first render waits for the host's answer. It usually comes within a few hundred
 * milliseconds; waiting for it means one render of the real first screen instead of a spinner
 * followed by the screen, and the page's own 「読み込んでいます…」 shows meanwhile.
 */
const FIRST_RENDER_WAIT_MS = 1000;

const container = document.getElementById('root');
if (container) {
  const detection = detectHost();
  let known: HostMode | undefined;
  const settled = detection.then(
    (mode) => {
      known = mode;
    },
    () => undefined,
  );
  const wait = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
  void Promise.race([settled, wait]).then(() =>
    createRoot(container).render(
      <App
        detectHost={() => detection}
        initialMode={known}
        loadEngine={loadEngine}
        openFile={openWorkbookFile}
      />,
    ),
  );
}
