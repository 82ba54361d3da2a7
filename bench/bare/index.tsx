/**
 * The comparison page for bench/pane-startup.js: React 18 + Fluent UI v9 and one button,
 * nothing else. Built with the same toolchain as the pane (webpack, ts-loader, production).
 */
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">提出前チェック</Button>
    </FluentProvider>,
  );
}
