/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as realEngine from '../../src/plan/engine';
import type { WorkbookGrid } from '../../src/plan/grid';
import { DEFAULT_PLAN } from '../../src/plan/definition/default';
import { COL, indicatorRow, policyBlock, workbook, type CellInput } from '../plan/build';
import { FakeGateway, PATIENCE, renderPane } from './fakes';

/**
 * 進捗状況を記入 with the real engine on workbooks built here: one indicator per 施策, the first
 * `policies` of the plan's 施策, and (optionally) a formula in the first indicator's 進捗状況 cell.
 */
function master(policies: number, formula?: string): { grid: WorkbookGrid; formulaCell?: { row: number; col: number } } {
  const rows: CellInput[][] = [];
  let formulaCell: { row: number; col: number } | undefined;
  for (const p of DEFAULT_PLAN.policies.slice(0, policies)) {
    const row = indicatorRow({
      name: `施策${p.number}の指標`,
      values: { 2016: '100件', 2022: '120件', 2023: '130件' },
      target: '150件',
      progress: p.number === 1 && formula ? { value: '↑', formula } : null,
    });
    const block = policyBlock(p.number, [row]);
    if (p.number === 1 && formula) formulaCell = { row: rows.length + block.length - 2, col: COL.progress };
    rows.push(...block);
  }
  return { grid: workbook(rows), formulaCell };
}

const PROGRESS = '進捗状況を記入';

async function startWriting(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: PROGRESS }, { timeout: PATIENCE }));
  return screen.findByRole('group', { name: /読み取れなかった表や行があります|進捗状況のセルに数式があります/ }, { timeout: PATIENCE });
}

/** axe's default rules; colour contrast needs layout and canvas, which jsdom lacks (the e2e test checks it in Chromium). */
async function axeViolations(node: Element): Promise<string[]> {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => v.id);
}

describe('進捗状況を記入 asks before a risky write', () => {
  it('a partial read: says what was not read, writes nothing until asked, Escape cancels, 記入する writes only what was read', async () => {
    const user = userEvent.setup();
    const { grid } = master(4);
    const gateway = new FakeGateway(grid, 'test.xlsx');
    renderPane({ gateway, engine: realEngine });

    const question = await startWriting(user);
    expect(question).toHaveTextContent('基本施策 4/7');
    expect(question).toHaveTextContent('基本施策5・6・7の基本指標の表が見つかりません');
    expect(question).toHaveTextContent('読み取れた表にだけ記入しますか');
    // Focus on やめる: Enter right after the click must not write on a partial read.
    expect(within(question).getByRole('button', { name: 'やめる' })).toHaveFocus();
    expect(within(question).getByRole('button', { name: '読み取れた表にだけ記入する' })).toBeEnabled();
    expect(await axeViolations(question)).toEqual([]);
    expect(gateway.applied).toEqual([]);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('progress-question')).not.toBeInTheDocument());
    expect(screen.getByText('記入をやめました。ブックは変更していません。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: PROGRESS })).toHaveFocus();
    expect(gateway.applied).toEqual([]);

    const again = await startWriting(user);
    await user.click(within(again).getByRole('button', { name: '読み取れた表にだけ記入する' }));
    const expected = realEngine.progressEdits(realEngine.analyze(grid));
    expect(await screen.findByText(`${expected.cells.length} か所に記入しました。`, undefined, { timeout: PATIENCE })).toBeInTheDocument();
    expect(gateway.applied).toEqual([expected]);
    // Arrows for the four 施策 that were read, nothing for the three that were not.
    expect(expected.cells.filter((c) => c.mark === 'arrow')).toHaveLength(4);
    expect(screen.getByRole('button', { name: PROGRESS })).toHaveFocus();
  });

  it('formulas in 進捗状況 cells: names them, keeps them by default, overwrites them only when asked', async () => {
    const user = userEvent.setup();
    const { grid, formulaCell } = master(DEFAULT_PLAN.policies.length, 'IF(G6>F6,"↑","↓")');
    const gateway = new FakeGateway(grid, 'test.xlsx');
    renderPane({ gateway, engine: realEngine });
    const at = formulaCell!;
    const address = `基本指標!J${at.row + 1}`;

    const question = await startWriting(user);
    expect(question).toHaveTextContent(`進捗状況のセル 1 か所に数式があります（${address}）`);
    expect(question).not.toHaveTextContent('読み取れた表にだけ');
    expect(within(question).getByRole('button', { name: 'やめる' })).toHaveFocus();
    expect(await axeViolations(question)).toEqual([]);
    expect(gateway.applied).toEqual([]);

    await user.click(within(question).getByRole('button', { name: '数式を残して記入する' }));
    await screen.findByText(/か所に記入しました。/, undefined, { timeout: PATIENCE });
    expect(gateway.applied).toHaveLength(1);
    const kept = gateway.applied[0].cells;
    expect(kept.some((c) => c.sheet === '基本指標' && c.row === at.row && c.col === at.col)).toBe(false);
    expect(kept.filter((c) => c.mark === 'arrow').length).toBeGreaterThan(0);
    expect(gateway.grid.sheets[0].rows[at.row][at.col]).toEqual({ value: '↑', formula: 'IF(G6>F6,"↑","↓")' });
    expect(screen.getByRole('button', { name: PROGRESS })).toHaveFocus();

    const again = await startWriting(user);
    await user.click(within(again).getByRole('button', { name: '数式を上書きする' }));
    await waitFor(() => expect(gateway.applied).toHaveLength(2), { timeout: PATIENCE });
    const overwritten = gateway.applied[1].cells.find((c) => c.sheet === '基本指標' && c.row === at.row && c.col === at.col);
    expect(overwritten).toMatchObject({ value: '↑', mark: 'arrow' });
    expect(gateway.grid.sheets[0].rows[at.row][at.col]).toEqual({ value: '↑' });
  });
});
