import { a1 } from '../grid';
import type { Finding } from '../findings';
import { finding } from '../rules';
import type { Direction, Indicator, IndicatorTable, Series, ValueCell, YearColumn } from '../model';
import { DEFAULT_PLAN } from '../definition/default';
import { compact } from '../text';
import { parseCell } from '../value';
import { findFiscalYear, parseFiscalYear } from '../years';
import { indicatorRole, type IndicatorRole } from './labels';
import { evaluateSimple } from './formula';
import type { SkippedRow } from '../coverage';
import type { SheetView } from './sheet';
import { ROWS_PER_STEP, type Steps } from '../steps';

export interface TableRead {
  table: IndicatorTable;
  findings: Finding[];
  /** Rows that look like indicators but were not read into the table. */
  skipped: SkippedRow[];
  /** Columns that hold figures under a header that could not be placed (named by header cell). */
  skippedColumns: SkippedRow[];
  /** The row after the table. */
  next: number;
}

interface Columns {
  name: number;
  years: YearColumn[];
  single: Partial<Record<IndicatorRole, number>>;
  headerRows: number;
  /** Columns whose header reads like a year or a figure but could not be placed. */
  unplaced: { col: number; label: string; yearMissing: boolean }[];
}

/** Headers of columns we would have read had we understood them: a year, 実績, 値. */
const DATA_LIKE = /年度|実績|値|^[RH]\d|^\d{4}/u;

/**
 * How many rows the header takes: the label row, then up to two rows of years under it
 * (`実績値` over `2022年度 2023年度`, or `令和4年度` over `(2022年度)`).
 */
function headerRowCount(view: SheetView, headerRow: number, nameCol: number): number {
  let n = 1;
  while (n < 3) {
    const row = headerRow + n;
    if (row >= view.height || view.text(row, nameCol) !== '') break;
    const filled = view.filled(row);
    const yearCols = filled.filter((c) => parseFiscalYear(view.text(row, c)) !== undefined);
    const years = yearCols.length;
    const words = filled.filter((c) => indicatorRole(view.text(row, c)) !== undefined).length;
    // One year is enough under `実績値` or `目標値`: the label says the row holds years.
    const labelled = yearCols.some((c) => ['actual', 'target'].includes(indicatorRole(view.text(headerRow, c)) ?? ''));
    if (years < (n === 1 && !labelled ? 2 : 1) || years + words < filled.length) break;
    n++;
  }
  return n;
}

/**
 * A row of group labels (策定時, 実績値, 目標値) directly above the row naming the indicator column,
 * when the years sit in that row: the labels say what each year column is.
 */
function groupRowAbove(view: SheetView, headerRow: number, nameCol: number): number | undefined {
  const row = headerRow - 1;
  if (row < 0 || view.text(row, nameCol) !== '') return undefined;
  const filled = view.filled(row);
  if (filled.length === 0 || filled.some((c) => c < nameCol)) return undefined;
  const roles = filled.map((c) => indicatorRole(view.text(row, c)));
  return roles.every((r) => r !== undefined && r !== 'name') ? row : undefined;
}

function columnYear(top: string, subs: string[]): number | undefined {
  const candidates = [[top, ...subs].join(''), subs.join(''), ...subs];
  for (const t of candidates) {
    const y = t ? parseFiscalYear(t) : undefined;
    if (y !== undefined) return y;
  }
  return top ? findFiscalYear(top) : undefined;
}

/** Year of each reference point (策定時 …) when the header does not state it: the plan definition's. */
export type ReferenceYears = Partial<Record<'baseline' | 'review' | 'midterm', number>>;

const DEFAULT_REFERENCE_YEARS: ReferenceYears = Object.fromEntries(DEFAULT_PLAN.referencePoints.map((p) => [p.role, p.year]));

