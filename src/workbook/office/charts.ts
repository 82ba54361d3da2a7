/// <reference types="office-js" />
import type { SheetSpec } from '../../plan/edits';
import type { ChartSpec } from '../../plan/trend-charts';
import type { WrittenState } from './officeErrors';
import { sheetSpecOps } from './sheetSpecs';
import { OP_OVERHEAD_BYTES, jsonBytes, packBySize } from './writeBlocks';
import type { WriteOp, WriteTarget } from './writeOps';

/** Chart titles are short by nature; Excel shows a long one over the plot. */
const TITLE_FONT_SIZE = 10;
/** add, title text, title font size, legend, setPosition: each its own action and object path. */
const CHART_COMMANDS = 5;

export interface TrendChartWrite {
  /** Upper bound for one sync's JSON payload. */
  budget: number;
  /** ExcelApi 1.9: suspendScreenUpdatingUntilNextSync is missing before it. */
  suspendScreen: boolean;
  /** Called before each write sync with what a failure of that sync would leave behind. */
  onWrite: (written: WrittenState) => void;
  /** Called when events could not be turned back on after a failure. */
  onEventsNotRestored?: () => void;
}

/** One line chart (markers on every point: a single year is still seen). */
function chartOp(sheet: string, spec: ChartSpec): WriteOp {
  return {
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
  };
}

/**
 * The sheet (replacing one of that name) and its charts: one sync for what exists, then as few
 * write syncs as the budget allows (one for the usual few dozen charts). Events are off while
 * writing, as in apply(): the live check must not take the add-in's own table for a person's
 * edit. A failed write leaves them as they were, in a sync of its own, and is rethrown.
 */
export async function writeTrendCharts(
  ctx: Excel.RequestContext,
  sheet: SheetSpec,
  charts: readonly ChartSpec[],
  options: TrendChartWrite,
): Promise<void> {
  const collection = ctx.workbook.worksheets;
  collection.load('items/name,items/position');
  ctx.runtime.load('enableEvents');
  await ctx.sync();
  const eventsWere = ctx.runtime.enableEvents;
  const old = collection.items.find((ws) => ws.name === sheet.name);
  const built = sheetSpecOps(sheet, old ? { position: old.position } : undefined, options.budget);
  const proxies = new Map<string, Excel.Worksheet>();
  const target: WriteTarget = {
    ctx,
    sheet: (name) => proxies.get(name) ?? ctx.workbook.worksheets.getItem(name),
    define: (name, ws) => proxies.set(name, ws),
  };
  // Charts after the values they are drawn from; protection and visibility after everything.
  const ops: WriteOp[] = [
    ...built.ops,
    ...charts.map((spec) => chartOp(sheet.name, spec)),
    ...built.finish,
    { bytes: OP_OVERHEAD_BYTES, sheet: sheet.name, queue: (t) => t.sheet(sheet.name).activate() },
  ];
  const batches = packBySize(ops, options.budget);

  let restored = false;
  try {
    for (let i = 0; i < batches.length; i++) {
      const last = i === batches.length - 1;
      // Before queueing: should queueing throw, the restore sync below sends what was queued.
      options.onWrite(i === 0 ? 'maybe' : 'partial');
      ctx.application.suspendApiCalculationUntilNextSync();
      if (options.suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync();
      if (i === 0) ctx.runtime.enableEvents = false;
      for (const op of batches[i]) op.queue(target);
      if (last) {
        ctx.runtime.enableEvents = eventsWere;
        // Calculation was suspended: formulas elsewhere may point at the sheet just replaced.
        ctx.application.calculate('Recalculate');
      }
      await ctx.sync();
      if (last) restored = true;
    }
  } finally {
    if (!restored) {
      // Best effort: a failure here must not hide the error that got us here.
      try {
        ctx.runtime.enableEvents = eventsWere;
        await ctx.sync();
      } catch {
        options.onEventsNotRestored?.();
      }
    }
  }
}
