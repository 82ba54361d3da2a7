import { analyze } from '../../src/plan/engine';
import { parseA1 } from '../../src/plan/grid';
import { TREND_SHEET, trendChartSheet } from '../../src/plan/trend-charts';
import { sampleMaster } from './compile/helpers';

describe('trendChartSheet (推移グラフ)', () => {
  let result: ReturnType<typeof trendChartSheet>;
  let report: NonNullable<ReturnType<typeof analyze>['progress']>;
  beforeAll(async () => {
    report = analyze(await sampleMaster()).progress!;
    result = trendChartSheet(report);
  });

  it('draws one chart per indicator series, from the report’s trends', () => {
    const series = [...report.policies.flatMap((p) => p.indicators), ...(report.survey?.indicators ?? [])].flatMap((i) =>
      i.trend.filter((t) => t.points.length > 0),
    );
    expect(result.charts).toHaveLength(series.length);
    expect(result.sheet.name).toBe(TREND_SHEET);
    expect(result.charts[0].title).toMatch(/^基本施策1 /);
  });

  it('lays out each table: categories as text, 実績値 by year, 目標値 as a flat line', () => {
    const ind = report.policies[0].indicators[0];
    const trend = ind.trend[0];
    const { data } = result.charts[0];
    const rows = result.sheet.rows.slice(data.row, data.row + data.rows);
    const points = [...trend.points].sort((a, b) => a.year - b.year);
    expect(rows[0].slice(1)).toEqual(points.map((p) => expect.stringMatching(new RegExp(`^${p.year}年度`))));
    expect(rows[0].slice(1).some((c) => String(c).includes('（策定時）'))).toBe(true);
    expect(rows[1]).toEqual(['実績値', ...points.map((p) => p.value)]);
    // きらめき出前講座実施件数: the report's 目標値 is 300件.
    expect(ind.name).toBe('きらめき出前講座実施件数');
    expect(rows[2]).toEqual(['目標値', ...points.map(() => 300)]);
    expect(data.cols).toBe(points.length + 1);
  });

  it('places the charts in a grid, two abreast, right of the tables and never overlapping', () => {
    const boxes = result.charts.map((c) => ({ from: parseA1(c.from)!, to: parseA1(c.to)! }));
    const dataRight = Math.max(...result.charts.map((c) => c.data.col + c.data.cols - 1));
    for (const b of boxes) expect(b.from.col).toBeGreaterThan(dataRight);
    expect(new Set(boxes.map((b) => b.from.col)).size).toBe(2);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.to.row < b.from.row || b.to.row < a.from.row || a.to.col < b.from.col || b.to.col < a.from.col;
        expect(apart).toBe(true);
      }
    }
  });
});
