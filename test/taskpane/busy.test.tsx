/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeGateway, fakeEngine, makeAnalysis, renderPane, sampleGrid } from './fakes';

describe('progress indicator', () => {
  it('shows a spinner in a live region while an operation runs, and removes it afterwards', async () => {
    const user = userEvent.setup();
    const releases: (() => void)[] = [];
    const gateway = new FakeGateway(sampleGrid());
    const read = gateway.read.bind(gateway);
    const slowRead = jest.fn(() => new Promise<Awaited<ReturnType<typeof read>>>((resolve) => releases.push(() => resolve(read()))));
    gateway.read = slowRead;
    renderPane({ gateway, engine: fakeEngine(makeAnalysis()).engine });

    // Opening reads the workbook to know what it is.
    const identifying = (await screen.findByText('ブックを読み取っています…')).closest('[data-testid="busy"]');
    expect(identifying?.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(releases).toHaveLength(1));
    await act(async () => releases.shift()?.());
    await waitFor(() => expect(screen.queryByTestId('busy')).not.toBeInTheDocument());

    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    const busy = await screen.findByTestId('busy');
    expect(within(busy).getByText('チェックしています…')).toBeInTheDocument();
    // A second click while busy does not start a second read.
    await user.click(screen.getByRole('button', { name: '提出前チェック' }));

    await waitFor(() => expect(releases).toHaveLength(1));
    await act(async () => releases.shift()?.());
    expect(await screen.findByTestId('verdict')).toHaveTextContent('エラーはありません。提出できます。');
    expect(screen.queryByTestId('busy')).not.toBeInTheDocument();
    expect(slowRead).toHaveBeenCalledTimes(2);
  });

  it('keeps the indicator invisible for the first third of a second (no flashing for quick operations)', async () => {
    const { BusyIndicator } = await import('../../src/taskpane/components/BusyIndicator');
    const { render } = await import('@testing-library/react');
    const { FluentProvider, webLightTheme } = await import('@fluentui/react-components');
    render(
      <FluentProvider theme={webLightTheme}>
        <BusyIndicator label="処理しています" />
      </FluentProvider>,
    );
    const css =
      [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n') +
      [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(css).toMatch(/animation-delay:\s*333ms/);
  });
});
