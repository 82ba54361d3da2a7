import { useCallback, useEffect, useRef, useState } from 'react';
import type { Analysis, DepartmentVerdict, ProgressReport, RevisionFlag, WorkbookGrid } from '../../plan';
import { saveBytes, XLSX_TYPE } from '../bytes';
import type { Connection, Engine, EngineLoader, FileSaver } from '../services';
import { cellView, type CellView } from '../state/cellView';
import { nextPaint } from '../state/nextPaint';
import { toPaneError, type PaneError } from '../state/paneError';
import { clerkVerdict, paneMode, type PaneMode } from '../state/mode';
import { analyzeInSlices } from '../state/slices';

/** The part of the pane an operation belongs to: its spinner and its errors show there. */
export type Area = 'check' | 'progress' | 'revision' | 'download' | 'departments' | 'compile';
/** What is under way (a key of the `busy` resources). */
export type Operation =
  | 'identify'
  | 'check'
  | 'progress'
  | 'revision'
  | 'select'
  | 'download'
  | 'charts'
  | 'departments'
  | 'departmentFile'
  | 'departmentZip'
  | 'newWorkbook'
  | 'departmentSheets'
  | 'compileRead'
  | 'compile'
  | 'compileApply';

/** Values for the busy text (e.g. which file of how many). */
export type BusyDetail = Record<string, string | number>;

export interface WorkspaceState {
  busy?: { area: Area; operation: Operation; detail?: BusyDetail };
  error?: { area: Area; error: PaneError };
  /** The latest analysis, from whichever operation ran last. */
  analysis?: Analysis;
  /** Whose workbook this is, from the latest analysis: decides what the pane offers. */
  mode?: PaneMode;
  /** A clerk's department workbook: the verdict compile will give it (status, findings). */
  verdict?: DepartmentVerdict;
  /** True once 提出前チェック has run: its findings are shown. */
  checked: boolean;
  progress?: { report?: ProgressReport; cells: number; charts?: number };
  revision?: { flags: RevisionFlag[]; cells: number };
  /** The cell shown in the detail panel (only without a host that can select cells). */
  detail?: CellView;
  /** The fiscal year chosen for every operation; undefined: each one's default. */
  year?: number;
  /** The year the engine chose by itself in the last analysis without a chosen year. */
  autoYear?: number;
  /** 推移グラフ drawn in Excel: how many, on which sheet. */
  charts?: { count: number; sheet: string };
}

export type Patch = Partial<WorkspaceState>;
/** Reports progress of a running operation (shown in its busy text). */
export type ReportProgress = (detail: BusyDetail) => void;

