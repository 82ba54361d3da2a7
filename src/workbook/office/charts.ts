/// <reference types="office-js" />
import type { SheetSpec } from '../../plan/edits';
import type { ChartSpec } from '../../plan/trend-charts';
import { sheetSpecOps } from './sheetSpecs';
import type { WriteTarget } from './writeOps';

/** Chart titles are short by nature; Excel shows a long one over the plot. */
const TITLE_FONT_SIZE = 10;

/** Queues one line chart (markers on every point: a single year is still seen). */
function queueChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const { row, col, rows, cols } = spec.data;
  const chart = ws.charts.add('LineMarkers', ws.getRangeByIndexes(row, col, rows, cols), 'Rows');
  chart.title.text = spec.title;
  chart.title.format.font.size = TITLE_FONT_SIZE;
  chart.legend.position = 'Bottom';
  chart.setPosition(spec.from, spec.to);
}

/**
 * The sheet (replacing one of that name) and its charts, in two syncs: what exists, then
 * everything else. Events are off while writing, as in apply(): the live check must not
 * take the add-in's own table for a person's edit.
 */
export async function writeTrendCharts(
  ctx: Excel.RequestContext,
  sheet: SheetSpec,
  charts: readonly ChartSpec[],
  budget: number,
  onWrite: () => void,
): Promise<void> {
  const collection = ctx.workbook.worksheets;
  collection.load('items/name,items/position');
  ctx.runtime.load('enableEvents');
  await ctx.sync();
  const eventsWere = ctx.runtime.enableEvents;
  const old = collection.items.find((ws) => ws.name === sheet.name);
  const built = sheetSpecOps(sheet, old ? { position: old.position } : undefined, budget);
  const proxies = new Map<string, Excel.Worksheet>();
  const target: WriteTarget = {
    ctx,
    sheet: (name) => proxies.get(name) ?? ctx.workbook.worksheets.getItem(name),
    define: (name, ws) => proxies.set(name, ws),
  };
  ctx.runtime.enableEvents = false;
  for (const op of built.ops) op.queue(target);
  const ws = target.sheet(sheet.name);
  for (const spec of charts) queueChart(ws, spec);
  for (const op of built.finish) op.queue(target);
  ws.activate();
  ctx.runtime.enableEvents = eventsWere;
  onWrite();
  await ctx.sync();
}
