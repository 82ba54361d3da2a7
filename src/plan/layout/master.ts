import type { Scalar } from '../grid';
import type { SheetSpec } from '../edits';
import { decideDirection } from '../direction';
import type { Indicator, IndicatorTable, Plan, Policy } from '../model';
import { DEFAULT_PLAN } from '../definition/default';
import { definitionEntries } from '../definition/stored';
import type { IndicatorDefinition, PlanDefinition, PolicyDefinition } from '../definition/types';
import { METADATA_SHEET, TEMPLATE_VERSION } from '../recognize/metadata';
import { CIRCLED_NUMBERS, LEGEND, PROJECT_WIDTHS, projectHeader } from './columns';
import { indicatorLayout, type IndicatorLayout } from './plan-columns';

/**
 * The canonical master: 概要, 基本施策1…7, 全体指標, 実施計画 and a hidden metadata sheet.
 * Rendered from a recognised plan (the sample) or from the plan's fixed structure alone.
 */
export interface MasterContent {
  year: number;
  /** The plan laid out; default: the shipped one. */
  definition?: PlanDefinition;
  plan?: Plan;
  /** Cell texts of the plan as read, keyed `sheet!row!col`, to copy what was published. */
  text?: (sheet: string, row: number, col: number) => string;
}

const BLANK_ROWS_PER_POLICY = 5;

function widths(ws: number[], hidden: number[] = []): SheetSpec['columns'] {
  return ws.map((width, i) => ({ width, hidden: hidden.includes(i) }));
}

function cellText(content: MasterContent, ref: { sheet: string; row: number; col: number } | undefined): string {
  return ref && content.text ? content.text(ref.sheet, ref.row, ref.col) : '';
}

function directionLabel(ind: Indicator, table: IndicatorTable): string {
  return decideDirection(ind, table.years).direction === 'down' ? '低下' : '上昇';
}

function planOf(content: MasterContent): PlanDefinition {
  return content.definition ?? DEFAULT_PLAN;
}

/** A new plan's master lists the definition's indicators, ready for the departments' figures. */
function definedRows(layout: IndicatorLayout, indicators: readonly IndicatorDefinition[], survey: boolean): Scalar[][] {
  return indicators.map((ind) => {
    const row = new Array<Scalar>(layout.header.length).fill('');
    row[layout.col.name] = ind.name;
    // A row holding only a name reads as the end of the table, so the row always says something more.
    row[layout.col.description] = ind.unit ? `単位: ${ind.unit}` : '（説明を記入してください）';
    if (!survey) row[layout.col.department] = (ind.owners ?? []).join('、');
    if (ind.direction) row[layout.col.direction] = ind.direction === 'down' ? '低下' : '上昇';
    return row;
  });
}

function indicatorRows(
  content: MasterContent,
  table: IndicatorTable | undefined,
  survey: boolean,
  defined: readonly IndicatorDefinition[] = [],
): Scalar[][] {
  const layout = indicatorLayout(planOf(content));
  const COL = layout.col;
  const width = layout.header.length;
  if (!table && defined.length) return definedRows(layout, defined, survey);
  if (!table) return Array.from({ length: BLANK_ROWS_PER_POLICY }, () => new Array<Scalar>(width).fill(''));
  const rows: Scalar[][] = [];
  for (const ind of table.indicators) {
    ind.series.forEach((s, i) => {
      const row = new Array<Scalar>(width).fill('');
      const value = (year: number | undefined) => (year === undefined ? '' : (s.values.get(year)?.parsed.raw ?? ''));
      for (const [role, col] of Object.entries(layout.reference)) row[col] = value(table.years.find((y) => y.role === role)?.year);
      layout.actualYears.forEach((y, i) => (row[COL.firstActual + i] = value(y)));
      row[COL.target] = s.target?.parsed.raw ?? '';
      if (i === 0) {
        row[COL.name] = `${ind.added ? '【追加】' : ''}${ind.name}`;
        row[COL.description] = ind.description;
        row[COL.progress] = cellText(content, ind.progressRef);
        if (!survey) {
          row[COL.reason] = ind.reason?.text ?? '';
          row[COL.department] = ind.department?.text ?? '';
        }
        row[COL.direction] = directionLabel(ind, table);
      }
      rows.push(row);
    });
  }
  return rows;
}

function indicatorSheetShape(
  layout: IndicatorLayout,
  headerRow: number,
  hidden: number[],
): Pick<SheetSpec, 'columns' | 'headerRows' | 'merges'> {
  return {
    columns: widths(layout.widths, hidden),
    headerRows: [headerRow, headerRow + 1],
    merges: layout.actualYears.length > 1 ? [layout.actualSpan(headerRow + 1)] : [],
  };
}

