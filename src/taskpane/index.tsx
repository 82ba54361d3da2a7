import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadEngine } from './engine';
import { openWorkbookFile } from './features/file/openWorkbookFile';
import { detectHost, loadOfficeGateway } from './host';
import { mayBeHosted } from './officeScript';
import { startupPlan } from './startup';

const container = document.getElementById('root');
if (container) {
  const hosted = mayBeHosted();
  // Fetched alongside office.js where it may be needed; a failure shows when connecting.
  if (hosted) loadOfficeGateway().catch(() => undefined);
  const detection = detectHost();
  const plan = startupPlan(detection, {
    hosted,
    // Time already spent since navigation (parsing, fetching this script) counts against the wait.
    elapsedMs: performance.now(),
  });
  void plan.then(({ initialMode, hostPatienceMs }) => {
    createRoot(container).render(
      <App
        detectHost={() => detection}
        initialMode={initialMode}
        hostPatienceMs={hostPatienceMs}
        loadEngine={loadEngine}
        openFile={openWorkbookFile}
      />,
    );
  });
}
