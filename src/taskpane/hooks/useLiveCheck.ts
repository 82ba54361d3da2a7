import { useEffect, useRef, useState } from 'react';
import { type CellChange, type Finding, liveEdits, type WorkbookGrid } from '../../plan';
import type { Connection, Engine } from '../services';
import { toPaneError, type PaneError } from '../state/paneError';
import { analysed } from '../state/analysis';
import type { PaneSession } from '../session/usePaneSession';
import { analyzeInSlices } from '../state/slices';

/** Quiet time after the last edit before the check runs: typing a number is one check, not five. */
export const LIVE_DEBOUNCE_MS = 500;

export interface LiveCheck {
  /** False outside Excel (no edit events) and while switched off. */
  active: boolean;
  available: boolean;
  setEnabled(on: boolean): void;
  busy: boolean;
  /** After the first check: the findings on the edited (and still marked) cells. */
  findings?: Finding[];
  error?: PaneError;
  /**
   * True once edits are watched (or cannot be): a whole read begun after this moment can be the
   * live check's base, so the pane reads the workbook on opening only then.
   */
  settled: boolean;
}

/**
 * Live validation: when people edit cells (Excel reports it; the add-in's own writes are not
 * reported), the workbook is read once edits pause — the first time whole, then only the rows
 * the edits touched (the gateway's readEdited) — and analysed, the findings on the edited
 * cells are marked at once, and marks this session set are cleared when their cell is valid.
 * Waits while an operation runs, and runs after it.
 */
export function useLiveCheck(session: PaneSession, connection: Connection): LiveCheck {
  const [enabled, setEnabled] = useState(true);
  const [busy, setBusy] = useState(false);
  const [findings, setFindings] = useState<Finding[]>();
  const [error, setError] = useState<PaneError>();
  const [settled, setSettled] = useState(!connection.watchEdits);
  const marks = useRef(new Map<string, string>());
  // The latest session functions for the long-lived event handler.
  const current = useRef(session);
  current.current = session;
  const available = Boolean(connection.watchEdits);

  useEffect(() => {
    if (!connection.watchEdits || !enabled) return;
    let live = true;
    // Read through a function: `live` turns false in the cleanup while a check awaits.
    const stillLive = () => live;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending: CellChange[] = [];
    // The grid of the last check and its engine: later checks read only what the edits touched.
    let last: { grid: WorkbookGrid; engine: Engine } | undefined;
    /** Reads begun before the watch was set may miss an edit made meanwhile: never a base. */
    let watchedFrom: number | undefined;

    const analyseEdited = async (changes: CellChange[]) => {
      const ws = current.current;
      const gateway = connection.gateway;
      if (!last && watchedFrom !== undefined) {
        const opened = ws.lastRead();
        if (opened && opened.seq > watchedFrom) last = { grid: opened.grid, engine: opened.engine };
      }
      if (!last || !gateway.readEdited) return ws.analyse();
      const grid = await gateway.readEdited(last.grid, changes);
      const year = ws.state.year;
      const analysis = await analyzeInSlices(last.engine, grid, year === undefined ? {} : { year });
      return { grid, engine: last.engine, analysis };
    };

    const check = async (changes: CellChange[]) => {
      setBusy(true);
      try {
        const { analysis, engine, grid } = await analyseEdited(changes);
        last = { grid, engine };
        const plan = liveEdits(analysis.findings, changes, marks.current, engine.inputCells?.(grid));
        if (plan.edits.cells.length > 0) await connection.gateway.apply(plan.edits);
        marks.current = plan.marks;
        if (live) {
          setFindings(plan.findings);
          setError(undefined);
        }
        return analysed(analysis);
      } catch (e) {
        last = undefined;
        if (live) setError(toPaneError(e));
        return undefined;
      } finally {
        if (live) setBusy(false);
      }
    };
    const flush = async () => {
      timer = undefined;
      if (!live || pending.length === 0) return;
      const changes = pending.splice(0);
      const ran = await current.current.whenIdle(() => check(changes));
      if (!ran && stillLive()) {
        pending.unshift(...changes);
        schedule();
      }
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), LIVE_DEBOUNCE_MS);
    };
    connection
      .watchEdits((change) => {
        pending.push(change);
        schedule();
      })
      .then(
        (s) => {
          if (!live) return void s().catch(() => {});
          stop = s;
          watchedFrom = current.current.readsStarted();
          setSettled(true);
        },
        (e: unknown) => {
          if (!live) return;
          setError(toPaneError(e));
          setSettled(true);
        },
      );
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      void stop?.().catch(() => {});
    };
  }, [connection, enabled]);

  return { active: available && enabled, available, setEnabled, busy, findings, error, settled: settled || !enabled };
}
