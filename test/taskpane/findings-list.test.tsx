/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Finding } from '../../src/plan/findings';
import { FINDINGS, fakeEngine, makeAnalysis, renderPane } from './fakes';

/** A long check: `perSheet` findings on each of `sheets` sheets, every third one an error. */
function manyFindings(sheets: number, perSheet: number): Finding[] {
  const out: Finding[] = [];
  for (let s = 1; s <= sheets; s++) {
    for (let i = 0; i < perSheet; i++) {
      out.push({
        severity: i % 3 === 0 ? 'error' : 'warning',
        rule: 'not-a-number',
        sheet: `施策${s}`,
        cell: `C${i + 2}`,
        message: `指摘 ${s}-${i}`,
      });
    }
  }
  return out;
}

async function check(findings: readonly Finding[], mode: 'excel' | 'none' = 'excel') {
  const user = userEvent.setup();
  const utils = renderPane({ mode, engine: fakeEngine(makeAnalysis({ findings: [...findings] })).engine });
  if (mode === 'none') {
    await screen.findByRole('button', { name: 'ファイルを開く' });
    await user.upload(screen.getByLabelText('ファイルを開く'), new File([new Uint8Array([1])], '実施報告.xlsx'));
  }
  await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
  await screen.findByTestId('verdict');
  return { user, ...utils };
}

// jsdom lays nothing out: give every box the size of a pane's list so the virtual list has a view to fill.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 420 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 320 });
  // …and each row the height of a finding in the pane.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 64 });
});

describe('the list of findings', () => {
  it('shows each sheet with its counts, and narrows to errors, warnings or one sheet', async () => {
    const { user } = await check(FINDINGS);
    expect(screen.getByRole('button', { name: '施策1 エラー 2・注意 1' })).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByRole('radio', { name: 'エラーのみ' }));
    expect(within(screen.getByRole('list', { name: '施策1 の指摘' })).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('list', { name: '事業一覧 の指摘' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '注意のみ' }));
    expect(within(screen.getByRole('list', { name: '施策1 の指摘' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('list', { name: '事業一覧 の指摘' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'すべて' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '施策・シート' }), '事業一覧');
    expect(screen.queryByRole('list', { name: '施策1 の指摘' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '事業一覧 の指摘' })).getAllByRole('listitem')).toHaveLength(1);
    // The verdict stays the whole check's.
    expect(screen.getByTestId('verdict')).toHaveTextContent('エラー 2 件・注意 3 件');
  });

  it('folds a sheet away and opens it again', async () => {
    const { user } = await check(FINDINGS);
    const toggle = screen.getByRole('button', { name: '施策1 エラー 2・注意 1' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: '施策1 の指摘' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(within(screen.getByRole('list', { name: '施策1 の指摘' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('keeps 5,000 findings to a few sheet headings and the rows in view', async () => {
    const findings = manyFindings(10, 500);
    await check(findings);
    expect(screen.getByTestId('verdict')).toHaveTextContent(`エラー ${findings.filter((f) => f.severity === 'error').length} 件`);
    const toggles = screen.getAllByRole('button', { name: /^施策\d+ エラー 167・注意 333$/ });
    expect(toggles).toHaveLength(10);
    // Only the first sheet starts open, and only part of its 500 rows are in the page.
    expect(toggles.filter((b) => b.getAttribute('aria-expanded') === 'true')).toHaveLength(1);
    const rows = within(screen.getByRole('list', { name: '施策1 の指摘' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute('aria-setsize', '500');
    expect(document.querySelectorAll('button').length).toBeLessThan(150);
  });

  it('closes the cell details with Escape and gives focus back to the finding', async () => {
    const { user } = await check(FINDINGS, 'none');
    const finding = screen.getByRole('button', { name: /C3.*「三十」を数値として読めません/ });
    await user.click(finding);
    expect(await screen.findByTestId('cell-detail')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByTestId('cell-detail')).not.toBeInTheDocument();
    });
    expect(screen.getByRole('button', { name: /C3.*「三十」を数値として読めません/ })).toHaveFocus();
  });
});
