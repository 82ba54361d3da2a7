import { useCallback, useRef, useState } from 'react';
import { type CompileResult, gridText, localTimestamp, type SubmissionInput, type WorkbookGrid } from '../../../plan';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection, Tools, ToolsLoader } from '../../services';
import { fileBytes } from '../../bytes';

export type Prefer = 'master' | 'submission';

export type CompileView =
  | { stage: 'idle'; last?: 'cancelled' | 'discarded' | { applied: CompileResult } }
  /** `changed`: the master changed since the preview was made, so it was made again. */
  | { stage: 'preview'; result: CompileResult; changed?: boolean };

/** Where the submissions came from: chosen files stay as read; 課別シート are part of the master. */
type Source = 'files' | 'sheets';

interface Pending {
  master: WorkbookGrid;
  signature: string;
  source: Source;
  submissions: SubmissionInput[];
  tools: Tools;
  result: CompileResult;
}

/**
 * 取りまとめ in the pane: the chosen files are read and checked here (never inserted into the
 * workbook), compiled against the master as read through the gateway, and shown as a preview.
 * Only confirming writes, through the gateway, in one apply; cancelling or discarding writes
 * nothing at all.
 */
export function useCompile(session: PaneSession, connection: Connection, loadTools: ToolsLoader) {
  const [view, setView] = useState<CompileView>({ stage: 'idle' });
  const [prefer, setPreferState] = useState<Prefer>('master');
  const pending = useRef<Pending | undefined>(undefined);
  const cancel = useRef(false);
  // Read through a function: the button sets it while a read awaits, which narrowing cannot see.
  const cancelled = () => cancel.current;
  const { run, written } = session;
  const year = session.state.year;
  const label = connection.gateway.label;

  const compileNow = useCallback(
    (tools: Tools, master: WorkbookGrid, submissions: SubmissionInput[], how: Prefer) =>
      tools.compile(master, submissions, { year, prefer: how, now: localTimestamp(new Date()), masterFile: label }),
    [year, label],
  );

  const preview = useCallback(
    (tools: Tools, master: WorkbookGrid, source: Source, submissions: SubmissionInput[]) => {
      if (cancelled()) {
        setView({ stage: 'idle', last: 'cancelled' });
        return;
      }
      const result = compileNow(tools, master, submissions, prefer);
      pending.current = { master, signature: gridText(master), source, submissions, tools, result };
      setView({ stage: 'preview', result });
    },
    [compileNow, prefer],
  );

  const chooseFiles = useCallback(
    (files: readonly File[]) =>
      run('compile', 'compileRead', async (report) => {
        cancel.current = false;
        pending.current = undefined;
        const [tools, master] = await Promise.all([loadTools(), connection.gateway.read()]);
        const submissions: SubmissionInput[] = [];
        for (const [i, file] of files.entries()) {
          // Cancelling takes effect between files: a file being read is finished first.
          if (cancelled()) {
            setView({ stage: 'idle', last: 'cancelled' });
            return;
          }
          report({ current: i + 1, total: files.length, name: file.name });
          submissions.push(await tools.readSubmission(file.name, file.size, () => fileBytes(file)));
        }
        // As the CLI: a master with a secret tells its own signed files from forged or foreign ones.
        preview(tools, master, 'files', await tools.authenticate(master, submissions));
      }),
    [run, loadTools, connection, preview],
  );

  const fromSheets = useCallback(
    () =>
      run('compile', 'compileRead', async () => {
        cancel.current = false;
        pending.current = undefined;
        const [tools, master] = await Promise.all([loadTools(), connection.gateway.read()]);
        preview(tools, master, 'sheets', await tools.departmentSheetSubmissions(master));
      }),
    [run, loadTools, connection, preview],
  );

  const setPrefer = useCallback(
    (how: Prefer) => {
      setPreferState(how);
      const p = pending.current;
      if (!p) return;
      void run('compile', 'compile', () => {
        p.result = compileNow(p.tools, p.master, p.submissions, how);
        setView({ stage: 'preview', result: p.result });
        return Promise.resolve();
      });
    },
    [run, compileNow],
  );

  const confirm = useCallback(
    () =>
      run('compile', 'compileApply', async () => {
        const p = pending.current;
        if (!p) return;
        const master = await connection.gateway.read();
        if (gridText(master) !== p.signature) {
          // Someone edited the master after the preview: compile again and show it, write nothing.
          // 課別シート are in the master too, so their submissions are cut again from this read:
          // the old ones would write what a 課 has since corrected.
          if (p.source === 'sheets') {
            try {
              p.submissions = await p.tools.departmentSheetSubmissions(master);
            } catch (error) {
              // The sheets were removed or emptied meanwhile: the preview no longer describes anything.
              pending.current = undefined;
              setView({ stage: 'idle' });
              throw error;
            }
          }
          p.master = master;
          p.signature = gridText(master);
          p.result = compileNow(p.tools, master, p.submissions, prefer);
          setView({ stage: 'preview', result: p.result, changed: true });
          return;
        }
        await connection.gateway.apply(p.result.edits);
        written();
        pending.current = undefined;
        setView({ stage: 'idle', last: { applied: p.result } });
      }),
    [run, connection, compileNow, prefer, written],
  );

  const discard = useCallback(() => {
    pending.current = undefined;
    setView({ stage: 'idle', last: 'discarded' });
  }, []);

  return {
    view,
    prefer,
    chooseFiles,
    fromSheets,
    setPrefer,
    confirm,
    discard,
    /** Stops reading files; nothing has been written, and nothing will be. */
    cancel: () => {
      cancel.current = true;
    },
  };
}
