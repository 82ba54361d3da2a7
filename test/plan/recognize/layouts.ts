/**
 * The published FY2023 figures, re-laid the ways city offices lay out their own workbooks:
 * other year spellings, other header words, columns in another order, names wrapped or merged,
 * a sheet per 施策. Each layout is built in code from the pasted report, so a test can ask
 * whether the arrows stay the city's whatever the layout.
 */
import { analyze, type Analysis } from '../../../src/plan/engine';
import type { GridCell, WorkbookGrid } from '../../../src/plan/grid';
import type { Indicator, IndicatorTable, YearRole } from '../../../src/plan/model';
import { DEFAULT_PLAN } from '../../../src/plan/definition';
import { pastedReport } from '../helpers';

const source = pastedReport();
export const canonical: Analysis = analyze(source);
const pasted = source.sheets[0];

function original(ref: { row: number; col: number } | undefined): GridCell | null {
  return ref ? (pasted.rows[ref.row]?.[ref.col] ?? null) : null;
}

export type RefRole = Exclude<YearRole, 'actual'>;

export interface Layout {
  /**
   * `single`: one header row; `two-row`: words over years (実績値 over the actuals); `three-row`: two rows
   * of years; `labels-above`: the words on a row of their own above 基本指標項目 and the years.
   */
  header: 'single' | 'two-row' | 'three-row' | 'labels-above';
  /** Header text of a year column; for three-row, the two rows joined by `\n`. */
  yearForm: (year: number) => string;
  /** Order of the actual years, given as a permutation of their indices (0 = oldest). */
  actualOrder?: (years: number[]) => number[];
  refOrder?: RefRole[];
  blockOrder?: ('refs' | 'actuals' | 'target' | 'progress' | 'rate')[];
  words?: Partial<Record<'name' | RefRole | 'target' | 'department' | 'progress', string>>;
  /** Where to break each indicator's name onto a second row (undefined: no break). */
  wrapAt?: (ind: Indicator, index: number) => number | undefined;
  /** When a name is wrapped, wrap its description onto the second row too. */
  wrapDescription?: boolean;
  /** Write the name alone on its row, the figures on the row below (a name cell merged over two rows). */
  nameAbove?: (ind: Indicator, index: number) => boolean;
  /** One sheet per 施策, named by `sheetName`, or everything on one sheet. */
  sheetName?: (n: number, title: string) => string;
  /** The heading row above each table; undefined leaves it out. */
  heading?: ((n: number, title: string) => string) | null;
  /** Rows hidden in the sheet, with no values: a deleted indicator kept out of sight. */
  hiddenEmptyRow?: boolean;
}

const REF_WORDS: Record<RefRole, string> = { baseline: '策定時', review: '見直し時', midterm: '中間年度' };

interface Column {
  kind: 'ref' | 'actual' | 'target' | 'progress' | 'rate';
  year?: number;
  role?: RefRole;
}

function columnsOf(table: IndicatorTable, layout: Layout): Column[] {
  const refRoles = layout.refOrder ?? ['baseline', 'review', 'midterm'];
  const refs: Column[] = refRoles.flatMap((role) =>
    table.years.filter((y) => y.role === role).map((y) => ({ kind: 'ref' as const, role, year: y.year })),
  );
  const actualYears = table.years.filter((y) => y.role === 'actual').map((y) => y.year);
  const order = layout.actualOrder?.(actualYears) ?? actualYears.map((_, i) => i);
  const actuals: Column[] = order.map((i) => ({ kind: 'actual', year: actualYears[i] }));
  const blocks: Record<string, Column[]> = {
    refs,
    actuals,
    target: [{ kind: 'target' }],
    progress: [{ kind: 'progress' }],
    rate: [{ kind: 'rate' }],
  };
  return (layout.blockOrder ?? ['refs', 'actuals', 'progress', 'target']).flatMap((b) => blocks[b]);
}

type Cell = GridCell | string | null;

