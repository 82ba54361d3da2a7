import { a1 } from '../grid';
import type { Finding } from '../findings';
import type { Direction, Indicator, IndicatorTable, Series, ValueCell, YearColumn } from '../model';
import { DEFAULT_PLAN } from '../definition/default';
import { compact } from '../text';
import { parseCell } from '../value';
import { findFiscalYear, parseFiscalYear } from '../years';
import { indicatorRole, type IndicatorRole } from './labels';
import type { SheetView } from './sheet';

export interface TableRead {
  table: IndicatorTable;
  findings: Finding[];
  /** The row after the table. */
  next: number;
}

interface Columns {
  name: number;
  years: YearColumn[];
  single: Partial<Record<IndicatorRole, number>>;
  headerRows: number;
}

function findYearRow(view: SheetView, headerRow: number, nameCol: number): boolean {
  const row = headerRow + 1;
  if (row >= view.height || view.text(row, nameCol) !== '') return false;
  let years = 0;
  for (const c of view.filled(row)) if (parseFiscalYear(view.text(row, c)) !== undefined) years++;
  return years >= 2;
}

/** Year of each reference point (策定時 …) when the header does not state it: the plan definition's. */
export type ReferenceYears = Partial<Record<'baseline' | 'review' | 'midterm', number>>;

const DEFAULT_REFERENCE_YEARS: ReferenceYears = Object.fromEntries(DEFAULT_PLAN.referencePoints.map((p) => [p.role, p.year]));

function readColumns(view: SheetView, headerRow: number, nameCol: number, findings: Finding[], referenceYears: ReferenceYears): Columns {
  const hasYearRow = findYearRow(view, headerRow, nameCol);
  const years: YearColumn[] = [];
  const single: Partial<Record<IndicatorRole, number>> = { name: nameCol };
  let group: IndicatorRole | undefined;
  for (let c = 0; c < view.width; c++) {
    if (c === nameCol) continue;
    const label = view.text(headerRow, c);
    const yearText = hasYearRow ? view.text(headerRow + 1, c) : '';
    const year = parseFiscalYear(yearText) ?? (label ? findFiscalYear(label) : undefined);
    let role = label ? indicatorRole(label) : undefined;
    if (!role && label && parseFiscalYear(label) !== undefined) role = 'actual';
    if (!role && !label && year !== undefined && group === 'actual') role = 'actual';
    if (label) group = role;
    if (!role) {
      if (label) {
        findings.push({
          severity: 'warning',
          rule: 'unplaced-header',
          sheet: view.name,
          cell: a1(headerRow, c),
          message: `列見出し「${label}」がどの項目か判断できないため、この列は読み取りませんでした。`,
        });
      }
      continue;
    }
    switch (role) {
      case 'baseline':
      case 'review':
      case 'midterm':
        if ((year ?? referenceYears[role]) === undefined) {
          findings.push({
            severity: 'warning',
            rule: 'unplaced-header',
            sheet: view.name,
            cell: a1(headerRow, c),
            message: `列見出し「${label || role}」に年度がなく、計画定義にもこの基準の年度がないため、この列は読み取りませんでした。見出しの下の行に年度を入れてください。`,
          });
        } else years.push({ role, col: c, year: (year ?? referenceYears[role])! });
        break;
      case 'actual':
        if (year === undefined) {
          findings.push({
            severity: 'warning',
            rule: 'unplaced-header',
            sheet: view.name,
            cell: a1(headerRow, c),
            message: `列見出し「${label || '実績値'}」に年度がないため、どの年度の実績か判断できません。見出しの下の行に「2023年度」のように年度を入れてください。`,
          });
        } else {
          years.push({ role, col: c, year });
        }
        break;
      default:
        if (single[role] === undefined) single[role] = c;
    }
  }
  return { name: nameCol, years, single, headerRows: hasYearRow ? 2 : 1 };
}

function parseDirection(text: string): Direction | undefined {
  const t = compact(text).toLowerCase();
  if (!t) return undefined;
  if (/上昇|増加|増|高い|大きい|↑|up|higher/.test(t)) return 'up';
  if (/低下|減少|減|低い|小さい|↓|down|lower/.test(t)) return 'down';
  return undefined;
}

export type StopTest = (row: number) => boolean;

/**
 * Reads a 基本指標 (or 全体指標) table whose header row is `headerRow` and whose
 * 指標項目 header sits in `nameCol`. Stops at the first row `isStop` accepts.
 */
