import type { RevisionFlag } from '../../../plan';
import type { PaneAction } from '../../state/pane';

/** What 見直し指標に印 last marked: the flags listed under the button and how many cells changed. */
export interface RevisionState {
  revision?: { flags: RevisionFlag[]; cells: number };
}

export type RevisionAction = { type: 'revision/marked'; flags: RevisionFlag[]; cells: number };

export const revisionMarked = (flags: RevisionFlag[], cells: number): RevisionAction => ({ type: 'revision/marked', flags, cells });

export function revisionReducer<S extends RevisionState>(state: S, a: PaneAction): S {
  return a.type === 'revision/marked' ? { ...state, revision: { flags: a.flags, cells: a.cells } } : state;
}
