import type { SheetSpec } from './edits';
import { a1, type Scalar } from './grid';
import type { IndicatorProgress, ProgressReport, TrendPoint } from './report';

/**
 * 推移グラフ: one line chart per indicator (per series of a multi-row indicator) on a sheet
 * of their own. This is the part Excel does not need to know about: which charts, the table
 * they are drawn from, and where each goes. The Office gateway only draws them.
 */
export const TREND_SHEET = '推移グラフ';

export interface ChartSpec {
  title: string;
  /**
   * The chart's data on the sheet (0-based): the first row holds the categories (years),
   * the first column the series names (実績値, 目標値); series run along rows.
   */
  data: { row: number; col: number; rows: number; cols: number };
  /** The cells the chart covers, top-left and bottom-right (A1). */
  from: string;
  to: string;
}

export interface TrendChartSheet {
  sheet: SheetSpec;
  charts: ChartSpec[];
}

/** Each chart covers this many columns and rows of the sheet, with one more of each as a gap. */
const CHART_COLS = 7;
const CHART_ROWS = 15;
const CHARTS_PER_ROW = 2;
const FIRST_ROW = 3;
const TITLE_MAX = 120;

const ROLE_SUFFIX: Readonly<Record<TrendPoint['role'], string>> = {
  baseline: '（策定時）',
  review: '（見直し時）',
  midterm: '（中間）',
  actual: '',
};

interface Entry {
  title: string;
  points: TrendPoint[];
  target?: number;
}

function entries(prefix: string, indicators: readonly IndicatorProgress[]): Entry[] {
  return indicators.flatMap((ind) =>
    ind.trend
      .filter((s) => s.points.length > 0)
      .map((s) => {
        const title = `${prefix} ${ind.name}${s.label ? `（${s.label}）` : ''}${ind.unit ? `［${ind.unit}］` : ''}`;
        const points = [...s.points].sort((a, b) => a.year - b.year);
        return { title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title, points, target: s.target };
      }),
  );
}

export function trendChartSheet(report: ProgressReport): TrendChartSheet {
  const list = [
    ...report.policies.flatMap((p) => entries(`基本施策${p.number}`, p.indicators)),
    ...(report.survey ? entries('全体指標', report.survey.indicators) : []),
  ];
  const rows: Scalar[][] = [
    [`推移グラフ（${report.year}年度実施報告）`],
    ['各指標の策定時・見直し時・中間年度・実績値と目標値です。グラフの元データは左の表です。'],
    [],
  ];
  const tables: ChartSpec['data'][] = [];
  for (const e of list) {
    const at = rows.length;
    // Categories are text (`2023年度`): a row of plain numbers would be taken for a series.
    rows.push([e.title, ...e.points.map((p) => `${p.year}年度${ROLE_SUFFIX[p.role]}`)]);
    rows.push(['実績値', ...e.points.map((p) => p.value)]);
    const target = e.target;
    if (target !== undefined) rows.push(['目標値', ...e.points.map(() => target)]);
    tables.push({ row: at, col: 0, rows: rows.length - at, cols: e.points.length + 1 });
    rows.push([]);
  }
  const dataCols = Math.max(2, ...tables.map((t) => t.cols));
  const firstChartCol = dataCols + 1;
  const charts = list.map((e, i): ChartSpec => {
    const top = FIRST_ROW + Math.floor(i / CHARTS_PER_ROW) * (CHART_ROWS + 1);
    const left = firstChartCol + (i % CHARTS_PER_ROW) * (CHART_COLS + 1);
    return { title: e.title, data: tables[i], from: a1(top, left), to: a1(top + CHART_ROWS - 1, left + CHART_COLS - 1) };
  });
  return {
    sheet: {
      name: TREND_SHEET,
      rows,
      columns: [{ width: 44 }, ...Array.from({ length: dataCols - 1 }, () => ({ width: 14 }))],
      headingRows: [0],
    },
    charts,
  };
}
