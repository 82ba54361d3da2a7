import { useCallback, useState } from 'react';
import { localTimestamp, type Rollover } from '../../../plan';
import { WorkbookError } from '../../../workbook/gateway';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection, Engine } from '../../services';
import { analyzeInSlices } from '../../state/slices';
import { PaneKeyError } from '../../state/paneError';
import { fileText } from './fileText';

/** What the last plan action did, for the message under the section. */
export type PlanOutcome =
  { kind: 'stored'; name: string } | { kind: 'rolled'; from: number; to: number; notices: string[] } | { kind: 'cancelled' };

export interface PlanActions {
  /** The rollover waiting for the coordinator's yes or no. */
  pending?: Rollover;
  last?: PlanOutcome;
  loadDefinition(file: File): Promise<void>;
  previewRollover(): Promise<void>;
  confirmRollover(): Promise<void>;
  cancelRollover(): void;
}

function need<K extends 'parsePlanDefinition' | 'definitionEdits' | 'gridWithDefinition' | 'rolloverToNextYear'>(
  engine: Engine,
  name: K,
): NonNullable<Engine[K]> {
  const f = engine[name];
  if (!f) throw new PaneKeyError('plan.unavailable');
  return f;
}

/**
 * 計画定義を読み込む and 次の年度へ切り替える: the engine decides, the gateway writes once.
 * A definition that does not pass the schema writes nothing; a rollover writes only after yes.
 */
export function usePlanActions(session: PaneSession, connection: Connection): PlanActions {
  const [pending, setPending] = useState<Rollover>();
  const [last, setLast] = useState<PlanOutcome>();
  const label = connection.gateway.label;

  const loadDefinition = useCallback(
    (file: File) =>
      session.run('plan', 'planDefinition', async () => {
        setLast(undefined);
        const text = await fileText(file);
        const { engine, grid } = await session.analyse();
        let definition;
        try {
          definition = need(engine, 'parsePlanDefinition')(text, file.name);
        } catch (err) {
          // The engine's message is Japanese and names the file and each field: shown as it is.
          if (err instanceof Error && err.name === 'PlanDefinitionError')
            throw new WorkbookError(err.message, 'plan-definition', file.name);
          throw err;
        }
        // A definition under which this workbook no longer reads as a plan would lock the coordinator
        // out of this very section: tried first, refused before anything is written.
        // In slices like every other analysis in the pane: a large master must not freeze it here.
        const trial = await analyzeInSlices(engine, need(engine, 'gridWithDefinition')(grid, definition), {});
        if (trial.unrecognised) throw new PaneKeyError('plan.doesNotFit', { file: file.name, name: definition.name });
        await connection.gateway.apply(need(engine, 'definitionEdits')(grid, definition));
        session.written();
        const { analysis } = await session.analyse();
        setLast({ kind: 'stored', name: definition.name });
        return { analysis };
      }),
    [session, connection],
  );

  const previewRollover = useCallback(
    () =>
      session.run('plan', 'rolloverPreview', async () => {
        setLast(undefined);
        const { engine, grid } = await session.analyse();
        setPending(need(engine, 'rolloverToNextYear')(grid, localTimestamp(new Date()), label));
      }),
    [session, label],
  );

  const confirmRollover = useCallback(async () => {
    const shown = pending;
    if (!shown) return;
    setPending(undefined);
    await session.run('plan', 'rollover', async () => {
      // Worked out again on what the workbook holds now: people may have typed since the preview.
      const { engine, grid } = await session.analyse();
      const now = need(engine, 'rolloverToNextYear')(grid, localTimestamp(new Date()), label);
      if (now.from !== shown.from || now.to !== shown.to) throw new PaneKeyError('plan.changed', { year: now.from });
      // More (or fewer) entries than the question named: ask again with the counts as they are now.
      if (now.cleared.reasons !== shown.cleared.reasons || now.cleared.projectCells !== shown.cleared.projectCells) {
        setPending(now);
        return;
      }
      await connection.gateway.apply(now.edits);
      session.written();
      const { analysis } = await session.analyse();
      setLast({ kind: 'rolled', from: now.from, to: now.to, notices: now.notices });
      return { analysis };
    });
  }, [pending, session, connection, label]);

  const cancelRollover = useCallback(() => {
    setPending(undefined);
    setLast({ kind: 'cancelled' });
  }, []);

  return { pending, last, loadDefinition, previewRollover, confirmRollover, cancelRollover };
}