function readColumns(view: SheetView, headerRow: number, nameCol: number, findings: Finding[], referenceYears: ReferenceYears): Columns {
  const headerRows = headerRowCount(view, headerRow, nameCol);
  const years: YearColumn[] = [];
  const single: Partial<Record<IndicatorRole, number>> = { name: nameCol };
  const unplaced: Columns['unplaced'] = [];
  let group: IndicatorRole | undefined;
  const above = groupRowAbove(view, headerRow, nameCol);
  let aboveGroup: IndicatorRole | undefined;
  for (let c = 0; c < view.width; c++) {
    if (c === nameCol) continue;
    const label = view.text(headerRow, c);
    if (above !== undefined && view.text(above, c)) aboveGroup = indicatorRole(view.text(above, c));
    const subs: string[] = [];
    for (let k = 1; k < headerRows; k++) if (view.text(headerRow + k, c)) subs.push(view.text(headerRow + k, c));
    const year = columnYear(label, subs);
    let role = subs.map((t) => indicatorRole(t)).find((r) => r !== undefined) ?? (label ? indicatorRole(label) : undefined);
    // 策定時 / 目標値 written over the name row, the years in the name row itself.
    if (
      (!role || role === 'actual') &&
      aboveGroup &&
      aboveGroup !== 'actual' &&
      aboveGroup !== 'name' &&
      (label === '' || year !== undefined)
    ) {
      role = aboveGroup;
    }
    if (!role && label && parseFiscalYear(label) !== undefined) role = 'actual';
    // An unlabelled year under a merged group label belongs to the group; otherwise it is a year of actuals.
    if (!role && !label && year !== undefined) role = group === 'target' || group === 'ignored' ? group : 'actual';
    if (label) group = role;
    if (role === 'ignored') continue;
    if (!role) {
      if (label) {
        if (DATA_LIKE.test(compact(label)) || findFiscalYear(label) !== undefined) unplaced.push({ col: c, label, yearMissing: false });
        else findings.push(finding('unplaced-header', view.name, a1(headerRow, c), { label, yearMissing: false }));
      }
      continue;
    }
    switch (role) {
      case 'baseline':
      case 'review':
      case 'midterm': {
        const placedYear = year ?? referenceYears[role];
        if (placedYear === undefined) {
          findings.push({
            severity: 'warning',
            rule: 'unplaced-header',
            sheet: view.name,
            cell: a1(headerRow, c),
            message: `列見出し「${label || role}」に年度がなく、計画定義にもこの基準の年度がないため、この列は読み取りませんでした。見出しの下の行に年度を入れてください。`,
          });
        } else years.push({ role, col: c, year: placedYear });
        break;
      }
      case 'actual':
        if (year === undefined) {
          unplaced.push({ col: c, label: label || '実績値', yearMissing: true });
        } else {
          years.push({ role, col: c, year });
        }
        break;
      default:
        if (single[role] === undefined) single[role] = c;
    }
  }
  return { name: nameCol, years, single, headerRows, unplaced };
}

function parseDirection(text: string): Direction | undefined {
  const t = compact(text).toLowerCase();
  if (!t) return undefined;
  if (/上昇|増加|増|高い|大きい|↑|up|higher/.test(t)) return 'up';
  if (/低下|減少|減|低い|小さい|↓|down|lower/.test(t)) return 'down';
  return undefined;
}

export type StopTest = (row: number) => boolean;

/** `（中3）`, `(小6)`: a series label on its own line under an indicator's name. */
const SUB_LABEL = /^\(([^()]{1,12})\)$/u;

/**
 * Reads a 基本指標 (or 全体指標) table whose header row is `headerRow` and whose
 * 指標項目 header sits in `nameCol`. Stops at the first row `isStop` accepts.
 * A name wrapped onto the next row, or written above its figures (a merged cell), is one
 * indicator; a row that looks like an indicator but cannot be read is listed, never dropped.
 * Yields every few dozen rows (see ../steps).
 */