export interface Workspace {
  state: WorkspaceState;
  /** Reads the workbook once to know its mode (and what was recognised), without a verdict yet. */
  identify: () => Promise<void>;
  check: () => Promise<void>;
  writeProgress: () => Promise<void>;
  markRevisions: () => Promise<void>;
  /**
   * Goes to a finding's cell: selects it in Excel, or shows it in the detail panel under
   * the list item `origin` (`finding:…` in the check area, `flag:…` in the revision area).
   */
  select: (sheet: string, cell: string, origin: string) => Promise<void>;
  closeDetail: () => void;
  /** Saves the workbook (only for connections that can give their bytes). */
  download: (fileName: string, save: FileSaver) => Promise<void>;
  dismissError: () => void;
  setYear: (year: number | undefined) => void;
  /**
   * Runs one operation: one at a time, its spinner (after a third of a second) and its error
   * in `area`. The task may report progress; what it returns is merged into the state.
   */
  run: (area: Area, operation: Operation, task: (report: ReportProgress) => Promise<Patch | void>) => Promise<void>;
  /** Reads the workbook afresh and analyses it for the chosen year. */
  analyse: () => Promise<{ engine: Engine; analysis: Analysis; grid: WorkbookGrid; mode: PaneMode }>;
  /** For background work (the live check): runs `task` unless an operation is under way. */
  whenIdle: (task: () => Promise<Patch | void>) => Promise<boolean>;
  /** Forget the grid kept for the detail panel: the workbook was written to. */
  written: () => void;
  /**
   * The last whole read and its engine, until the pane writes to the workbook; `seq` orders it
   * against `readsStarted()` so a caller can tell whether it began after some moment.
   */
  lastRead: () => { grid: WorkbookGrid; engine: Engine; seq: number } | undefined;
  /** How many whole reads have begun. */
  readsStarted: () => number;
}

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
  const year = useRef<number | undefined>(undefined);
  /** Background work holding the lock (the live check): a click waits for it instead of being lost. */
  const background = useRef<Promise<unknown> | undefined>(undefined);
  const identifying = useRef<Promise<void> | undefined>(undefined);
  const reads = useRef(0);
  const last = useRef<{ grid: WorkbookGrid; engine: Engine; seq: number } | undefined>(undefined);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const patch = useCallback((p: Patch) => {
    if (mounted.current) setState((s) => ({ ...s, ...p }));
  }, []);

  const run = useCallback(async (area: Area, operation: Operation, task: (report: ReportProgress) => Promise<Patch | void>) => {
    if (background.current) await background.current.catch(() => undefined);
    // A click while the workbook is still being identified runs right after, instead of being lost.
    if (identifying.current && operation !== 'identify') await identifying.current;
    if (busy.current) return;
    busy.current = true;
    setState((s) => ({ ...s, busy: { area, operation }, error: undefined }));
    const report: ReportProgress = (detail) => mounted.current && setState((s) => (s.busy ? { ...s, busy: { ...s.busy, detail } } : s));
    try {
      // Let the (delayed) progress indicator reach the screen before synchronous work starts.
      await nextPaint();
      const result = (await task(report)) ?? {};
      if (mounted.current) setState((s) => ({ ...s, ...result, busy: undefined }));
    } catch (error) {
      if (mounted.current) {
        setState((s) => ({ ...s, busy: undefined, error: { area, error: toPaneError(error) } }));
      }
    } finally {
      busy.current = false;
    }
  }, []);

  const whenIdle = useCallback(
    async (task: () => Promise<Patch | void>) => {
      if (busy.current) return false;
      busy.current = true;
      const work = task();
      background.current = work;
      try {
        const result = await work;
        if (result) patch(result);
      } finally {
        busy.current = false;
        background.current = undefined;
      }
      return true;
    },
    [patch],
  );

  const analyse = useCallback(async () => {
    const seq = ++reads.current;
    const [read, engine] = await Promise.all([connection.gateway.read(), loadEngine()]);
    grid.current = read;
    last.current = { grid: read, engine, seq };
    const chosen = year.current;
    const analysis = await analyzeInSlices(engine, read, chosen === undefined ? {} : { year: chosen });
    const mode = paneMode(engine, read, analysis);
    const verdict = clerkVerdict(engine, read, mode);
    patch(chosen === undefined && analysis.year !== undefined ? { mode, verdict, autoYear: analysis.year } : { mode, verdict });
    return { engine, analysis, grid: read, mode };
  }, [connection, loadEngine, patch]);

  const written = useCallback(() => {
    grid.current = undefined;
    last.current = undefined;
  }, []);
  const lastRead = useCallback(() => last.current, []);
  const readsStarted = useCallback(() => reads.current, []);

  const identify = useCallback(() => {
    const work = run('check', 'identify', async () => {
      const { analysis } = await analyse();
      return { analysis };
    }).finally(() => {
      if (identifying.current === work) identifying.current = undefined;
    });
    identifying.current = work;
    return work;
  }, [run, analyse]);

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
        written();
        return { analysis, progress: { report: analysis.progress, cells: edits.cells.length } };
      }),
    [run, analyse, connection, written],
  );

  const markRevisions = useCallback(
    () =>
      run('revision', 'revision', async () => {
        const { engine, analysis } = await analyse();
        if (analysis.unrecognised) return unrecognised(analysis, 'revision');
        const edits = engine.revisionEdits(analysis);
        await connection.gateway.apply(edits);
        written();
        return { analysis, revision: { flags: analysis.flags, cells: edits.cells.length } };
      }),
    [run, analyse, connection, written],
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
        saveBytes(save, await connection.toBuffer(), fileName, XLSX_TYPE);
        return {};
      }),
    [run, connection],
  );

  const setYear = useCallback((y: number | undefined) => {
    year.current = y;
    setState((s) => ({ ...s, year: y }));
  }, []);

  const closeDetail = useCallback(() => setState((s) => ({ ...s, detail: undefined })), []);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: undefined })), []);

  return {
    state,
    identify,
    check,
    writeProgress,
    markRevisions,
    select,
    closeDetail,
    download,
    dismissError,
    setYear,
    run,
    analyse,
    whenIdle,
    written,
    lastRead,
    readsStarted,
  };
}

function unrecognised(analysis: Analysis, area: Area): Patch {
  return { analysis, error: { area, error: { kind: 'key', key: 'error.unrecognised' } } };
}
