import { useCallback } from 'react';
import { PaneKeyError } from '../../state/paneError';
import type { Workspace } from '../../hooks/useWorkspace';
import type { Connection, ToolsLoader } from '../../services';

/**
 * 推移グラフ: native Excel line charts of every indicator on a sheet of their own. Excel only:
 * without a host the pane cannot write charts (ExcelJS cannot), and shows its SVG trends instead.
 */
export function useTrendCharts(workspace: Workspace, connection: Connection, loadTools: ToolsLoader) {
  const { run, analyse, written } = workspace;
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
        written();
        return { analysis, charts: { count: charts.length, sheet: sheet.name } };
      }),
    [run, analyse, written, connection, loadTools],
  );
  return { available: Boolean(connection.addTrendCharts), draw };
}
