import { useCallback, useState } from 'react';
import { localTimestamp, type SplitResult } from '../../../plan';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection, FileSaver, ToolsLoader } from '../../services';
import { saveBytes, toBase64, XLSX_TYPE, ZIP_TYPE } from '../../bytes';

export interface DepartmentEntry {
  name: string;
  fileName: string;
  indicatorRows: number;
  projects: number;
}

/** What the last action did, for the message under the buttons. */
export type DepartmentsOutcome =
  | { kind: 'file'; name: string; unsigned: boolean }
  | { kind: 'zip'; name: string; count: number; unsigned: boolean }
  | { kind: 'opened'; name: string; unsigned: boolean }
  | { kind: 'sheets'; made: string[]; kept: string[] };

export interface DepartmentsState {
  /** The departments of the master for the chosen year, once loaded. */
  list?: { year: number; departments: DepartmentEntry[]; warnings: string[] };
  /** The chosen department; '' for all of them. */
  choice: string;
  /** Build 課別シート again even where they exist (what was entered there is lost). */
  replace: boolean;
  outcome?: DepartmentsOutcome;
}

/**
 * 課別シート / 課別ブック. Every action reads the master afresh and splits it again (it is quick),
 * so what is made always matches the workbook as it is now, not as it was when listed.
 */
export function useDepartments(session: PaneSession, connection: Connection, loadTools: ToolsLoader, save: FileSaver) {
  const [state, setState] = useState<DepartmentsState>({ choice: '', replace: false });
  const { run, written } = session;
  const year = session.state.year;
  const label = connection.gateway.label;

  const split = useCallback(async () => {
    const [tools, grid] = await Promise.all([loadTools(), connection.gateway.read()]);
    const unsignedResult: SplitResult = tools.splitMaster(grid, { year, masterFile: label, splitAt: localTimestamp(new Date()) });
    const { result, signed } = await tools.signSplit(grid, unsignedResult);
    const list = {
      year: result.year,
      warnings: result.warnings,
      departments: result.departments.map((d) => ({
        name: d.department,
        fileName: d.fileName,
        indicatorRows: d.counts.indicatorRows,
        projects: d.counts.projects,
      })),
    };
    setState((s) => ({ ...s, list, choice: list.departments.some((d) => d.name === s.choice) ? s.choice : '' }));
    return { tools, grid, result, unsigned: !signed };
  }, [loadTools, connection, year, label]);

  const load = useCallback(
    () =>
      run('departments', 'departments', async () => {
        await split();
      }),
    [run, split],
  );

  const chosen = (result: SplitResult, choice: string) => result.departments.filter((d) => !choice || d.department === choice);

  const download = useCallback(
    (choice: string, zipName: string) =>
      run('departments', choice ? 'departmentFile' : 'departmentZip', async (report) => {
        const { tools, result, unsigned } = await split();
        const list = chosen(result, choice);
        const files: { name: string; bytes: Uint8Array }[] = [];
        for (const [i, d] of list.entries()) {
          report({ current: i + 1, total: list.length, name: d.fileName });
          files.push({ name: d.fileName, bytes: await tools.workbookBytes(d.fileName, { cells: d.cells, sheets: d.sheets }) });
        }
        if (files.length === 1 && choice) {
          saveBytes(save, files[0].bytes, files[0].name, XLSX_TYPE);
          setState((s) => ({ ...s, outcome: { kind: 'file', name: files[0].name, unsigned } }));
        } else {
          saveBytes(save, await tools.zip(files), zipName, ZIP_TYPE);
          setState((s) => ({ ...s, outcome: { kind: 'zip', name: zipName, count: files.length, unsigned } }));
        }
      }),
    [run, split, save],
  );

  const openNew = useCallback(
    (choice: string) =>
      run('departments', 'newWorkbook', async () => {
        if (!connection.createWorkbook || !choice) return;
        const { tools, result, unsigned } = await split();
        const d = chosen(result, choice).at(0);
        if (!d) return;
        await connection.createWorkbook(toBase64(await tools.workbookBytes(d.fileName, { cells: d.cells, sheets: d.sheets })));
        setState((s) => ({ ...s, outcome: { kind: 'opened', name: d.fileName, unsigned } }));
      }),
    [run, split, connection],
  );

  const makeSheets = useCallback(
    (choice: string, replace: boolean) =>
      run('departments', 'departmentSheets', async () => {
        const [tools, grid] = await Promise.all([loadTools(), connection.gateway.read()]);
        const made = tools.departmentSheets(grid, {
          year,
          departments: choice ? [choice] : undefined,
          replace,
          masterFile: label,
          splitAt: localTimestamp(new Date()),
        });
        if ((made.edits.sheets ?? []).length > 0) {
          await connection.gateway.apply(made.edits);
          written();
        }
        setState((s) => ({
          ...s,
          outcome: { kind: 'sheets', made: made.made.map((m) => m.sheet), kept: made.kept },
          list: s.list && { ...s.list, warnings: made.warnings },
        }));
      }),
    [run, loadTools, connection, year, label, written],
  );

  return {
    state,
    load,
    choose: (choice: string) => setState((s) => ({ ...s, choice })),
    setReplace: (replace: boolean) => setState((s) => ({ ...s, replace })),
    download,
    openNew,
    makeSheets,
  };
}
