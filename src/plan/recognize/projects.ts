import type { Project, ProjectTable } from '../model';
import { compact } from '../text';
import { findFiscalYear } from '../years';
import { policyHeading, projectRole, type ProjectRole } from './labels';
import type { SheetView } from './sheet';

/** A row is the 実施計画 header when it names at least 事業名 and 担当課. */
export function projectColumns(view: SheetView, row: number): ProjectTable['columns'] | undefined {
  const columns: Partial<Record<ProjectRole, number>> = {};
  for (const c of view.filled(row)) {
    const role = projectRole(view.text(row, c));
    if (role && columns[role] === undefined) columns[role] = c;
  }
  return columns.name !== undefined && columns.department !== undefined ? columns : undefined;
}

/**
 * Reads the 実施計画 table: ◆基本施策 section rows, numbered project rows, and the
 * page-break debris of a pasted report (repeated headers, running titles) in between.
 */
export function readProjectTable(
  view: SheetView,
  headerRow: number,
  first: ProjectTable['columns'],
  isStop: (row: number) => boolean,
): { table: ProjectTable; next: number } {
  let columns = first;
  let year: number | undefined;
  for (const c of view.filled(headerRow)) year = year ?? findFiscalYear(view.text(headerRow, c));
  const projects: Project[] = [];
  let noCol = columns.no ?? 0;
  let policy = 0;
  let r = headerRow + 1;
  for (; r < view.height; r++) {
    if (view.isBlank(r)) continue;
    const lead = view.lead(r);
    if (!lead) continue;
    const heading = policyHeading(lead.text);
    if (heading && lead.text.trim().startsWith('◆')) {
      policy = heading.number;
      continue;
    }
    const header = projectColumns(view, r);
    if (header) {
      // A short list before the table (施策 | 事業名 | 担当課) names no No. column; the real header does.
      if (columns.no === undefined && header.no !== undefined && projects.length === 0) {
        columns = header;
        noCol = header.no;
        for (const c of view.filled(r)) year = year ?? findFiscalYear(view.text(r, c));
      }
      continue;
    }
    if (isStop(r)) break;
    const noText = compact(view.text(r, noCol));
    if (!/^\d+$/.test(noText)) continue;
    const cell = (role: ProjectRole) => {
      const c = columns[role];
      return c === undefined ? undefined : { ref: { sheet: view.name, row: r, col: c }, text: view.longText(r, c) };
    };
    const text = (role: ProjectRole) => cell(role)?.text ?? '';
    const no = Number(noText);
    projects.push({
      key: `${no}:${compact(text('name'))}`,
      no,
      policy,
      category: text('category'),
      name: text('name'),
      plan: text('plan'),
      status: cell('status'),
      achievement: cell('achievement'),
      department: cell('department'),
      sdgs: cell('sdgs'),
      row: r,
      sheet: view.name,
    });
  }
  return { table: { sheet: view.name, headerRow, year, columns, projects }, next: r };
}