function policySheet(content: MasterContent, def: PolicyDefinition, policy: Policy | undefined): SheetSpec {
  const { number } = def;
  const layout = indicatorLayout(planOf(content));
  const rows: Scalar[][] = [[`基本施策${number} ${policy?.title || def.title}`], [], ['重点項目']];
  const keyPoints = policy?.keyPoints.length ? policy.keyPoints : (def.keyPoints ?? []);
  keyPoints.forEach((k, i) => rows.push([`${CIRCLED_NUMBERS[i]}${k}`]));
  rows.push([], [LEGEND], []);
  const sentences = (policy?.sentenceRefs ?? []).map((r) => cellText(content, r).replace(/^[-・]\s*/, '')).filter(Boolean);
  for (const s of sentences.length ? sentences : ['◇']) rows.push([s]);
  rows.push([]);
  const headerRow = rows.length;
  rows.push([...layout.header], [...layout.yearRow]);
  rows.push(...indicatorRows(content, policy?.table, false, def.indicators));
  return {
    name: `基本施策${number}`,
    rows,
    ...indicatorSheetShape(layout, headerRow, [layout.col.direction]),
    headingRows: [0],
    wrap: true,
    freezeRows: headerRow + 2,
  };
}

function overviewSheet(content: MasterContent): SheetSpec {
  const { plan, year } = content;
  const rows: Scalar[][] = [[`${planOf(content).name} ${year}年度実施報告`], []];
  rows.push([cellText(content, plan?.overview?.sentenceRef) || '◇'], [LEGEND], []);
  const headerRow = rows.length;
  rows.push(['基本施策', '重点項目', '目標値との比較']);
  for (const def of planOf(content).policies) {
    const row = plan?.overview?.rows.find((r) => r.policy === def.number);
    const keyPoints = row?.keyPoints || (def.keyPoints ?? []).map((k, i) => `${CIRCLED_NUMBERS[i]}${k}`).join(' ');
    rows.push([`基本施策${def.number} ${row?.title || def.title}`, keyPoints, cellText(content, row?.arrowRef)]);
  }
  return { name: '概要', rows, columns: widths([40, 90, 14]), headingRows: [0], headerRows: [headerRow], wrap: true };
}

function surveySheet(content: MasterContent): SheetSpec {
  const survey = content.plan?.survey;
  const rows: Scalar[][] = [
    ['全体指標'],
    ['計画全体の進捗状況を把握するため、毎年実施する市民意識調査のうち協働に関する項目を全体指標としています。'],
    [],
    [cellText(content, survey?.sentenceRef) || '◇'],
    ...(survey?.commentary ?? []).map((c) => [c.text.replace(/^[-・]\s*/, '')]),
    [],
  ];
  const headerRow = rows.length;
  const layout = indicatorLayout(planOf(content));
  rows.push([...layout.surveyHeader], [...layout.yearRow]);
  rows.push(...indicatorRows(content, survey, true, planOf(content).surveyIndicators));
  return {
    name: '全体指標',
    rows,
    ...indicatorSheetShape(layout, headerRow, [layout.col.reason, layout.col.department, layout.col.direction]),
    headingRows: [0],
    wrap: true,
  };
}

function projectSheet(content: MasterContent): SheetSpec {
  const { year } = content;
  const table = content.plan?.projects;
  const columns = planOf(content).projects?.columns;
  const header = columns?.length ? columns.map((c) => c.split('{year}').join(String(year))) : projectHeader(year);
  const rows: Scalar[][] = [[`${planOf(content).name}_${year}実施計画`], header];
  const sections: number[] = [];
  for (const def of planOf(content).policies) {
    sections.push(rows.length);
    rows.push([`◆基本施策${def.number} ${def.title}`]);
    for (const p of table?.projects.filter((x) => x.policy === def.number) ?? []) {
      rows.push([
        p.no,
        p.category,
        p.name,
        p.plan,
        p.status?.text ?? '',
        p.achievement?.text ?? '',
        p.department?.text ?? '',
        p.sdgs?.text ?? '',
        '',
      ]);
    }
  }
  return {
    name: '実施計画',
    rows,
    columns: widths(PROJECT_WIDTHS),
    headingRows: [0, ...sections],
    headerRows: [1],
    wrap: true,
    freezeRows: 2,
  };
}

export function metadataSheet(entries: [string, string][]): SheetSpec {
  return { name: METADATA_SHEET, rows: entries, state: 'veryHidden' };
}

export function renderMaster(content: MasterContent): SheetSpec[] {
  const sheets = [overviewSheet(content)];
  for (const def of planOf(content).policies) {
    sheets.push(
      policySheet(
        content,
        def,
        content.plan?.policies.find((p) => p.number === def.number),
      ),
    );
  }
  sheets.push(surveySheet(content), projectSheet(content));
  sheets.push(
    metadataSheet([
      ...definitionEntries(planOf(content)),
      ['templateVersion', TEMPLATE_VERSION],
      ['fiscalYear', String(content.year)],
      ['kind', 'master'],
    ]),
  );
  return sheets;
}
