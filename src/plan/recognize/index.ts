import { a1, type CellRef, type WorkbookGrid } from '../grid';
import type { Finding } from '../findings';
import type { Plan, Policy } from '../model';
import { DEFAULT_PLAN } from '../definition/default';
import type { PlanDefinition } from '../definition/types';
import { compact } from '../text';
import { readIndicatorTable } from './indicators';
import { isIndicatorHeaderName, isKeyPoint, isKeyPointsLabel, isLegend, isSentence, policyHeading } from './labels';
import { isDepartmentManifest, isDepartmentSheet, setsAsideDepartmentSheets } from './department-sheet';
import { readMetadata, METADATA_SHEET } from './metadata';
import { overviewColumns, readOverview } from './overview';
import { projectColumns, readProjectTable } from './projects';
import { SheetView } from './sheet';

export interface Recognition {
  plan: Plan;
  findings: Finding[];
}

interface Pending {
  heading?: { number: number; title: string };
  keyPoints: string[];
  sentences: CellRef[];
}

function indicatorHeader(view: SheetView, row: number): { col: number; kind: 'policy' | 'survey' } | undefined {
  for (const c of view.filled(row)) {
    const kind = isIndicatorHeaderName(view.text(row, c));
    if (kind) return { col: c, kind };
  }
  return undefined;
}

/** Rows that end a table: the start of anything else the report has. */
// Every structural row names one of these; a data row rarely does, so most rows stop here.
const STRUCTURE_WORDS = /指標|事業名|担当課|基本施策|重点項目|◇|[↑→↓]」|[①②③④⑤⑥⑦⑧⑨⑩]/u;

function structural(view: SheetView, row: number): boolean {
  const lead = view.lead(row);
  if (!lead) return false;
  if (!STRUCTURE_WORDS.test(view.signature(row))) return false;
  const t = lead.text;
  return (
    policyHeading(t) !== undefined ||
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
  const findings: Finding[] = [];
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
    const sheetPolicy = policyHeading(sheet.name.replace(/\s+/g, ''))?.number;
    let pending: Pending = { keyPoints: [], sentences: [] };
    if (sheetPolicy) pending.heading = { number: sheetPolicy, title: '' };
    let inKeyPoints = false;
    let r = 0;
    while (r < view.height) {
      const lead = view.lead(r);
      if (!lead) {
        r++;
        continue;
      }
      const header = indicatorHeader(view, r);
      if (header) {
        const headerRow = r;
        const repeat = (row: number) => row !== headerRow && view.signature(row) === view.signature(headerRow);
        const stop = (row: number) => structural(view, row) && !repeat(row);
        if (header.kind === 'survey') {
          const read = readIndicatorTable(view, r, header.col, 0, stop, repeat, referenceYears);
          findings.push(...read.findings);
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
            findings.push({
              severity: 'warning',
              rule: 'policy-heading-missing',
              sheet: view.name,
              cell: a1(r, header.col),
              message: `基本指標の表の前に「基本施策○」の見出しがないため、${recovered.how}から基本施策${number}の表と判断しました。見出しを入れてください。`,
            });
          }
          const read = readIndicatorTable(view, r, header.col, number, stop, repeat, referenceYears);
          findings.push(...read.findings);
          const def = definition.policies.find((p) => p.number === number);
          const policy: Policy = {
            number,
            title: pending.heading?.title || def?.title || '',
            keyPoints: pending.keyPoints.length > 0 ? pending.keyPoints : def?.keyPoints ?? [],
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
        const read = readProjectTable(view, r, projectCols, (row) => indicatorHeader(view, row) !== undefined || overviewColumns(view, row) !== undefined);
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
      const heading = policyHeading(lead.text);
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
  }
  plan.policies.sort((a, b) => a.number - b.number);
  plan.reportYear = plan.reportYear ?? plan.projects?.year;
  return { plan, findings };
}


function duplicateTable(view: SheetView, row: number, what: string): Finding {
  return {
    severity: 'error',
    rule: 'duplicate-table',
    sheet: view.name,
    cell: a1(row, 0),
    message: `${what}の表が2つあります。2つ目の表は読み取りませんでした。どちらか一方にまとめてください。`,
  };
}

function reportYearIn(text: string): number | undefined {
  const m = /(\d{4})\s*年度\s*実施報告/.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}
