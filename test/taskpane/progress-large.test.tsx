/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PolicyProgress, ProgressReport } from '../../src/plan';
import { fakeEngine, makeAnalysis, renderPane, sampleReport } from './fakes';

const PER_POLICY = 300;

/** A plan of 7 施策 with PER_POLICY indicators each: 2,100 indicators, as a large city's might be. */
function largeReport(): ProgressReport {
  const base = sampleReport();
  const model = base.policies[0].indicators[0];
  const policies: PolicyProgress[] = Array.from({ length: 7 }, (_, p) => ({
    ...base.policies[0],
    number: p + 1,
    title: `施策の名前${p + 1}`,
    indicatorCount: PER_POLICY,
    sentence: `◇ 施策${p + 1}の${PER_POLICY}の指標のうち…`,
    indicators: Array.from({ length: PER_POLICY }, (_, i) => ({
      ...model,
      key: `${p + 1}:指標${i + 1}`,
      name: `指標${p + 1}-${i + 1}`,
      policy: p + 1,
    })),
  }));
  return { ...base, policies };
}

// jsdom lays nothing out: give every box the size of a pane's list so the virtual list has a view to fill.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 420 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 64 });
});

describe('進捗状況 of a large plan', () => {
  it('shows every 施策 with its sentence, but only the indicators in view of each list', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis({ progress: largeReport() })).engine });
    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));
    expect(await screen.findByText('2 か所に記入しました。')).toBeInTheDocument();

    for (let p = 1; p <= 7; p++) {
      const card = await screen.findByRole('article', { name: `施策${p}\u3000施策の名前${p}` });
      expect(within(card).getByText(`◇ 施策${p}の${PER_POLICY}の指標のうち…`)).toBeInTheDocument();
      const rows = within(within(card).getByRole('list', { name: '指標' })).getAllByRole('listitem');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(50);
      // Each row still says where it stands in the whole list.
      expect(rows[0]).toHaveAttribute('aria-setsize', String(PER_POLICY));
      expect(within(rows[0]).getByText(`指標${p}-1`)).toBeInTheDocument();
    }
    expect(document.querySelectorAll('li').length).toBeLessThan(400);

    // Charts on request draw only for the rows in view, too.
    const first = screen.getByRole('article', { name: '施策1\u3000施策の名前1' });
    await user.click(within(first).getByRole('button', { name: 'グラフを表示' }));
    const charts = within(first).getAllByRole('img', { name: /の推移/ });
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.length).toBeLessThan(50);
  });
});
