import { detailReducer, detailShown, detailClosed, type DetailAction, type DetailState } from '../features/check/detailState';
import { chartsDrawn, progressReducer, progressWritten, type ProgressAction, type ProgressState } from '../features/progress/progressState';
import { revisionMarked, revisionReducer, type RevisionAction, type RevisionState } from '../features/revision/revisionState';
import { initialOperation, operationReducer, type OperationAction, type OperationState } from './operation';
import { analysed, checked, initialAnalysis, analysisReducer, type AnalysisAction, type AnalysisState } from './analysis';

/**
 * The pane's state over one open workbook: the operation slice (what runs, each area's error),
 * the analysis slice (the analysis, whose workbook, the year) and one slice per feature's result.
 * Flat, so a component reads `state.progress` whichever slice holds it. A feature whose result
 * the pane keeps adds a slice: its state, actions and reducer in its own folder
 * (features/progress/progressState.ts), joined here in the three lists below.
 */
export type PaneState = OperationState & AnalysisState & ProgressState & RevisionState & DetailState;

export type PaneAction = OperationAction | AnalysisAction | ProgressAction | RevisionAction | DetailAction;

export const initialPaneState: PaneState = { ...initialOperation, ...initialAnalysis };

type SliceReducer = (state: PaneState, action: PaneAction) => PaneState;

/** Each slice sees every action and changes only its own part (the detail panel closes on a new check). */
const slices: readonly SliceReducer[] = [operationReducer, analysisReducer, progressReducer, revisionReducer, detailReducer];

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  return slices.reduce((next, reduce) => reduce(next, action), state);
}

/**
 * The older form of an operation's result: the changed parts of the state. Still accepted from a
 * task, and turned into the actions above, so features written against it keep working.
 */
export type Patch = Partial<Pick<PaneState, 'analysis' | 'checked' | 'progress' | 'revision' | 'charts' | 'detail'>>;

/** What an operation's task hands back: actions, a Patch, or nothing. */
export type TaskResult = PaneAction | readonly PaneAction[] | Patch | void;

export function resultActions(result: TaskResult): readonly PaneAction[] {
  if (!result) return [];
  if (isActionList(result)) return result;
  if ('type' in result) return [result];
  return patchActions(result);
}

// Array.isArray does not narrow a readonly array.
function isActionList(result: PaneAction | readonly PaneAction[] | Patch): result is readonly PaneAction[] {
  return Array.isArray(result);
}

function patchActions(patch: Patch): PaneAction[] {
  const actions: PaneAction[] = [];
  if (patch.analysis) actions.push(patch.checked ? checked(patch.analysis) : analysed(patch.analysis));
  if (patch.progress) actions.push(progressWritten(patch.progress.report, patch.progress.cells));
  if (patch.revision) actions.push(revisionMarked(patch.revision.flags, patch.revision.cells));
  if (patch.charts) actions.push(chartsDrawn(patch.charts.count, patch.charts.sheet));
  if (patch.detail) actions.push(detailShown(patch.detail));
  else if ('detail' in patch) actions.push(detailClosed);
  return actions;
}
