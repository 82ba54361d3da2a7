import type { InputCell } from '../department-workbook';
import { a1, cellAt, type GridCell, type Scalar, type WorkbookGrid } from '../grid';
import { MAX_CELL_TEXT } from './limits';
import { said, type Said } from '../messages';
import { quote } from './show';

/**
 * Values from a submission are data, never code. A formula is not copied: its cached
 * value is (with a warning). A formula that calls another program through DDE rejects the
 * file. Text is kept as text, whatever it starts with (`=`, `+`, `-`, `@`, tab, CR): the
 * gateway stores strings as strings, so Excel never evaluates them.
 */
export interface Submitted {
  input: InputCell;
  /** The cell as read, without its formula. */
  cell: GridCell | undefined;
}

export interface ValueIssue {
  severity: 'error' | 'warning';
  sheet: string;
  cell: string;
  message: string;
  said: Said;
}

// C0 controls other than tab, LF and CR, and DEL: invisible, and some break XML or CSV exports.
const CONTROL = /(?![\t\n\r\u0080-\u009f])\p{Cc}/u;
// DDE: `=cmd|' /C calc'!A0`, `=DDE("cmd";…)`, `=DDEAUTO(…)`, `msexcel|…`.
const DDE = /\||\bDDE(?:AUTO)?\s*\(/i;

export function isDdeFormula(formula: string): boolean {
  return DDE.test(formula);
}

function codePoint(text: string): string {
  const m = CONTROL.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : '';
}

export function readSubmitted(grid: WorkbookGrid, inputs: readonly InputCell[]): { values: Submitted[]; issues: ValueIssue[] } {
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const values: Submitted[] = [];
  const issues: ValueIssue[] = [];
  for (const input of inputs) {
    const sheet = sheets.get(input.sheet);
    const raw = sheet ? cellAt(sheet, input.row, input.col) : undefined;
    const at = a1(input.row, input.col);
    const issue = (severity: ValueIssue['severity'], s: Said) =>
      issues.push({ severity, sheet: input.sheet, cell: at, message: s.text, said: s });
    if (raw?.error) {
      issue('error', said('cell-error-value', { cell: at, error: raw.error }));
      continue;
    }
    let cell = raw;
    if (raw?.formula !== undefined) {
      if (isDdeFormula(raw.formula)) {
        issue('error', said('dde-formula', { cell: at, formula: raw.formula.slice(0, 60) }));
        continue;
      }
      issue('warning', said('formula-not-taken', { cell: at, formula: raw.formula.slice(0, 60), value: quote(raw.value) }));
      cell = { ...raw };
      delete cell.formula;
    }
    const v: Scalar | undefined = cell?.value;
    if (typeof v === 'string') {
      if (v.length > MAX_CELL_TEXT) {
        issue('error', said('text-too-long', { cell: at, length: v.length.toLocaleString('en-US') }));
        continue;
      }
      const control = codePoint(v);
      if (control) {
        issue('error', said('control-character', { cell: at, code: control }));
        continue;
      }
    }
    values.push({ input, cell });
  }
  return { values, issues };
}
