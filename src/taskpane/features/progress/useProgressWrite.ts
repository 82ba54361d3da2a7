import { useCallback, useState } from 'react';
import { cellKey, type Analysis, type WorkbookEdits } from '../../../plan';
import type { PaneSession } from '../../session/usePaneSession';
import { analysed } from '../../state/analysis';
import { errorShown } from '../../state/operation';
import type { PaneAction } from '../../state/pane';
import { progressCleared, progressWritten } from './progressState';
import type { Connection, Engine } from '../../services';

/**
 * What would make writing progress wrong without asking, as the CLI refuses without --partial or
 * --overwrite-formulas: a partial read, and 進捗状況 cells holding the office's own formulas.
 */
export interface ProgressQuestion {
  /** The read was partial: its coverage sentence (what was and was not read). */
  partial?: Analysis['coverage'];
  /** 進捗状況 cells with a formula where an arrow belongs (`sheet!A1`), in sheet order. */
  formulas: string[];
}

export type ProgressAnswer = 'cancel' | 'write' | 'overwrite';

/** Whether any 進捗状況 cell holds the office's own formula (only then is there anything to ask about it). */
function hasProgressFormulas(analysis: Analysis): boolean {
  const tables = [
    ...analysis.plan.policies.flatMap((p) => (p.table ? [p.table] : [])),
    ...(analysis.plan.survey ? [analysis.plan.survey] : []),
  ];
  return tables.some((t) => t.indicators.some((i) => i.progressFormula !== undefined));
}

/** The edits as they stand (formulas kept), and what to ask before writing them. */
function plan(engine: Engine, analysis: Analysis): { edits: WorkbookEdits; question?: ProgressQuestion } {
  const edits = engine.progressEdits(analysis);
  let formulas: string[] = [];
  if (hasProgressFormulas(analysis)) {
    const kept = new Set(edits.cells.map(cellKey));
    formulas = engine
      .progressEdits(analysis, { overwriteFormulas: true })
      .cells.map(cellKey)
      .filter((k) => !kept.has(k));
  }
  const partial = analysis.coverage.complete ? undefined : analysis.coverage;
  return { edits, question: partial || formulas.length > 0 ? { partial, formulas } : undefined };
}

/** The same question, asked again only when the workbook now poses a different one. */
function sameQuestion(a: ProgressQuestion | undefined, b: ProgressQuestion | undefined): boolean {
  return (
    JSON.stringify(a?.partial?.problems ?? null) === JSON.stringify(b?.partial?.problems ?? null) &&
    (a?.formulas ?? []).join('\n') === (b?.formulas ?? []).join('\n')
  );
}

const UNRECOGNISED = (analysis: Analysis): PaneAction[] => [
  analysed(analysis),
  errorShown('progress', { kind: 'key', key: 'error.unrecognised' }),
];

/**
 * 進捗状況を記入 with a question first when the result would rest on a partial read or leave (or
 * replace) formulas. Nothing is written until the answer; every write reads the workbook afresh,
 * and a workbook that changed meanwhile into a different question is asked about again.
 */
export function useProgressWrite(session: PaneSession, connection: Connection) {
  const [question, setQuestion] = useState<ProgressQuestion | undefined>(undefined);
  /** The last question was answered 「やめる」: nothing was written. */
  const [cancelled, setCancelled] = useState(false);
  const { run, analyse } = session;

  const write = useCallback(
    async (analysis: Analysis, edits: WorkbookEdits): Promise<PaneAction[]> => {
      await connection.gateway.apply(edits);
      return [analysed(analysis), progressWritten(analysis.progress, edits.cells.length)];
    },
    [connection],
  );

  const start = useCallback(
    () =>
      run('progress', 'progress', async () => {
        setQuestion(undefined);
        setCancelled(false);
        const { engine, analysis } = await analyse();
        if (analysis.unrecognised) return UNRECOGNISED(analysis);
        const { edits, question: asked } = plan(engine, analysis);
        if (asked) {
          setQuestion(asked);
          return [analysed(analysis), progressCleared];
        }
        return write(analysis, edits);
      }),
    [run, analyse, write],
  );

  const answer = useCallback(
    (choice: ProgressAnswer) => {
      const asked = question;
      setQuestion(undefined);
      setCancelled(choice === 'cancel');
      if (choice === 'cancel' || !asked) return Promise.resolve();
      return run('progress', 'progress', async () => {
        const { engine, analysis } = await analyse();
        if (analysis.unrecognised) return UNRECOGNISED(analysis);
        const { edits, question: now } = plan(engine, analysis);
        if (now && !sameQuestion(asked, now)) {
          setQuestion(now);
          return analysed(analysis);
        }
        return write(analysis, choice === 'overwrite' ? engine.progressEdits(analysis, { overwriteFormulas: true }) : edits);
      });
    },
    [question, run, analyse, write],
  );

  return { question, cancelled, start, answer };
}