export function* readIndicatorTableSteps(
  view: SheetView,
  headerRow: number,
  nameCol: number,
  policy: number,
  isStop: StopTest,
  isRepeatedHeader: (row: number) => boolean,
  referenceYears: ReferenceYears = DEFAULT_REFERENCE_YEARS,
): Steps<TableRead> {
  const findings: Finding[] = [];
  const skipped: SkippedRow[] = [];
  const skippedColumns: SkippedRow[] = [];
  const cols = readColumns(view, headerRow, nameCol, findings, referenceYears);
  const valueCols = [...cols.years.map((y) => y.col), cols.single.target, cols.single.originalTarget].filter(
    (c): c is number => c !== undefined,
  );
  const otherCols = [cols.single.description, cols.single.department, cols.single.reason].filter((c): c is number => c !== undefined);
  const hasValues = (row: number) => valueCols.some((c) => view.text(row, c) !== '');
  const hasOther = (row: number) => otherCols.some((c) => view.text(row, c) !== '');
  const nextFilled = (row: number) => {
    let n = row + 1;
    while (n < view.height && view.isBlank(n)) n++;
    return n;
  };
  /** A later row of this table with a name and figures: what a name-only row is followed by inside a table. */
  const indicatorFollows = (row: number) => {
    for (let n = row + 1; n < view.height && !isStop(n); n++) {
      if (view.text(n, nameCol) && hasValues(n) && !view.isHidden(n)) return true;
    }
    return false;
  };
  /**
   * The next filled row has figures but no name, and no label of their own (`71.2% (中3)` would be
   * the indicator's next series): they belong to the name on `row`.
   */
  const figuresFollow = (row: number, labelled = false) => {
    const below = nextFilled(row);
    if (below >= view.height || view.text(below, nameCol) || !hasValues(below) || isStop(below)) return false;
    return labelled || readSeries(view, below, cols).label === undefined;
  };
  const hasFigures = (ind: Indicator) =>
    ind.series.some((s) => [...s.values.values(), s.target].some((v) => v !== undefined && v.parsed.kind !== 'empty'));
  /**
   * A row can carry on the name above only when it says nothing of its own beyond a wrapped
   * description: a 担当 or a reason makes it a new indicator (one without figures yet), even when
   * the 担当 repeats the one above — a new indicator of the same office is the common case.
   */
  const continues = (row: number) => [cols.single.department, cols.single.reason].every((c) => c === undefined || view.text(row, c) === '');
  /** Joined names are said out loud: a new indicator glued to the one above would otherwise go unnoticed. */
  const joinName = (ind: Indicator, row: number, nameText: string) => {
    const before = ind.name;
    renameIndicator(ind, `${ind.name}${nameText}`, policy);
    findings.push(finding('names-joined', view.name, a1(row, nameCol), { above: before, below: nameText, joined: ind.name }));
  };
  const indicators: Indicator[] = [];
  // A name written above its figures: the series waits for the row below.
  const placeholders = new WeakSet<Series>();
  let current: Indicator | undefined;
  let pendingLabel: string | undefined;
  let lastRow = headerRow + cols.headerRows - 1;
  let r = headerRow + cols.headerRows;
  for (let sinceYield = 0; r < view.height; r++) {
    if (++sinceYield === ROWS_PER_STEP) {
      sinceYield = 0;
      yield;
    }
    if (view.isBlank(r)) continue;
    if (isRepeatedHeader(r)) {
      r += cols.headerRows - 1;
      continue;
    }
    if (isStop(r)) break;
    const nameText = view.text(r, nameCol);
    const values = hasValues(r);
    if (view.isHidden(r)) {
      if (!values) {
        if (nameText) findings.push(finding('hidden-row', view.name, a1(r, nameCol), { row: r + 1, name: nameText }));
        continue;
      }
      findings.push(finding('hidden-indicator', view.name, a1(r, nameCol), { row: r + 1, name: nameText }));
    }
    const subLabel = SUB_LABEL.exec(nameText.normalize('NFKC'))?.[1];
    if (nameText && subLabel !== undefined && current) {
      // `（中3）` under a name: the next series of the same indicator.
      if (values) {
        current.series.push({ ...readSeries(view, r, cols), label: subLabel });
        if (current.hidden === undefined && view.isHidden(r)) current.hidden = true;
      } else pendingLabel = subLabel;
      lastRow = r;
    } else if (nameText && !values && current && lastRow === r - 1 && hasFigures(current) && continues(r) && !figuresFollow(r)) {
      // Name and description both ran onto a second row: still the indicator above.
      joinName(current, r, nameText);
      if (cols.single.description !== undefined && view.text(r, cols.single.description)) {
        current.description = `${current.description}${view.longText(r, cols.single.description)}`;
      }
      lastRow = r;
    } else if (nameText && (values || hasOther(r))) {
      current = newIndicator(view, r, cols, policy, nameText);
      if (view.isHidden(r)) current.hidden = true;
      // A name merged over two rows: its figures may sit on the row below.
      if (!values) placeholders.add(current.series[0]);
      indicators.push(current);
      pendingLabel = undefined;
      lastRow = r;
    } else if (nameText) {
      const adjacent = current !== undefined && lastRow === r - 1;
      // Right under an indicator, figures with their own label are its next series; anywhere else, this name's.
      const figuresBelow = figuresFollow(r, !adjacent);
      if (current && adjacent && !figuresBelow) {
        // The name ran onto a second row.
        joinName(current, r, nameText);
        lastRow = r;
      } else if (figuresBelow) {
        current = newIndicator(view, r, cols, policy, nameText);
        placeholders.add(current.series[0]);
        indicators.push(current);
        pendingLabel = undefined;
        lastRow = r;
      } else if (indicatorFollows(r)) {
        findings.push(finding('unread-label', view.name, a1(r, nameCol), { name: nameText }));
      } else break;
    } else if (values && current) {
      const last = current.series[current.series.length - 1];
      const series = readSeries(view, r, cols);
      if (pendingLabel) series.label = pendingLabel;
      pendingLabel = undefined;
      if (placeholders.has(last)) current.series[current.series.length - 1] = { ...series, label: series.label ?? last.label };
      else current.series.push(series);
      lastRow = r;
    } else if (values) {
      skipped.push({ sheet: view.name, cell: a1(r, nameCol), reason: '値がありますが指標名がないため、どの指標の値か判断できません。' });
    }
  }
  for (const ind of indicators) ind.unit = ind.unit ?? commonUnit(ind);
  // A column that looks like figures but was not placed, with figures in it: the table was read in part.
  // One finding per column: an error when figures were left unread, else the header warning.
  for (const u of cols.unplaced) {
    if (indicators.some((i) => i.series.some((sr) => parseCell(view.cell(sr.row, u.col)).kind === 'number'))) {
      skippedColumns.push({
        sheet: view.name,
        cell: a1(headerRow, u.col),
        reason: `列見出し「${u.label}」がどの年度・項目か判断できないため、この列の値を読んでいません。`,
      });
    } else {
      findings.push(finding('unplaced-header', view.name, a1(headerRow, u.col), { label: u.label, yearMissing: u.yearMissing }));
    }
  }
  for (const s of skippedColumns) {
    findings.push(finding('column-not-read', s.sheet, s.cell, { reason: s.reason }));
  }
  for (const s of skipped) {
    findings.push(finding('row-not-read', s.sheet, s.cell, { reason: s.reason }));
  }
  let addedProgressCol: number | undefined;
  if (cols.single.progress === undefined && indicators.length > 0 && view.sheet.protected) {
    findings.push(finding('progress-column-protected', view.name, a1(headerRow, cols.single.target ?? nameCol), { sheet: view.name }));
  } else if (cols.single.progress === undefined && indicators.length > 0) {
    const added = progressColumnFor(view, headerRow, lastRow, cols);
    addedProgressCol = added;
    for (const ind of indicators) ind.progressRef = { sheet: view.name, row: ind.nameRef.row, col: added };
    findings.push(finding('progress-column-missing', view.name, a1(headerRow, added), { cell: a1(headerRow, added) }));
  }
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
  if (addedProgressCol !== undefined) table.addedProgressCol = addedProgressCol;
  return { table, findings, skipped, skippedColumns, next: r };
}

