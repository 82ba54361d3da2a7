import { useCallback, useEffect, useRef, useState } from 'react';
import type { Analysis } from '../../plan/engine';
import type { WorkbookGrid } from '../../plan/grid';
import type { ProgressReport, RevisionFlag } from '../../plan/report';
import type { Connection, Engine, EngineLoader, FileSaver } from '../services';
import { cellView, type CellView } from './cellView';
import { nextPaint } from './nextPaint';
import { toPaneError, type PaneError } from './paneError';

/** The part of the pane an operation belongs to: its spinner and its errors show there. */
export type Area = 'check' | 'progress' | 'revision' | 'download';
/** What is under way (a key of the `busy` resources). */
export type Operation = 'check' | 'progress' | 'revision' | 'select' | 'download';

export interface WorkspaceState {
  busy?: { area: Area; operation: Operation };
  error?: { area: Area; error: PaneError };
  /** The latest analysis, from whichever operation ran last. */
  analysis?: Analysis;
  /** True once 提出前チェック has run: its findings are shown. */
  checked: boolean;
  progress?: { report?: ProgressReport; cells: number };
  revision?: { flags: RevisionFlag[]; cells: number };
  /** The cell shown in the detail panel (only without a host that can select cells). */
  detail?: CellView;
}

export interface Workspace {
  state: WorkspaceState;
  check(): Promise<void>;
  writeProgress(): Promise<void>;
  markRevisions(): Promise<void>;
  /**
   * Goes to a finding's cell: selects it in Excel, or shows it in the detail panel under
   * the list item `origin` (`finding:…` in the check area, `flag:…` in the revision area).
   */
  select(sheet: string, cell: string, origin: string): Promise<void>;
  closeDetail(): void;
  /** Saves the workbook (only for connections that can give their bytes). */
  download(fileName: string, save: FileSaver): Promise<void>;
  dismissError(): void;
}

type Patch = Partial<WorkspaceState>;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every operation reads the workbook afresh (people edit between clicks), analyses it and,
 * for the writing operations, applies the engine's edits through the gateway in one go.
 */
export function useWorkspace(connection: Connection, loadEngine: EngineLoader): Workspace {
  const [state, setState] = useState<WorkspaceState>({ checked: false });
  const busy = useRef(false);
  const mounted = useRef(true);
  /** The grid last read, for the detail panel; cleared once the pane has written to the workbook. */
  const grid = useRef<WorkbookGrid | undefined>(undefined);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (area: Area, operation: Operation, task: () => Promise<Patch>) => {
    if (busy.current) return;
    busy.current = true;
    setState((s) => ({ ...s, busy: { area, operation }, error: undefined }));
    try {
      // Let the (delayed) progress indicator reach the screen before synchronous work starts.
      await nextPaint();
      const patch = await task();
      if (mounted.current) setState((s) => ({ ...s, ...patch, busy: undefined }));
    } catch (error) {
      if (mounted.current) {
        setState((s) => ({ ...s, busy: undefined, error: { area, error: toPaneError(error) } }));
      }
    } finally {
      busy.current = false;
    }
  }, []);

  const analyse = useCallback(async (): Promise<{ engine: Engine; analysis: Analysis }> => {
    const [read, engine] = await Promise.all([connection.gateway.read(), loadEngine()]);
    grid.current = read;
    return { engine, analysis: engine.analyze(read) };
  }, [connection, loadEngine]);

  const check = useCallback(
    () =>
      run('check', 'check', async () => {
        const { analysis } = await analyse();
        return { analysis, checked: true, detail: undefined };
      }),
    [run, analyse],
  );

  const writeProgress = useCallback(
    () =>
      run('progress', 'progress', async () => {
        const { engine, analysis } = await analyse();
        if (analysis.unrecognised) return unrecognised(analysis, 'progress');
        const edits = engine.progressEdits(analysis);
        await connection.gateway.apply(edits);
        grid.current = undefined;
        return { analysis, progress: { report: analysis.progress, cells: edits.cells.length } };
      }),
    [run, analyse, connection],
  );

  const markRevisions = useCallback(
    () =>
      run('revision', 'revision', async () => {
        const { engine, analysis } = await analyse();
        if (analysis.unrecognised) return unrecognised(analysis, 'revision');
        const edits = engine.revisionEdits(analysis);
        await connection.gateway.apply(edits);
        grid.current = undefined;
        return { analysis, revision: { flags: analysis.flags, cells: edits.cells.length } };
      }),
    [run, analyse, connection],
  );

  const select = useCallback(
    (sheet: string, cell: string, origin: string) =>
      run(origin.startsWith('flag') ? 'revision' : 'check', 'select', async () => {
        if (connection.selectCell) {
          await connection.selectCell(sheet, cell);
          return {};
        }
        if (!grid.current) grid.current = await connection.gateway.read();
        return { detail: { ...cellView(grid.current, sheet, cell), origin } };
      }),
    [run, connection],
  );

  const download = useCallback(
    (fileName: string, save: FileSaver) =>
      run('download', 'download', async () => {
        if (!connection.toBuffer) return {};
        const bytes = await connection.toBuffer();
        save(new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE }), fileName);
        return {};
      }),
    [run, connection],
  );

  const closeDetail = useCallback(() => setState((s) => ({ ...s, detail: undefined })), []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: undefined })), []);

  return { state, check, writeProgress, markRevisions, select, closeDetail, download, dismissError };
}

function unrecognised(analysis: Analysis, area: Area): Patch {
  return { analysis, error: { area, error: { kind: 'key', key: 'error.unrecognised' } } };
}
