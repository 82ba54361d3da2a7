import type { PaneAction } from './pane';
import type { PaneError } from './paneError';

/** The part of the pane an operation belongs to: its spinner and its errors show there. */
export type Area = 'check' | 'progress' | 'revision' | 'download' | 'departments' | 'compile' | 'plan';
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
  | 'compileApply'
  | 'planDefinition'
  | 'rolloverPreview'
  | 'rollover';

/** Values for the busy text (e.g. which file of how many). */
export type BusyDetail = Record<string, string | number>;

/** The operation under way (at most one: the pane runs them one at a time) and each area's error. */
export interface OperationState {
  busy?: { area: Area; operation: Operation; detail?: BusyDetail };
  /** An area's error stays until dismissed or until an operation starts there again. */
  errors: Partial<Record<Area, PaneError>>;
}

export type OperationAction =
  | { type: 'operation/started'; area: Area; operation: Operation }
  | { type: 'operation/progressed'; detail: BusyDetail }
  | { type: 'operation/finished' }
  | { type: 'operation/failed'; area: Area; error: PaneError }
  /** A finished operation that still has something to say (an unrecognised workbook). */
  | { type: 'error/shown'; area: Area; error: PaneError }
  | { type: 'error/dismissed'; area: Area };

export const initialOperation: OperationState = { errors: {} };

export const started = (area: Area, operation: Operation): OperationAction => ({ type: 'operation/started', area, operation });
export const errorShown = (area: Area, error: PaneError): OperationAction => ({ type: 'error/shown', area, error });

function withError(errors: OperationState['errors'], area: Area, error: PaneError | undefined): OperationState['errors'] {
  const { [area]: _old, ...others } = errors;
  return error ? { ...others, [area]: error } : others;
}

export function operationReducer<S extends OperationState>(state: S, a: PaneAction): S {
  switch (a.type) {
    case 'operation/started':
      return { ...state, busy: { area: a.area, operation: a.operation }, errors: withError(state.errors, a.area, undefined) };
    case 'operation/progressed':
      return state.busy ? { ...state, busy: { ...state.busy, detail: a.detail } } : state;
    case 'operation/finished':
      return { ...state, busy: undefined };
    case 'operation/failed':
      return { ...state, busy: undefined, errors: withError(state.errors, a.area, a.error) };
    case 'error/shown':
      return { ...state, errors: withError(state.errors, a.area, a.error) };
    case 'error/dismissed':
      return state.errors[a.area] ? { ...state, errors: withError(state.errors, a.area, undefined) } : state;
    default:
      return state;
  }
}
