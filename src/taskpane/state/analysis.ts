import type { Analysis, DepartmentVerdict } from '../../plan';
import type { PaneMode } from './mode';
import type { PaneAction } from './pane';

/** What the pane knows of the open workbook and the person's choices about it. */
export interface AnalysisState {
  /** The latest analysis, from whichever operation ran last. */
  analysis?: Analysis;
  /** Whose workbook this is, from the latest read: decides what the pane offers. */
  mode?: PaneMode;
  /** A clerk's department workbook: the verdict compile will give it (status, findings). */
  verdict?: DepartmentVerdict;
  /** True once 提出前チェック has run: its findings are shown. */
  checked: boolean;
  /** The fiscal year chosen for every operation; undefined: each one's default. */
  year?: number;
  /** The year the engine chose by itself in the last analysis without a chosen year. */
  autoYear?: number;
}

export type AnalysisAction =
  /** The workbook was read afresh and analysed: whose it is, and the year the analysis used. */
  | { type: 'analysis/read'; mode: PaneMode; verdict?: DepartmentVerdict; analysedYear?: number; yearChosen: boolean }
  /** An operation's analysis becomes the one shown. */
  | { type: 'analysis/analysed'; analysis: Analysis }
  /** 提出前チェック ran: its analysis is shown with its findings. */
  | { type: 'analysis/checked'; analysis: Analysis }
  | { type: 'analysis/yearChosen'; year?: number };

export const initialAnalysis: AnalysisState = { checked: false };

export const analysed = (analysis: Analysis): AnalysisAction => ({ type: 'analysis/analysed', analysis });
export const checked = (analysis: Analysis): AnalysisAction => ({ type: 'analysis/checked', analysis });
export const yearChosen = (year: number | undefined): AnalysisAction => ({ type: 'analysis/yearChosen', year });

export function analysisReducer<S extends AnalysisState>(state: S, a: PaneAction): S {
  switch (a.type) {
    case 'analysis/read':
      return {
        ...state,
        mode: a.mode,
        verdict: a.verdict,
        // Only a year the engine picked by itself is offered as the default; a chosen one is the person's.
        autoYear: !a.yearChosen && a.analysedYear !== undefined ? a.analysedYear : state.autoYear,
      };
    case 'analysis/analysed':
      return { ...state, analysis: a.analysis };
    case 'analysis/checked':
      return { ...state, analysis: a.analysis, checked: true };
    case 'analysis/yearChosen':
      return { ...state, year: a.year };
    default:
      return state;
  }
}
