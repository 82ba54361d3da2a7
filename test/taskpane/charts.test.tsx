/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as realEngine from '../../src/plan/engine';
import type { SheetSpec } from '../../src/plan/edits';
import type { ChartSpec } from '../../src/plan/trend-charts';
import { trendChartSheet } from '../../src/plan/trend-charts';
import type { Engine } from '../../src/taskpane/services';
import { FakeGateway, fakeEngine, makeAnalysis, renderPane } from './fakes';
import { fileConnection, sampleBytes } from './workbooks';

describe('推移グラフ', () => {
  it('draws native Excel charts of every indicator on a sheet of their own', async () => {
    const user = userEvent.setup();
    const grid = await (await fileConnection(sampleBytes())).workbook.read();
    const addTrendCharts = jest.fn(async (_sheet: SheetSpec, _charts: readonly ChartSpec[]) => {});
    renderPane({ gateway: new FakeGateway(grid), engine: realEngine, extras: { addTrendCharts } });
    await user.click(await screen.findByRole('button', { name: '推移グラフを作成' }));
    await waitFor(() => expect(addTrendCharts).toHaveBeenCalledTimes(1));
    const expected = trendChartSheet(realEngine.analyze(grid).progress!);
    const [sheet, charts] = addTrendCharts.mock.calls[0];
    expect(sheet.name).toBe('推移グラフ');
    expect(charts).toEqual(expected.charts);
    expect(await screen.findByText(`シート「推移グラフ」に推移グラフを ${expected.charts.length} 個作成しました。`)).toBeInTheDocument();
  });

  it('is not offered without Excel, and says why in a short hint', async () => {
    renderPane({ gateway: new FakeGateway(await (await fileConnection(sampleBytes())).workbook.read()) });
    const progress = await screen.findByRole('region', { name: '進捗状況' });
    expect(within(progress).queryByRole('button', { name: '推移グラフを作成' })).not.toBeInTheDocument();
    expect(within(progress).getByText(/Excel のグラフ（推移グラフ）は Excel の中で作成できます/)).toBeInTheDocument();
  });
});

describe('対象年度', () => {
  it('defaults to the engine’s year, and a chosen year reaches the analysis', async () => {
    const user = userEvent.setup();
    const { engine: fake } = fakeEngine(makeAnalysis());
    const analyze = jest.fn(fake.analyze);
    const engine: Engine = { ...fake, analyze };
    renderPane({ engine });
    // Opening analyses once (for the default year), then the check again.
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    await waitFor(() => expect(analyze).toHaveBeenCalledTimes(2));
    expect(analyze.mock.calls[1][1]).toEqual({});
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: /対象年度/ });
    expect(picker.options[picker.selectedIndex].text).toBe('自動（2023年度）');
    await user.selectOptions(picker, '2022');
    await user.click(screen.getByRole('button', { name: '提出前チェック' }));
    await waitFor(() => expect(analyze).toHaveBeenCalledTimes(3));
    expect(analyze.mock.calls[2][1]).toEqual({ year: 2022 });
  });
});
