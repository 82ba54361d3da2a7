import {
  cellKeyAt,
  finding,
  type Analysis,
  type DepartmentVerdict,
  type Finding,
  type Said,
  type WorkbookGrid,
  type WorkbookRole,
} from '../../plan';
import type { Engine } from '../services';

/** What the pane offers for the open workbook: the coordinator's tools, the clerk's check, or guidance. */
export type PaneMode = WorkbookRole;

/** The workbook decides the mode; an engine without the role check knows only master or not. */
export function paneMode(engine: Engine, grid: WorkbookGrid, analysis: Analysis): PaneMode {
  if (engine.workbookRole) return engine.workbookRole(grid, !analysis.unrecognised);
  return analysis.unrecognised ? { kind: 'unknown' } : { kind: 'coordinator' };
}

/**
 * The verdict compile will give a department workbook handed out by split, so the clerk is told
 * before sending exactly what the coordinator is told after. 課別シート have no verdict of their own.
 */
export function clerkVerdict(engine: Engine, grid: WorkbookGrid, mode: PaneMode): DepartmentVerdict | undefined {
  if (mode.kind !== 'clerk' || mode.from !== 'department-workbook' || !engine.departmentVerdict) return undefined;
  return engine.departmentVerdict(grid);
}

/** A finding as the pane lists it; `said` words it when it is the verdict's (who fixes it, and how). */
export type PaneFinding = Finding & { said?: Said };

/**
 * The findings 提出前チェック's verdict rests on — the one place the pane decides it.
 * A clerk is judged on their own input cells only (as compile judges their file), plus
 * anything that makes the file itself untrustworthy. No verdict at all for an unknown workbook.
 */
export function verdictFindings(mode: PaneMode, analysis: Analysis, verdict?: DepartmentVerdict): PaneFinding[] | undefined {
  switch (mode.kind) {
    case 'unknown':
      return undefined;
    case 'coordinator':
      return analysis.findings;
    case 'clerk':
      // The verdict's own words: a finding only the coordinator can fix already says so in its message.
      if (verdict) {
        return verdict.findings.map((f) => ({
          ...finding('department-manifest', f.sheet ?? '', f.cell ?? '', { message: f.message }),
          severity: f.severity,
          said: f.said,
        }));
      }
      return [
        ...mode.problems.map((message) => finding('department-manifest', '', '', { message })),
        ...analysis.findings.filter((f) => mode.inputs.has(cellKeyAt(f.sheet, f.cell))),
      ];
  }
}
