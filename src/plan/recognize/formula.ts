import { columnLetters, parseA1 } from '../grid';
import { parseCell } from '../value';
import type { SheetView } from './sheet';

/**
 * Works out a formula whose result was never saved, when it is only arithmetic and SUM over
 * cells of the same sheet (`=C5+D5`, `=SUM(C5:C7)/2`). Anything else — other sheets, other
 * functions, text — is left to the clerk: undefined, and the cell is reported.
 */
export function evaluateSimple(view: SheetView, formula: string, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const tokens = formula.replace(/\s+/g, '').match(/SUM\(|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\d+(?:\.\d+)?%?|[-+*/(),]/giy);
  if (!tokens || tokens.join('') !== formula.replace(/\s+/g, '')) return undefined;
  let i = 0;
  const cellValue = (address: string): number | undefined => {
    const pos = parseA1(address);
    const cell = pos && view.cell(pos.row, pos.col);
    if (!cell) return 0;
    if (cell.formula && cell.value === null) return evaluateSimple(view, cell.formula, depth + 1);
    const p = parseCell({ ...cell, numFmt: undefined });
    return p.kind === 'number' ? p.value : p.kind === 'empty' ? 0 : undefined;
  };
  const range = (ref: string): number[] | undefined => {
    const [from, to] = ref.split(':').map(parseA1);
    if (!from) return undefined;
    const end = to ?? from;
    const out: number[] = [];
    for (let r = Math.min(from.row, end.row); r <= Math.max(from.row, end.row); r++) {
      for (let c = Math.min(from.col, end.col); c <= Math.max(from.col, end.col); c++) {
        const v = cellValue(`${columnLetters(c)}${r + 1}`);
        if (v === undefined) return undefined;
        out.push(v);
      }
    }
    return out;
  };
  const primary = (): number | undefined => {
    if (i >= tokens.length) return undefined;
    const t = tokens[i++];
    if (t === '-') {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    if (t === '(') {
      const v = sum();
      return tokens[i++] === ')' ? v : undefined;
    }
    if (/^SUM\($/i.test(t)) {
      let total = 0;
      for (;;) {
        const arg = tokens[i++];
        const values = arg && /[A-Z]/i.test(arg) ? range(arg) : undefined;
        if (!values) return undefined;
        total += values.reduce((a, b) => a + b, 0);
        const sep = tokens[i++];
        if (sep === ')') return total;
        if (sep !== ',') return undefined;
      }
    }
    if (/^\d/.test(t)) return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
    if (t.includes(':')) return undefined;
    return /[A-Z]/i.test(t) ? cellValue(t) : undefined;
  };
  const product = (): number | undefined => {
    let v = primary();
    while (v !== undefined && (tokens[i] === '*' || tokens[i] === '/')) {
      const op = tokens[i++];
      const w = primary();
      if (w === undefined || (op === '/' && w === 0)) return undefined;
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const sum = (): number | undefined => {
    let v = product();
    while (v !== undefined && (tokens[i] === '+' || tokens[i] === '-')) {
      const op = tokens[i++];
      const w = product();
      if (w === undefined) return undefined;
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  const result = sum();
  return i === tokens.length && result !== undefined && Number.isFinite(result) ? Number(result.toPrecision(12)) : undefined;
}