export function readIndicatorTable(
  view: SheetView,
  headerRow: number,
  nameCol: number,
  policy: number,
  isStop: StopTest,
  isRepeatedHeader: (row: number) => boolean,
  referenceYears: ReferenceYears = DEFAULT_REFERENCE_YEARS,
): TableRead {
  const findings: Finding[] = [];
  const cols = readColumns(view, headerRow, nameCol, findings, referenceYears);
  const valueCols = [...cols.years.map((y) => y.col), cols.single.target, cols.single.originalTarget].filter(
    (c): c is number => c !== undefined,
  );
  const otherCols = [cols.single.description, cols.single.department, cols.single.reason].filter(
    (c): c is number => c !== undefined,
  );
  const indicators: Indicator[] = [];
  let current: Indicator | undefined;
  let lastRow = headerRow + cols.headerRows - 1;
  let r = headerRow + cols.headerRows;
  for (; r < view.height; r++) {
    if (view.isBlank(r)) continue;
    if (isRepeatedHeader(r)) {
      r += cols.headerRows - 1;
      continue;
    }
    if (isStop(r)) break;
    const nameText = view.text(r, nameCol);
    const hasValues = valueCols.some((c) => view.text(r, c) !== '');
    const hasOther = otherCols.some((c) => view.text(r, c) !== '');
    if (nameText) {
      if (!hasValues && !hasOther) break;
      current = newIndicator(view, r, cols, policy, nameText);
      indicators.push(current);
      lastRow = r;
    } else if (hasValues && current) {
      current.series.push(readSeries(view, r, cols));
      lastRow = r;
    }
  }
  for (const ind of indicators) ind.unit = ind.unit ?? commonUnit(ind);
  const table: IndicatorTable = {
    sheet: view.name,
    headerRow,
    firstRow: headerRow + cols.headerRows,
    lastRow,
    years: cols.years,
    targetCol: cols.single.target,
    progressCol: cols.single.progress,
    indicators,
  };
  return { table, findings, next: r };
}

function newIndicator(view: SheetView, r: number, cols: Columns, policy: number, nameText: string): Indicator {
  const added = /【\s*追加\s*】/.test(nameText);
  const name = nameText.replace(/【\s*追加\s*】/g, '').trim();
  const s = cols.single;
  const ind: Indicator = {
    key: `${policy}:${compact(name)}`,
    policy,
    name,
    nameRef: { sheet: view.name, row: r, col: cols.name },
    added,
    description: s.description !== undefined ? view.longText(r, s.description) : '',
    cumulative: /累計/.test(name),
    series: [readSeries(view, r, cols)],
  };
  if (s.unit !== undefined) ind.unit = view.text(r, s.unit) || undefined;
  if (s.direction !== undefined) ind.direction = parseDirection(view.text(r, s.direction));
  if (s.progress !== undefined) ind.progressRef = { sheet: view.name, row: r, col: s.progress };
  if (s.reason !== undefined) ind.reason = { ref: { sheet: view.name, row: r, col: s.reason }, text: view.longText(r, s.reason) };
  if (s.department !== undefined)
    ind.department = { ref: { sheet: view.name, row: r, col: s.department }, text: view.text(r, s.department) };
  return ind;
}

function valueCell(view: SheetView, row: number, col: number): ValueCell {
  return { ref: { sheet: view.name, row, col }, parsed: parseCell(view.cell(row, col)) };
}

function readSeries(view: SheetView, r: number, cols: Columns): Series {
  const values = new Map<number, ValueCell>();
  let label: string | undefined;
  for (const y of cols.years) {
    const v = valueCell(view, r, y.col);
    // The same year can appear twice only in a malformed header; the first column wins.
    if (!values.has(y.year)) values.set(y.year, v);
    label = label ?? v.parsed.label;
  }
  const series: Series = { row: r, values };
  if (cols.single.target !== undefined) {
    series.target = valueCell(view, r, cols.single.target);
    label = label ?? series.target.parsed.label;
  }
  if (cols.single.originalTarget !== undefined) series.originalTarget = valueCell(view, r, cols.single.originalTarget);
  if (label) series.label = label;
  return series;
}

function commonUnit(ind: Indicator): string | undefined {
  const counts = new Map<string, number>();
  for (const s of ind.series) {
    for (const v of [...s.values.values(), s.target]) {
      const u = v?.parsed.unit;
      if (u) counts.set(u, (counts.get(u) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let n = 0;
  for (const [u, c] of counts) if (c > n) [best, n] = [u, c];
  return best;
}
