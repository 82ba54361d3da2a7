import { a1, type CellRef, type WorkbookGrid } from '../grid';
import type { Finding } from '../findings';
import { finding } from '../rules';
import type { Plan, Policy } from '../model';
import { DEFAULT_PLAN } from '../definition/default';
import type { PlanDefinition, PolicyDefinition } from '../definition/types';
import { compact } from '../text';
import { readIndicatorTableSteps } from './indicators';
import {
  indicatorRole,
  isIndicatorHeaderName,
  isKeyPoint,
  isKeyPointsLabel,
  isLegend,
  isSentence,
  numberedTitle,
  policyHeading,
} from './labels';
import { parseFiscalYear } from '../years';
import { isDepartmentManifest, isDepartmentSheet, setsAsideDepartmentSheets } from './department-sheet';
import { readMetadata, METADATA_SHEET } from './metadata';
import { overviewColumns, readOverview } from './overview';
import { projectColumns, readProjectTable } from './projects';
import { SheetView } from './sheet';
import type { SkippedRow } from '../coverage';
import { ROWS_PER_STEP, runSteps, type Steps } from '../steps';

export interface Recognition {
  plan: Plan;
  findings: Finding[];
  /** Rows inside indicator tables that look like indicators but were not read. */
  skipped: SkippedRow[];
  /** Columns of figures whose header could not be placed. */
  skippedColumns: SkippedRow[];
}

interface Pending {
  heading?: { number: number; title: string };
  keyPoints: string[];
  sentences: CellRef[];
}

function indicatorHeader(view: SheetView, row: number): { col: number; kind: 'policy' | 'survey' } | undefined {
  for (const c of view.filled(row)) {
    const name = isIndicatorHeaderName(view.text(row, c));
    if (name && (!name.loose || hasValueHeader(view, row, c))) return { col: c, kind: name.kind };
  }
  return undefined;
}

/** A row that also names a target or a year column: what makes 指標 a header rather than prose. */
function hasValueHeader(view: SheetView, row: number, nameCol: number): boolean {
  return view.filled(row).some((c) => {
    if (c === nameCol) return false;
    const t = view.text(row, c);
    const role = indicatorRole(t);
    return role === 'target' || role === 'baseline' || parseFiscalYear(t) !== undefined;
  });
}

/** The 施策 a sheet is about, from its name: `基本施策3`, `【基本施策３】`, `3．ICTを含めた…`, `施策3`. */
function sheetPolicy(name: string): number | undefined {
  const t = name.replace(/\s+/g, '');
  const n = policyHeading(t)?.number ?? numberedTitle(name)?.number ?? /^施策([1-7])$/.exec(t.normalize('NFKC'))?.[1];
  return n === undefined ? undefined : Number(n);
}

/** A heading row: `基本施策3 …`, `【基本施策３】…`, or `3．` followed by the 施策's own title. */
function headingOf(text: string, policies: readonly PolicyDefinition[]): { number: number; title: string } | undefined {
  const h = policyHeading(text);
  if (h) return h;
  const n = numberedTitle(text);
  const def = n && policies.find((p) => p.number === n.number);
  return def && compact(n.title).startsWith(compact(def.title).slice(0, 6)) ? n : undefined;
}

/** Rows that end a table: the start of anything else the report has. */
// Every structural row names one of these; a data row rarely does, so most rows stop here.
const STRUCTURE_WORDS = /指標|事業名|担当課|基本施策|重点項目|◇|[↑→↓]」|[①②③④⑤⑥⑦⑧⑨⑩]|^[1-7１-７]\s*[.．、]/u;

function structural(view: SheetView, row: number, policies: readonly PolicyDefinition[]): boolean {
  const lead = view.lead(row);
  if (!lead) return false;
  if (!STRUCTURE_WORDS.test(view.signature(row))) return false;
  const t = lead.text;
  return (
    headingOf(t, policies) !== undefined ||
    isSentence(t) ||
    isKeyPointsLabel(t) ||
    isKeyPoint(view.rawText(row, lead.col)) ||
    isLegend(t) ||
    indicatorHeader(view, row) !== undefined ||
    overviewColumns(view, row) !== undefined ||
    projectColumns(view, row) !== undefined
  );
}

function recoverPolicy(keyPoints: string[], lastPolicy: number, policies: PlanDefinition['policies']): { number: number; how: string } {
  const typed = keyPoints.map(compact);
  for (const def of policies) {
    const known = (def.keyPoints ?? []).map(compact);
    if (typed.length > 0 && typed.every((k) => known.some((d) => d.includes(k) || k.includes(d)))) {
      return { number: def.number, how: '重点項目' };
    }
  }
  return { number: Math.min(lastPolicy + 1, Math.max(...policies.map((d) => d.number))), how: '表の順番' };
}

/**
 * Finds the report's tables by their header labels, wherever they are: the canonical
 * master (one sheet per 施策), a workbook laid out by hand, or the whole report pasted
 * onto one sheet. Every value keeps its sheet and cell.
 */
export function recognize(grid: WorkbookGrid, definition: PlanDefinition = DEFAULT_PLAN): Recognition {
  return runSteps(recognizeSteps(grid, definition));
}

