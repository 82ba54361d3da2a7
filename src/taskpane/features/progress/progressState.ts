import type { ProgressReport } from '../../../plan';
import type { PaneAction } from '../../state/pane';

/** What 進捗状況を記入 and 推移グラフ last wrote, for the messages and the cards under the buttons. */
export interface ProgressState {
  progress?: { report?: ProgressReport; cells: number };
  /** 推移グラフ drawn in Excel: how many, on which sheet. */
  charts?: { count: number; sheet: string };
}

export type ProgressAction =
  | { type: 'progress/written'; report?: ProgressReport; cells: number }
  | { type: 'progress/cleared' }
  | { type: 'charts/drawn'; count: number; sheet: string };

export const progressWritten = (report: ProgressReport | undefined, cells: number): ProgressAction => ({
  type: 'progress/written',
  report,
  cells,
});
/** A question is pending before 進捗状況を記入 writes: the last write's card no longer describes the workbook. */
export const progressCleared: ProgressAction = { type: 'progress/cleared' };
export const chartsDrawn = (count: number, sheet: string): ProgressAction => ({ type: 'charts/drawn', count, sheet });

export function progressReducer<S extends ProgressState>(state: S, a: PaneAction): S {
  switch (a.type) {
    case 'progress/written':
      return { ...state, progress: { report: a.report, cells: a.cells } };
    case 'progress/cleared':
      return { ...state, progress: undefined };
    case 'charts/drawn':
      return { ...state, charts: { count: a.count, sheet: a.sheet } };
    default:
      return state;
  }
}
