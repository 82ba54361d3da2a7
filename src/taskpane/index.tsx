import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadEngine } from './engine';
import { openWorkbookFile } from './features/file/openWorkbookFile';
import { detectHost } from './host';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <App detectHost={() => detectHost()} loadEngine={loadEngine} openFile={openWorkbookFile} />,
  );
}
