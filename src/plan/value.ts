import type { GridCell } from './grid';
import { cleanText } from './text';

/**
 * A value as a department clerk types it: `1,283 人`, `75.6%`, `約6,000人`, `—`,
 * `1,141g 1,215g` (as first published, then restated), `71.2% (小6)`.
 * Parsing never throws: what cannot be read becomes kind 'invalid' with a reason.
 */
export type ValueKind = 'empty' | 'none' | 'number' | 'invalid';

export interface ParsedValue {
  kind: ValueKind;
  /** The cell's text as shown (one line). */
  raw: string;
  /** The current figure: the last one when the cell holds several. */
  value?: number;
  /** Every figure in cell order, when there is more than one. */
  values?: number[];
  unit?: string;
  approximate?: boolean;
  /** A series label written in the cell, e.g. 小6. */
  label?: string;
  /** The cell shows an Excel error (#REF!, #DIV/0! …) rather than something typed. */
  formulaError?: boolean;
  /** Why the value could not be read (Japanese), for kind 'invalid'. */
  error?: string;
  /** A formula whose result was never saved (a file written by a program, not by Excel). */
  uncomputed?: boolean;
  /** What the clerk wrote beside the figure (`※R6.3.31時点`, `（速報値）`): kept, not read. */
  note?: string;
}

/** Marks offices write for "no figure": dashes and slashes of every width, and the words. */
const NO_DATA = /^(?:[-‐‑‒–—―−ー－─━／/]+|該当なし|未集計|集計なし|データなし)$/u;
/** Words that make a bracketed remark a note about the figure rather than a series label. */
const NOTE_WORDS = /速報|確定|見込|暫定|時点|現在|末|推計|概算|予定|参考/u;
/** A date written before the figure: `R6.3末 148法人`, `2024.3.31時点 148法人`. */
const DATE_PREFIX =
  /^((?:R|H|令和|平成)\d{1,2}(?:\.\d{1,2}){1,2}(?:末|時点|現在)?|\d{4}[./]\d{1,2}(?:[./]\d{1,2})?(?:末|時点|現在))\s*(?=[\d約△▲])/u;
const TOKEN = /^(約)?([△▲-])?(\d+(?:,\d{3})*)(?:\.(\d+))?(%|[^\s\d.,%()\-△▲約]+)?$/u;

function round(n: number): number {
  return Number(n.toPrecision(12));
}

interface FormatInfo {
  percent: boolean;
  unit?: string;
  /** Decimals the format shows (`0.0%` → 1), when it has number placeholders. */
  decimals?: number;
  /** A literal 約 written before the number (`"約"#,##0"人"`). */
  approximate?: boolean;
}

/**
 * What an Excel number format adds to a figure. Only the first (positive) section counts;
 * `[Red]`, `[$-411]` and padding (`_)`, `*-`) are ignored. The unit is the literal written
 * after the number placeholders, so `"約"#,##0"人"` is 人, not 約.
 */
function unitFromFormat(numFmt: string | undefined): FormatInfo {
  if (!numFmt) return { percent: false };
  const section = numFmt.split(';')[0].replace(/\[[^\]]*\]/g, '');
  let percent = false;
  let seenDigit = false;
  let decimals: number | undefined;
  let inFraction = false;
  const before: string[] = [];
  const after: string[] = [];
  const token = /"([^"]*)"|\\(.)|[_*](.)|([0#?])|(\.)|(%)|(.)/gsu;
  for (const m of section.matchAll(token)) {
    // Only quoted and escaped literals are text; bare `,` `$` `-` and date codes are not units.
    const literal = m.at(1) ?? m.at(2);
    if (m[4]) {
      seenDigit = true;
      if (inFraction) decimals = (decimals ?? 0) + 1;
      else decimals = decimals ?? 0;
    } else if (m[5]) {
      if (seenDigit) inFraction = true;
    } else if (m[6]) {
      percent = true;
    } else if (literal !== undefined) {
      inFraction = false;
      (seenDigit ? after : before).push(literal);
    }
  }
  const trailing = cleanText(after.join(''));
  const leading = cleanText(before.join(''));
  const info: FormatInfo = { percent, unit: percent ? '%' : trailing || undefined };
  if (!seenDigit) {
    // No number placeholder (`General`, `"件"`): a lone literal is still the unit.
    info.unit = percent ? '%' : leading || undefined;
    return info;
  }
  info.decimals = decimals;
  if (leading.includes('約')) info.approximate = true;
  return info;
}

export const UNCOMPUTED = '計算結果が保存されていません。Excel で開いて保存し直してください';