/** Where a missing 進捗状況 column goes: right after 目標値 when that column is free, else right of the table. */
function progressColumnFor(view: SheetView, headerRow: number, lastRow: number, cols: Columns): number {
  const free = (c: number) => {
    for (let r = headerRow; r <= lastRow; r++) if (view.text(r, c) !== '') return false;
    return true;
  };
  const afterTarget = cols.single.target !== undefined ? cols.single.target + 1 : undefined;
  if (afterTarget !== undefined && free(afterTarget)) return afterTarget;
  let c = view.width;
  while (c > 0 && free(c - 1)) c--;
  return c;
}

function renameIndicator(ind: Indicator, nameText: string, policy: number): void {
  ind.name = nameText.replace(/【\s*追加\s*】/g, '').trim();
  ind.key = `${policy}:${compact(ind.name)}`;
  ind.cumulative = /累計/.test(ind.name);
  ind.added = ind.added || /【\s*追加\s*】/.test(nameText);
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
  if (s.unit !== undefined) ind.unit = view.text(r, s.unit).normalize('NFKC') || undefined;
  if (s.direction !== undefined) ind.direction = parseDirection(view.text(r, s.direction));
  if (s.progress !== undefined) {
    ind.progressRef = { sheet: view.name, row: r, col: s.progress };
    const formula = view.cell(r, s.progress)?.formula;
    if (formula) ind.progressFormula = formula;
  }
  if (s.reason !== undefined) ind.reason = { ref: { sheet: view.name, row: r, col: s.reason }, text: view.longText(r, s.reason) };
  if (s.department !== undefined)
    ind.department = { ref: { sheet: view.name, row: r, col: s.department }, text: view.text(r, s.department) };
  return ind;
}

function valueCell(view: SheetView, row: number, col: number): ValueCell {
  const cell = view.cell(row, col);
  if (cell?.formula && cell.value === null && !cell.error) {
    const value = evaluateSimple(view, cell.formula);
    if (value !== undefined) return { ref: { sheet: view.name, row, col }, parsed: parseCell({ ...cell, value }) };
  }
  return { ref: { sheet: view.name, row, col }, parsed: parseCell(cell) };
}
function readSeries(view: SheetView, r: number, cols: Columns): Series {
  const values = new Map<number, ValueCell>();
  let label: string | undefined;
  const actualYears = new Set<number>();
  for (const y of cols.years) {
    const v = valueCell(view, r, y.col);
    // `中間年度(R3)` beside `令和3年度`: the year's actual wins over a reference column of the same year;
    // otherwise (a malformed header) the first column wins.
    if (y.role === 'actual' ? !actualYears.has(y.year) : !values.has(y.year)) values.set(y.year, v);
    if (y.role === 'actual') actualYears.add(y.year);
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
