import type { WorkbookGrid } from '../../plan';
import type { Engine } from '../services';
import type { PaneAction } from './pane';

/**
 * The whole reads the pane keeps between operations. Outside React state: the live check asks
 * for them from an event handler, and a grid is too large to render from.
 */
export interface ReadCache {
  /** How many whole reads have begun: orders a read against a moment (the live check's start). */
  reads: number;
  /** The last whole read with its engine and its number, while it still matches the workbook. */
  last?: { grid: WorkbookGrid; engine: Engine; seq: number };
  /** The grid the detail panel shows cells from. */
  shown?: WorkbookGrid;
}

export type ReadAction =
  | { type: 'read/begun' }
  | { type: 'read/done'; grid: WorkbookGrid; engine: Engine; seq: number }
  | { type: 'read/forDetail'; grid: WorkbookGrid }
  /** The pane wrote to the workbook: what was read no longer describes it. */
  | { type: 'read/written' };

export const emptyReadCache: ReadCache = { reads: 0 };

export function readCacheReducer(cache: ReadCache, action: ReadAction | PaneAction): ReadCache {
  switch (action.type) {
    case 'read/begun':
      return { ...cache, reads: cache.reads + 1 };
    case 'read/done':
      return { ...cache, last: { grid: action.grid, engine: action.engine, seq: action.seq }, shown: action.grid };
    case 'read/forDetail':
      return { ...cache, shown: action.grid };
    // Every write, and every failure: a failed operation may have written part of its edits.
    case 'read/written':
    case 'progress/written':
    case 'revision/marked':
    case 'charts/drawn':
    case 'operation/failed':
      return { reads: cache.reads };
    default:
      return cache;
  }
}
