/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { finding } from '../../src/plan/rules';
import { fakeEngine, makeAnalysis, renderPane } from './fakes';

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

/** The names and values the findings below quote from the sheet: the only Japanese an English list may show. */
const QUOTED = ['市民活動サポートセンター登録団体数', '協働事業数', '三十', '300法人', '148法人', '団体', '法人', '実績', '施策1'];

const FINDINGS = [
  finding('jump', '施策1', 'C3', { name: '協働事業数', label: '', year: 2023, now: '300法人', prev: '148法人', ratio: 2 }),
  finding('not-a-number', '施策1', 'C4', { name: '市民活動サポートセンター登録団体数', what: '2023年度の値', raw: '三十' }),
  finding('unit-mismatch', '施策1', 'C5', { name: '協働事業数', what: '目標値', unit: '団体', expected: '法人' }),
  finding('actual-missing', '施策1', 'C6', { name: '協働事業数', label: '（実績）', year: 2023 }),
  finding('unplaced-header', '施策1', 'F2', { label: '実績', yearMissing: true }),
  finding('reason-missing', '施策1', 'J3', { name: '協働事業数' }),
];

beforeEach(() => localStorage.clear());
// jsdom lays nothing out: give boxes a pane's size so the virtual list shows every finding.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 64 });
});

function withoutQuoted(text: string): string {
  return [...QUOTED].sort((a, b) => b.length - a.length).reduce((rest, q) => rest.split(q).join(''), text);
}

describe('findings in English', () => {
  it('shows each finding in English once the pane switches language, quoting only names and values', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    await screen.findByTestId('verdict');
    expect(screen.getByText(FINDINGS[0].message)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'English' }));
    const items = within(screen.getByRole('list', { name: /施策1/ })).getAllByRole('listitem');
    expect(items).toHaveLength(FINDINGS.length);
    for (const item of items) {
      expect(withoutQuoted(item.textContent)).not.toMatch(JAPANESE);
    }
    // The quoted figures keep the units written in their cells.
    const jump = items.find((item) => item.textContent.includes('differs greatly'));
    expect(jump).toHaveTextContent('300法人');
    expect(jump).toHaveTextContent('148法人');
    expect(screen.queryByText(FINDINGS[0].message)).not.toBeInTheDocument();
  });
});
