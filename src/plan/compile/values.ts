import type { InputCell } from '../department-workbook';
import { a1, cellAt, type GridCell, type Scalar, type WorkbookGrid } from '../grid';
import { MAX_CELL_TEXT } from './limits';
import { shown } from './show';

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
    const issue = (severity: ValueIssue['severity'], message: string) => issues.push({ severity, sheet: input.sheet, cell: at, message });
    if (raw?.error) {
      issue('error', `セル ${at} にエラー値 ${raw.error} が表示されています。値を入力し直してください。`);
      continue;
    }
    let cell = raw;
    if (raw?.formula !== undefined) {
      if (isDdeFormula(raw.formula)) {
        issue(
          'error',
          `セル ${at} の数式「=${raw.formula.slice(0, 60)}」は DDE で外部のプログラムを呼び出すものです。このファイルは受け付けません。数式を削除し、値だけを入力してください。`,
        );
        continue;
      }
      issue(
        'warning',
        `セル ${at} の数式「=${raw.formula.slice(0, 60)}」は取り込まず、表示されていた値 ${shown(raw.value)} を取り込みました。`,
      );
      cell = { ...raw };
      delete cell.formula;
    }
    const v: Scalar | undefined = cell?.value;
    if (typeof v === 'string') {
      if (v.length > MAX_CELL_TEXT) {
        issue(
          'error',
          `セル ${at} の文字数 (${v.length.toLocaleString('en-US')} 文字) が Excel の上限 32,767 文字を超えています。短くしてください。`,
        );
        continue;
      }
      const control = codePoint(v);
      if (control) {
        issue('error', `セル ${at} に制御文字 (${control}) が含まれています。見えない特殊な文字なので、削除して入力し直してください。`);
        continue;
      }
    }
    values.push({ input, cell });
  }
  return { values, issues };
}
