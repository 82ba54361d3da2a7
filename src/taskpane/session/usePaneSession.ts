import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Analysis, WorkbookGrid } from '../../plan';
import { saveBytes, XLSX_TYPE } from '../bytes';
import { detailClosed, detailShown } from '../features/check/detailState';
import { revisionMarked } from '../features/revision/revisionState';
import type { Connection, Engine, EngineLoader, FileSaver } from '../services';
import { cellView } from '../state/cellView';
import { nextPaint } from '../nextPaint';
import { errorShown, started, type Area, type BusyDetail, type Operation } from '../state/operation';
import { initialPaneState, paneReducer, resultActions, type PaneAction, type PaneState, type TaskResult } from '../state/pane';
import { emptyReadCache, readCacheReducer, type ReadAction } from '../state/readCache';
import { analysed, checked, yearChosen } from '../state/analysis';
import { toPaneError } from '../state/paneError';
import { analyzeInSlices } from '../state/slices';
import { clerkVerdict, paneMode, type PaneMode } from '../state/mode';

export type { Area, BusyDetail, Operation } from '../state/operation';
export type { PaneState, Patch, TaskResult } from '../state/pane';
/** Reports progress of a running operation (shown in its busy text). */
export type ReportProgress = (detail: BusyDetail) => void;