function headerRows(cols: Column[], layout: Layout): Cell[][] {
  const w = layout.words ?? {};
  const name = w.name ?? '基本指標項目';
  const word = (c: Column, i: number): string => {
    switch (c.kind) {
      case 'ref':
        return w[c.role!] ?? REF_WORDS[c.role!];
      case 'actual':
        return i === cols.findIndex((x) => x.kind === 'actual') ? '実績値' : '';
      case 'target':
        return w.target ?? '目標値';
      case 'progress':
        return w.progress ?? '進捗状況';
      case 'rate':
        return '目標達成率';
    }
  };
  const tail = ['施策の実施状況・実績の増減理由等', w.department ?? '担当所属'];
  if (layout.header === 'single') {
    return [[name, '説明', ...cols.map((c, i) => (c.kind === 'actual' ? layout.yearForm(c.year!) : word(c, i))), ...tail]];
  }
  const top = [name, '説明', ...cols.map(word), ...tail];
  const yearText = (c: Column) =>
    c.kind === 'actual' || c.kind === 'ref' ? layout.yearForm(c.year!) : c.kind === 'target' ? layout.yearForm(2025) : '';
  if (layout.header === 'two-row') return [top, ['', '', ...cols.map(yearText), '', '']];
  if (layout.header === 'labels-above')
    return [
      ['', '', ...cols.map(word), '', ''],
      [name, '説明', ...cols.map(yearText), ...tail],
    ];
  const split = (c: Column, k: number) => yearText(c).split('\n')[k] ?? '';
  return [top, ['', '', ...cols.map((c) => split(c, 0)), '', ''], ['', '', ...cols.map((c) => split(c, 1)), '', '']];
}

function indicatorRows(ind: Indicator, index: number, cols: Column[], layout: Layout): Cell[][] {
  const label = `${ind.added ? '【追加】' : ''}${ind.name}`;
  const at = layout.wrapAt?.(ind, index);
  const [first, second] = at !== undefined && at > 0 && at < label.length ? [label.slice(0, at), label.slice(at)] : [label, undefined];
  const rows: Cell[][] = [];
  ind.series.forEach((s, i) => {
    const values = cols.map((c): Cell => {
      if (c.kind === 'actual' || c.kind === 'ref') return original(s.values.get(c.year!)?.ref);
      if (c.kind === 'target') return original(s.target?.ref);
      if (c.kind === 'rate') return { value: 0.95, numFmt: '0%' };
      return null;
    });
    const tail = i === 0 ? [ind.reason?.text ?? '', ind.department?.text ?? ''] : ['', ''];
    if (i === 0 && layout.nameAbove?.(ind, index)) {
      rows.push([first, ind.description, ...cols.map(() => null), ...tail]);
      rows.push(['', '', ...values, '', '']);
      return;
    }
    const cut = layout.wrapDescription && second ? Math.ceil(ind.description.length / 2) : ind.description.length;
    rows.push([i === 0 ? first : '', i === 0 ? ind.description.slice(0, cut) : '', ...values, ...tail]);
    if (i === 0 && second) rows.push([second, ind.description.slice(cut) || null]);
  });
  return rows;
}

/** The FY2023 policy tables (not the other parts of the report) in the given layout. */
export function layOut(layout: Layout): WorkbookGrid {
  const sheets = new Map<string, { rows: Cell[][]; hidden: number[] }>();
  for (const policy of canonical.plan.policies) {
    const table = policy.table!;
    const def = DEFAULT_PLAN.policies.find((p) => p.number === policy.number)!;
    const sheetName = layout.sheetName?.(policy.number, def.title) ?? '基本指標';
    const sheet = sheets.get(sheetName) ?? { rows: [], hidden: [] };
    sheets.set(sheetName, sheet);
    const heading = layout.heading === undefined ? (n: number, t: string) => `基本施策${n} ${t}` : layout.heading;
    if (heading) sheet.rows.push([heading(policy.number, def.title)], []);
    const cols = columnsOf(table, layout);
    sheet.rows.push(...headerRows(cols, layout));
    table.indicators.forEach((ind, i) => {
      sheet.rows.push(...indicatorRows(ind, i, cols, layout));
      if (layout.hiddenEmptyRow && i === 0) {
        sheet.hidden.push(sheet.rows.length);
        sheet.rows.push(['廃止した指標（非表示）', '説明']);
      }
    });
    sheet.rows.push([], []);
  }
  return {
    source: 'layout.xlsx',
    sheets: [...sheets].map(([name, s]) => ({
      name,
      rows: s.rows.map((r) => r.map((c) => (c === null || c === '' ? null : typeof c === 'string' ? { value: c } : c))),
      ...(s.hidden.length > 0 ? { hiddenRows: s.hidden } : {}),
    })),
  };
}

/** Every indicator's arrow, 施策 by 施策, in table order. */
export function arrowsOf(a: Analysis): string[][] {
  return (a.progress?.policies ?? []).map((p) => p.indicators.map((i) => i.progress ?? '－'));
}
