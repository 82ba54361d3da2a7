/// <reference types="office-js" />
import type { ChartSpec } from '../../plan/trend-charts';
import { OP_OVERHEAD_BYTES, jsonBytes } from './writeBlocks';
import type { WriteOp } from './writeOps';

/** Chart titles are short by nature; Excel shows a long one over the plot. */
const TITLE_FONT_SIZE = 10;
/** add, title text, title font size, legend, setPosition: each its own action and object path. */
const CHART_COMMANDS = 5;

/** One line chart per spec (markers on every point: a single year is still seen). */
export function chartOps(sheet: string, charts: readonly ChartSpec[]): WriteOp[] {
  return charts.map((spec) => ({
    bytes: OP_OVERHEAD_BYTES * CHART_COMMANDS + jsonBytes([spec.title, spec.from, spec.to]),
    sheet,
    queue: (t) => {
      const ws = t.sheet(sheet);
      const { row, col, rows, cols } = spec.data;
      const chart = ws.charts.add('LineMarkers', ws.getRangeByIndexes(row, col, rows, cols), 'Rows');
      chart.title.text = spec.title;
      chart.title.format.font.size = TITLE_FONT_SIZE;
      chart.legend.position = 'Bottom';
      chart.setPosition(spec.from, spec.to);
    },
  }));
}

/** Shows the sheet: the charts were asked for to be seen. */
export function activateOp(sheet: string): WriteOp {
  return { bytes: OP_OVERHEAD_BYTES, sheet, queue: (t) => t.sheet(sheet).activate() };
}