export interface PaneSession {
  state: PaneState;
  /** Reads the workbook once to know its mode (and what was recognised), without a verdict yet. */
  identify: () => Promise<void>;
  check: () => Promise<void>;
  markRevisions: () => Promise<void>;
  /**
   * Goes to a finding's cell: selects it in Excel, or shows it in the detail panel under
   * the list item `origin` (`finding:…` in the check area, `flag:…` in the revision area).
   */
  select: (sheet: string, cell: string, origin: string) => Promise<void>;
  closeDetail: () => void;
  /** Saves the workbook (only for connections that can give their bytes). */
  download: (fileName: string, save: FileSaver) => Promise<void>;
  dismissError: (area: Area) => void;
  setYear: (year: number | undefined) => void;
  /**
   * Runs one operation: one at a time, its spinner (after a third of a second) and its error
   * in `area`. The task may report progress; the actions it returns (or a Patch) are applied
   * when it finishes, and none of them if it fails.
   */
  run: (area: Area, operation: Operation, task: (report: ReportProgress) => Promise<TaskResult>) => Promise<void>;
  /** Reads the workbook afresh and analyses it for the chosen year. */
  analyse: () => Promise<{ engine: Engine; analysis: Analysis; grid: WorkbookGrid; mode: PaneMode }>;
  /** For background work (the live check): runs `task` unless an operation is under way. */
  whenIdle: (task: () => Promise<TaskResult>) => Promise<boolean>;
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
 * What the pane shows is the reducer's (state/pane.ts); what must be known at once, between
 * awaits, is kept in refs: the one-at-a-time lock and the reads (state/readCache.ts).
 */
export function usePaneSession(connection: Connection, loadEngine: EngineLoader): PaneSession {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const busy = useRef(false);
  const mounted = useRef(true);
  const reads = useRef(emptyReadCache);
  const year = useRef<number | undefined>(undefined);
  /** Background work holding the lock (the live check): a click waits for it instead of being lost. */
  const background = useRef<Promise<unknown> | undefined>(undefined);
  const identifying = useRef<Promise<void> | undefined>(undefined);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Every action goes to both: the reads follow it at once, the screen once React renders. */
  const apply = useCallback((...actions: readonly PaneAction[]) => {
    for (const action of actions) {
      reads.current = readCacheReducer(reads.current, action);
      if (mounted.current) dispatch(action);
    }
  }, []);
  const remember = useCallback((action: ReadAction) => {
    reads.current = readCacheReducer(reads.current, action);
  }, []);

  const run = useCallback(
    async (area: Area, operation: Operation, task: (report: ReportProgress) => Promise<TaskResult>) => {
      if (background.current) await background.current.catch(() => undefined);
      // A click while the workbook is still being identified runs right after, instead of being lost.
      if (identifying.current && operation !== 'identify') await identifying.current;
      if (busy.current) return;
      busy.current = true;
      apply(started(area, operation));
      const report: ReportProgress = (detail) => apply({ type: 'operation/progressed', detail });
      try {
        // Let the (delayed) progress indicator reach the screen before synchronous work starts.
        await nextPaint();
        apply(...resultActions(await task(report)), { type: 'operation/finished' });
      } catch (error) {
        apply({ type: 'operation/failed', area, error: toPaneError(error) });
      } finally {
        busy.current = false;
      }
    },
    [apply],
  );

  const whenIdle = useCallback(
    async (task: () => Promise<TaskResult>) => {
      if (busy.current) return false;
      busy.current = true;
      const work = task();
      background.current = work;
      try {
        apply(...resultActions(await work));
      } finally {
        busy.current = false;
        background.current = undefined;
      }
      return true;
    },
    [apply],
  );

  const analyse = useCallback(async () => {
    remember({ type: 'read/begun' });
    const seq = reads.current.reads;
    const [grid, engine] = await Promise.all([connection.gateway.read(), loadEngine()]);
    remember({ type: 'read/done', grid, engine, seq });
    const chosen = year.current;
    const analysis = await analyzeInSlices(engine, grid, chosen === undefined ? {} : { year: chosen });
    const mode = paneMode(engine, grid, analysis);
    const verdict = clerkVerdict(engine, grid, mode);
    apply({ type: 'analysis/read', mode, verdict, analysedYear: analysis.year, yearChosen: chosen !== undefined });
    return { engine, analysis, grid, mode };
  }, [connection, loadEngine, apply, remember]);

  const written = useCallback(() => remember({ type: 'read/written' }), [remember]);
  const lastRead = useCallback(() => reads.current.last, []);
  const readsStarted = useCallback(() => reads.current.reads, []);

  const identify = useCallback(() => {
    const work = run('check', 'identify', async () => analysed((await analyse()).analysis)).finally(() => {
      if (identifying.current === work) identifying.current = undefined;
    });
    identifying.current = work;
    return work;
  }, [run, analyse]);

  const check = useCallback(() => run('check', 'check', async () => checked((await analyse()).analysis)), [run, analyse]);

  const markRevisions = useCallback(
    () =>
      run('revision', 'revision', async () => {
        const { engine, analysis } = await analyse();
        if (analysis.unrecognised) return unrecognised(analysis, 'revision');
        const edits = engine.revisionEdits(analysis);
        await connection.gateway.apply(edits);
        return [analysed(analysis), revisionMarked(analysis.flags, edits.cells.length)];
      }),
    [run, analyse, connection],
  );

  const select = useCallback(
    (sheet: string, cell: string, origin: string) =>
      run(origin.startsWith('flag') ? 'revision' : 'check', 'select', async () => {
        if (connection.selectCell) {
          await connection.selectCell(sheet, cell);
          return;
        }
        let grid = reads.current.shown;
        if (!grid) {
          grid = await connection.gateway.read();
          remember({ type: 'read/forDetail', grid });
        }
        return detailShown({ ...cellView(grid, sheet, cell), origin });
      }),
    [run, connection, remember],
  );

  const download = useCallback(
    (fileName: string, save: FileSaver) =>
      run('download', 'download', async () => {
        if (!connection.toBuffer) return;
        saveBytes(save, await connection.toBuffer(), fileName, XLSX_TYPE);
      }),
    [run, connection],
  );

  const setYear = useCallback(
    (y: number | undefined) => {
      year.current = y;
      apply(yearChosen(y));
    },
    [apply],
  );

  const closeDetail = useCallback(() => apply(detailClosed), [apply]);
  const dismissError = useCallback((area: Area) => apply({ type: 'error/dismissed', area }), [apply]);

  return {
    state,
    identify,
    check,
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

/** The analysis is still shown (it says what was not recognised), with the refusal in the area. */
function unrecognised(analysis: Analysis, area: Area): PaneAction[] {
  return [analysed(analysis), errorShown(area, { kind: 'key', key: 'error.unrecognised' })];
}
