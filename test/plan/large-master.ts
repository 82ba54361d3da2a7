/**
 * The canonical master (renderMaster) grown to thousands of indicators, for the tests of a
 * large plan: the engine's steps and the coordinator's path in the browser.
 */
import type { SheetSpec } from '../../src/plan/edits';
import type { SheetGrid, WorkbookGrid } from '../../src/plan/grid';
import { COL, actualCol } from '../../src/plan/layout/columns';
import { renderMaster } from '../../src/plan/layout/master';

export interface LargeMasterOptions {
  /** Every n-th indicator's latest actual is words, not a figure (an error of 提出前チェック). */
  unreadableEvery?: number;
}

/** The master's sheets with `perPolicy[i]` indicators under 基本施策 i+1, figures in every year. */
export function largeMasterSheets(perPolicy: readonly number[], options: LargeMasterOptions = {}): SheetSpec[] {
  const specs = renderMaster({ year: 2023 });
  const units = ['件', '人', '%', '回', '団体'];
  perPolicy.forEach((n, p) => {
    const spec = specs.find((s) => s.name === `基本施策${p + 1}`);
    if (!spec) throw new Error(`renderMaster has no sheet 基本施策${p + 1}`);
    const header = spec.rows.findIndex((r) => r[0] === '基本指標項目');
    spec.rows.length = header + 2;
    for (let i = 0; i < n; i++) {
      const unit = units[i % units.length];
      const v = (k: number) => `${100 + ((i * 37 + k * 11) % 900)}${unit}`;
      const row: (string | null)[] = new Array<string | null>(14).fill(null);
      row[COL.name] = `指標${p + 1}-${i + 1}`;
      row[COL.description] = `指標 ${i + 1} の説明`;
      row[COL.baseline] = v(0);
      row[COL.review] = v(1);
      row[COL.midterm] = v(2);
      row[actualCol(2022)] = v(3);
      row[actualCol(2023)] = options.unreadableEvery && (i + 1) % options.unreadableEvery === 0 ? '百件くらい' : v(4);
      row[COL.target] = v(5);
      row[COL.reason] = '前年度の取組を継続した。';
      row[COL.department] = '市民・NPO活動推進課';
      spec.rows.push(row);
    }
  });
  return specs;
}

/** The same sheets as the grid a gateway reads. */
export function gridOf(specs: readonly SheetSpec[], source = 'master.xlsx'): WorkbookGrid {
  const sheets: SheetGrid[] = specs.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) => r.map((v) => (v === null || v === '' ? null : { value: v }))),
    ...(s.state && s.state !== 'visible' ? { hidden: true } : {}),
  }));
  return { source, sheets };
}
