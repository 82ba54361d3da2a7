/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FLAGS,
  FakeGateway,
  PROGRESS_EDITS,
  REVISION_EDITS,
  fakeEngine,
  makeAnalysis,
  renderPane,
  sampleGrid,
  sampleReport,
} from './fakes';

describe('進捗状況を記入', () => {
  it('applies the progress edits in one batch and shows each 施策 with its arrow and ◇ sentence', async () => {
    const user = userEvent.setup();
    const gateway = new FakeGateway(sampleGrid());
    const { engine, calls } = fakeEngine(makeAnalysis({ progress: sampleReport() }));
    renderPane({ gateway, engine });

    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));

    expect(await screen.findByText('2 か所に記入しました。')).toBeInTheDocument();
    expect(calls.progressEdits).toBe(1);
    expect(gateway.applied).toEqual([PROGRESS_EDITS]);
    expect(gateway.grid.sheets[0].rows[1][4]).toEqual({ value: '↑' });

    const policy1 = screen.getByRole('article', { name: '施策1　協働の意識づくり' });
    expect(within(policy1).getByText('◇ 2つの指標のうち2つが前年度より改善しました。')).toBeInTheDocument();
    expect(within(policy1).getAllByText('↑ 上向き').length).toBeGreaterThan(0);
    expect(within(policy1).getByText('2023年度 130件 / 前年度 120件 / 目標 150件')).toBeInTheDocument();

    const policy2 = screen.getByRole('article', { name: '施策2　協働の担い手づくり' });
    expect(within(policy2).getByText('◇ 市民活動団体数は減少しましたが、目標値を上回っています。')).toBeInTheDocument();
    expect(within(policy2).getByText('目標達成')).toBeInTheDocument();
    expect(screen.getByText('◇ 2つの施策のうち1つが前進しました。')).toBeInTheDocument();
  });

  it('draws a trend chart per indicator with baseline, mid-term, actuals and the target line', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis({ progress: sampleReport() })).engine });
    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));

    // Charts are drawn on request, 施策 by 施策.
    const policy1 = await screen.findByRole('article', { name: '施策1　協働の意識づくり' });
    expect(screen.queryByRole('img', { name: /の推移/ })).not.toBeInTheDocument();
    await user.click(within(policy1).getByRole('button', { name: 'グラフを表示' }));
    expect(within(policy1).getByRole('button', { name: 'グラフを隠す' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(policy1).getAllByRole('img', { name: /の推移/ })).toHaveLength(2);
    expect(screen.getAllByRole('img', { name: /の推移/ })).toHaveLength(2);

    const chart = await screen.findByRole('img', { name: /^きらめき出前講座実施件数の推移/ });
    expect(chart).toHaveAccessibleName(
      'きらめき出前講座実施件数の推移: 2016年度（策定時） 80件、2021年度（中間） 110件、2022年度 120件、2023年度 130件。目標 150件',
    );
    expect(chart.querySelectorAll('[data-role="baseline"]')).toHaveLength(1);
    expect(chart.querySelectorAll('[data-role="midterm"]')).toHaveLength(1);
    expect(chart.querySelectorAll('[data-role="actual"]')).toHaveLength(2);
    expect(chart.querySelectorAll('[data-role="target"]')).toHaveLength(1);
    expect(chart.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(4);
    // A value axis with the unit, starting at zero and reaching past the target, which is labelled.
    expect(chart.querySelector('[data-role="unit"]')).toHaveTextContent('単位: 件');
    const ticks = [...chart.querySelectorAll('[data-role="tick"]')].map((e) => Number(e.textContent.replace(/,/g, '')));
    expect(ticks[0]).toBe(0);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(150);
    expect(chart.querySelector('[data-role="target-label"]')).toHaveTextContent('目標 150件');
    for (const text of chart.querySelectorAll('text')) expect(Number(text.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
    // The legend's marks are the charts' own colours.
    const legend = within(policy1).getByRole('list', { name: 'グラフの凡例' });
    expect(legend.querySelector('[data-role="baseline"]')?.getAttribute('fill')).toBe(
      chart.querySelector('[data-role="baseline"]')?.getAttribute('fill'),
    );
    expect(legend.querySelector('[data-role="actual"]')?.getAttribute('fill')).toBe(
      chart.querySelector('[data-role="actual"]')?.getAttribute('fill'),
    );
    await user.click(within(policy1).getByRole('button', { name: 'グラフを隠す' }));
    expect(screen.queryByRole('img', { name: /の推移/ })).not.toBeInTheDocument();
  });

  it('writes nothing when the workbook is no longer recognised by the time 進捗状況を記入 is pressed', async () => {
    const user = userEvent.setup();
    const gateway = new FakeGateway(sampleGrid());
    const { engine } = fakeEngine(makeAnalysis());
    const analyses = [makeAnalysis(), makeAnalysis({ unrecognised: true })];
    renderPane({ gateway, engine: { ...engine, analyze: () => analyses.shift() ?? makeAnalysis({ unrecognised: true }) } });
    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));
    expect(await screen.findByTestId('unknown-workbook')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '進捗状況を記入' })).not.toBeInTheDocument();
    expect(gateway.applied).toEqual([]);
  });

  it('shows a gateway failure (a WorkbookError) with its own Japanese message', async () => {
    const user = userEvent.setup();
    const { WorkbookError } = await import('../../src/workbook/gateway');
    const gateway = new FakeGateway(sampleGrid());
    gateway.apply = async () => {
      throw new WorkbookError('実施報告.xlsx の「施策1」シートは保護されているため書き込めません', 'protected');
    };
    renderPane({ gateway, engine: fakeEngine(makeAnalysis({ progress: sampleReport() })).engine });
    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));
    expect(await screen.findByText('実施報告.xlsx の「施策1」シートは保護されているため書き込めません')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });
});

describe('見直し指標', () => {
  it('marks the flagged indicators and lists them with their messages', async () => {
    const user = userEvent.setup();
    const gateway = new FakeGateway(sampleGrid());
    const { engine, calls } = fakeEngine(makeAnalysis({ flags: FLAGS }));
    const { selectCell } = renderPane({ gateway, engine });

    await user.click(await screen.findByRole('button', { name: '見直し指標に印を付ける' }));

    expect(await screen.findByText('2 件の指標に印を付けました。')).toBeInTheDocument();
    expect(calls.revisionEdits).toBe(1);
    expect(gateway.applied).toEqual([REVISION_EDITS]);
    const list = screen.getByRole('list', { name: '見直し指標' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('追加');
    expect(items[0]).toHaveTextContent('中間見直し（令和3年度）で追加された指標です');
    expect(items[1]).toHaveTextContent('目標値の見直し');
    expect(items[1]).toHaveTextContent('目標値が 100件 から 150件 に見直されました');
    // Which sheet, not only the cell: the same cell address is on every 施策 sheet.
    expect(items[0]).toHaveTextContent('施策1!A3');
    expect(items[1]).toHaveTextContent('施策1!D2');

    await user.click(within(items[1]).getByRole('button'));
    await waitFor(() => expect(selectCell).toHaveBeenCalledWith('施策1', 'D2'));
  });

  it('says so when no indicator needs a mark', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis({ flags: [] })).engine });
    await user.click(await screen.findByRole('button', { name: '見直し指標に印を付ける' }));
    expect(await screen.findByText('見直しの対象となる指標はありませんでした。')).toBeInTheDocument();
  });
});
