import { useCallback } from 'react';
import { PaneKeyError } from '../../state/paneError';
import type { PaneSession } from '../../session/usePaneSession';
import { analysed } from '../../state/analysis';
import { chartsDrawn } from './progressState';
import type { Connection, ToolsLoader } from '../../services';

/**
 * 推移グラフ: native Excel line charts of every indicator on a sheet of their own. Excel only:
 * without a host the pane cannot write charts (ExcelJS cannot), and shows its SVG trends instead.
 */
export function useTrendCharts(session: PaneSession, connection: Connection, loadTools: ToolsLoader) {
  const { run, analyse } = session;
  const draw = useCallback(
    () =>
      run('progress', 'charts', async () => {
        if (!connection.addTrendCharts) return;
        const [{ analysis }, tools] = await Promise.all([analyse(), loadTools()]);
        if (analysis.unrecognised) throw new PaneKeyError('error.unrecognised');
        if (!analysis.progress) throw new PaneKeyError('charts.noReport');
        const { sheet, charts } = tools.trendChartSheet(analysis.progress);
        if (charts.length === 0) throw new PaneKeyError('charts.noReport');
        await connection.addTrendCharts(sheet, charts);
        return [analysed(analysis), chartsDrawn(charts.length, sheet.name)];
      }),
    [run, analyse, connection, loadTools],
  );
  return { available: Boolean(connection.addTrendCharts), draw };
}
