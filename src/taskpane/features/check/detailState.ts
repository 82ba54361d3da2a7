import type { CellView } from '../../state/cellView';
import type { PaneAction } from '../../state/pane';

/** The cell shown in the detail panel (only without a host that can select cells). */
export interface DetailState {
  detail?: CellView;
}

export type DetailAction = { type: 'detail/shown'; view: CellView } | { type: 'detail/closed' };

export const detailShown = (view: CellView): DetailAction => ({ type: 'detail/shown', view });
export const detailClosed: DetailAction = { type: 'detail/closed' };

export function detailReducer<S extends DetailState>(state: S, a: PaneAction): S {
  switch (a.type) {
    case 'detail/shown':
      return { ...state, detail: a.view };
    case 'detail/closed':
      return state.detail ? { ...state, detail: undefined } : state;
    // A new check lists new findings: a panel opened under an old one would point nowhere.
    case 'analysis/checked':
      return state.detail ? { ...state, detail: undefined } : state;
    default:
      return state;
  }
}