/** recognize, yielding after each sheet and table and every few dozen rows (see ../steps). */
export function* recognizeSteps(grid: WorkbookGrid, definition: PlanDefinition = DEFAULT_PLAN): Steps<Recognition> {
  const findings: Finding[] = [];
  const skipped: SkippedRow[] = [];
  const skippedColumns: SkippedRow[] = [];
  const plan: Plan = { source: grid.source, definition, policies: [] };
  const referenceYears = Object.fromEntries(definition.referencePoints.map((p) => [p.role, p.year]));
  const meta = readMetadata(grid);
  if (meta.fiscalYear) plan.reportYear = meta.fiscalYear;
  let lastPolicy = 0;
  const asideDepartmentSheets = setsAsideDepartmentSheets(grid);

  for (const sheet of grid.sheets) {
    if (sheet.name === METADATA_SHEET || isDepartmentManifest(sheet.name)) continue;
    // 課別シート repeat the master's rows: read on their own (department-sheet-findings.ts).
    if (asideDepartmentSheets && isDepartmentSheet(sheet.name)) continue;
    const view = new SheetView(sheet);
    const sheetNumber = sheetPolicy(sheet.name);
    let pending: Pending = { keyPoints: [], sentences: [] };
    if (sheetNumber) pending.heading = { number: sheetNumber, title: '' };
    let inKeyPoints = false;
    let r = 0;
    let sinceYield = 0;
    while (r < view.height) {
      if (++sinceYield >= ROWS_PER_STEP) {
        sinceYield = 0;
        yield;
      }
      const lead = view.lead(r);
      if (!lead) {
        r++;
        continue;
      }
      const header = indicatorHeader(view, r);
      if (header) {
        const headerRow = r;
        const repeat = (row: number) => row !== headerRow && view.signature(row) === view.signature(headerRow);
        const stop = (row: number) => structural(view, row, definition.policies) && !repeat(row);
        if (header.kind === 'survey') {
          const read = yield* readIndicatorTableSteps(view, r, header.col, 0, stop, repeat, referenceYears);
          findings.push(...read.findings);
          skipped.push(...read.skipped);
          skippedColumns.push(...read.skippedColumns);
          if (plan.survey) findings.push(duplicateTable(view, r, '全体指標'));
          else {
            const commentary = pending.sentences.slice(1).map((ref) => ({ ref, text: view.text(ref.row, ref.col) }));
            plan.survey = { ...read.table, sentenceRef: pending.sentences[0], commentary };
          }
          r = read.next;
        } else {
          let number = pending.heading?.number;
          if (number === undefined) {
            const recovered = recoverPolicy(pending.keyPoints, lastPolicy, definition.policies);
            number = recovered.number;
            findings.push(finding('policy-heading-missing', view.name, a1(r, header.col), { how: recovered.how, number }));
          }
          const read = yield* readIndicatorTableSteps(view, r, header.col, number, stop, repeat, referenceYears);
          findings.push(...read.findings);
          skipped.push(...read.skipped);
          skippedColumns.push(...read.skippedColumns);
          const def = definition.policies.find((p) => p.number === number);
          const policy: Policy = {
            number,
            title: pending.heading?.title || def?.title || '',
            keyPoints: pending.keyPoints.length > 0 ? pending.keyPoints : (def?.keyPoints ?? []),
            table: read.table,
            sentenceRefs: pending.sentences,
          };
          if (plan.policies.some((p) => p.number === number)) findings.push(duplicateTable(view, r, `基本施策${number}の基本指標`));
          else plan.policies.push(policy);
          lastPolicy = number;
          r = read.next;
        }
        pending = { keyPoints: [], sentences: [] };
        inKeyPoints = false;
        continue;
      }
      const projectCols = projectColumns(view, r);
      if (projectCols) {
        const read = readProjectTable(
          view,
          r,
          projectCols,
          (row) => indicatorHeader(view, row) !== undefined || overviewColumns(view, row) !== undefined,
        );
        if (plan.projects) {
          plan.projects.projects.push(...read.table.projects);
        } else plan.projects = read.table;
        r = read.next;
        continue;
      }
      const ovCols = overviewColumns(view, r);
      if (ovCols) {
        const read = readOverview(view, r, ovCols, pending.sentences[0]);
        plan.overview = read.table;
        pending = { keyPoints: [], sentences: [] };
        r = read.next;
        continue;
      }
      const heading = headingOf(lead.text, definition.policies);
      if (heading && !lead.text.startsWith('◆')) {
        pending = { heading, keyPoints: [], sentences: [] };
        inKeyPoints = false;
      } else if (isKeyPointsLabel(lead.text)) {
        inKeyPoints = true;
      } else if (inKeyPoints && isKeyPoint(view.rawText(r, lead.col))) {
        pending.keyPoints.push(view.rawText(r, lead.col).slice(1).trim());
      } else if (isSentence(lead.text)) {
        pending.sentences.push({ sheet: view.name, row: r, col: lead.col });
      } else {
        inKeyPoints = false;
        plan.reportYear = plan.reportYear ?? reportYearIn(lead.text);
      }
      r++;
    }
    yield;
  }
  plan.policies.sort((a, b) => a.number - b.number);
  plan.reportYear = plan.reportYear ?? plan.projects?.year;
  return { plan, findings, skipped, skippedColumns };
}

function duplicateTable(view: SheetView, row: number, what: string): Finding {
  return finding('duplicate-table', view.name, a1(row, 0), { what });
}

function reportYearIn(text: string): number | undefined {
  const m = /(\d{4})\s*年度\s*実施報告/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}