export function parseCell(cell: GridCell | null | undefined): ParsedValue {
  if (!cell) return { kind: 'empty', raw: '' };
  if (cell.formula && cell.value === null && !cell.error) {
    return { kind: 'invalid', raw: `=${cell.formula}`, error: UNCOMPUTED, uncomputed: true };
  }
  if (cell.error) {
    return { kind: 'invalid', raw: cell.error, error: `数式のエラー ${cell.error} が表示されています`, formulaError: true };
  }
  const v = cell.value;
  if (v === null || v === '') return { kind: 'empty', raw: '' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', raw: String(v), error: '数値として読めません' };
    const { percent, unit, decimals, approximate } = unitFromFormat(cell.numFmt);
    const value = percent ? round(v * 100) : v;
    // Show at least the format's decimals (70.0%), never fewer than the figure has (no rounding away).
    const own = (String(round(Math.abs(value))).split('.')[1] ?? '').length;
    const shown = decimals !== undefined && !/e/i.test(String(value)) ? Math.max(decimals, own) : undefined;
    const parsed: ParsedValue = { kind: 'number', raw: `${approximate ? '約' : ''}${formatValue(value, unit, shown)}`, value, unit };
    if (approximate) parsed.approximate = true;
    return parsed;
  }
  if (typeof v === 'boolean') return { kind: 'invalid', raw: String(v), error: '数値ではなく真偽値です' };
  return parseText(v);
}

// The common case, one plain figure with its unit (`1,283人`), skips the general path below.
const PLAIN = /^(\d+(?:,\d{3})*)(?:\.(\d+))?(%|[^\s\d.,%()\-△▲約<]+)?$/u;

export function parseText(input: string): ParsedValue {
  const plain = PLAIN.exec(input);
  if (
    plain &&
    !plain
      .at(3)
      ?.normalize('NFKC')
      .match(/[\d.,%()-]/)
  ) {
    const value = Number(plain[1].replace(/,/g, '') + (plain[2] ? `.${plain[2]}` : ''));
    const unit = plain.at(3)?.normalize('NFKC');
    return { kind: 'number', raw: input, value, unit };
  }
  const raw = cleanText(input).replace(/\s*\n\s*/g, ' ');
  if (raw === '') return { kind: 'empty', raw };
  if (NO_DATA.test(raw)) return { kind: 'none', raw };

  const notes: string[] = [];
  let rest = raw
    .replace(/\s*[※＊].*$/u, (m) => (notes.push(m.trim()), ''))
    .replace(DATE_PREFIX, (_m, date: string) => (notes.push(date), ''))
    .replace(/\(([^()]*)\)/gu, (m, inner: string) => (NOTE_WORDS.test(inner) ? (notes.push(m), ' ') : m))
    .trim();
  if (notes.length > 0) {
    const figure = parseText(rest);
    return figure.kind === 'number' ? { ...figure, raw, note: notes.join(' ') } : { ...figure, raw };
  }
  let label: string | undefined;
  const paren = /\(([^()]*)\)/u.exec(rest);
  if (paren) {
    label = paren[1].trim();
    rest = (rest.slice(0, paren.index) + ' ' + rest.slice(paren.index + paren[0].length)).trim();
  }
  // A space typed after a thousands comma ("1, 283") is a typo, not two figures.
  rest = rest.replace(/(\d),\s+(?=\d{3}(?!\d))/g, '$1,').replace(/(約|[△▲])\s+/g, '$1');
  // NFKC keeps the typographic minus sign (U+2212) that some fonts and converters produce.
  rest = rest.replace(/(^|\s|約)\u2212(?=\d)/gu, '$1-');
  // "72 事業者": a unit separated from its figure by a space belongs to it.
  const tokens = rest
    .replace(/(\d)\s+(?=[^\s\d.,\-△▲約])/gu, '$1')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0) return invalid(raw, '数値が入力されていません', label);

  const values: number[] = [];
  let unit: string | undefined;
  let approximate = false;
  for (const token of tokens) {
    const m = TOKEN.exec(token);
    if (!m) return invalid(raw, `「${raw}」を数値として読めません`, label);
    if (m[1]) approximate = true;
    const negative = Boolean(m[2]);
    const n = Number(m[3].replace(/,/g, '') + (m[4] ? `.${m[4]}` : ''));
    values.push(negative ? -n : n);
    const u = m[5];
    if (u) {
      if (unit && unit !== u) return invalid(raw, `1つのセルに単位の異なる値（${unit}と${u}）があります`, label);
      unit = u;
    }
  }
  const result: ParsedValue = { kind: 'number', raw, value: values[values.length - 1], unit };
  if (values.length > 1) result.values = values;
  if (approximate) result.approximate = true;
  if (label) result.label = label;
  return result;
}

function invalid(raw: string, error: string, label?: string): ParsedValue {
  return label ? { kind: 'invalid', raw, error, label } : { kind: 'invalid', raw, error };
}

/** `1283, '人'` → `1,283人`; `75.6, '%'` → `75.6%`. Keeps every decimal the number has. */
export function formatValue(value: number, unit?: string, decimals?: number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const text = decimals === undefined ? String(round(abs)) : abs.toFixed(decimals);
  if (/e/i.test(text)) return `${negative ? '-' : ''}${text}${unit ?? ''}`;
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}${unit ?? ''}`;
}

/** How many decimals a typed figure shows (`68.0点` → 1), to write results the same way. */
export function decimalsOf(parsed: ParsedValue): number {
  const m = /\d\.(\d+)/.exec(parsed.raw.split(/\s+/).pop() ?? '');
  return m ? m[1].length : 0;
}
