import type { i18n } from 'i18next';
import type { Finding, FindingParam, Said } from '../../plan';

/** How recognition placed a table without its heading (see recoverPolicy in src/plan/recognize). */
const HOW: Readonly<Record<string, string>> = { 重点項目: 'its key points', 表の順番: 'the order of the tables' };

/**
 * The plan words some params in Japanese for its own sentences (`2023年度（市民）の値`, `（市民）`).
 * Reworded here so an English sentence quotes only what came from the sheet: names and values.
 */
function englishParam(key: string, value: FindingParam): FindingParam {
  if (typeof value !== 'string') return value;
  if (key === 'how') return HOW[value] ?? value;
  // A list of file names, joined as Japanese joins a list.
  if (key === 'files') return value.split('、').join(', ');
  if (key === 'label') {
    const m = /^（(.*)）$/.exec(value);
    return m ? ` (${m[1]})` : value;
  }
  if (key === 'what') {
    const year = /^(\d+)年度(?:（(.*)）)?の値$/.exec(value);
    if (year) return `FY${year[1]} value${year[2] ? ` (${year[2]})` : ''}`;
    const result = /^(\d+)年度の実績$/.exec(value);
    if (result) return `FY${result[1]} result`;
    const target = /^目標値(?:（(.*)）)?$/.exec(value);
    if (target) return `target${target[1] ? ` (${target[1]})` : ''}`;
  }
  return value;
}

/**
 * A piece of a worded sentence. `data` marks what was quoted from the workbook (a name, a value
 * with its unit, a file name): it stays as written in any language.
 */
export interface TextPart {
  text: string;
  data?: boolean;
}

// Stand-ins for the params while i18next fills the template, found again afterwards (private-use
// characters: never in a template, and a param's own text is put back only after filling).
const OPEN = '\ue000';
const CLOSE = '\ue001';
const MARK = /\ue000(\d+)\ue001/g;

/**
 * The `rules.<id>` template filled with `params`, in parts; undefined when the pane has no template
 * for it in this language (the caller then keeps the plan's Japanese).
 */
function templateParts(id: string, params: Readonly<Record<string, FindingParam>>, instance: i18n): TextPart[] | undefined {
  const key = `rules.${id}`;
  if (instance.resolvedLanguage === 'ja' || !instance.exists(key)) return undefined;
  const parts: TextPart[] = [];
  const values: Record<string, string | number> = {};
  let context: string | undefined;
  for (const [name, value] of Object.entries(params)) {
    // A true flag picks the template's variant (`rules.<id>_<flag>`), as the Japanese wording branches on it.
    if (value === true) context ??= name;
    const english = englishParam(name, value);
    values[name] = `${OPEN}${parts.length}${CLOSE}`;
    // A param the plan worded in Japanese and reworded here is the pane's own text, not the sheet's.
    parts.push({ text: String(english), data: english === value || name === 'files' });
  }
  const filled = instance.t(key, { ...values, context });
  const out: TextPart[] = [];
  let at = 0;
  for (const m of filled.matchAll(MARK)) {
    if (m.index > at) out.push({ text: filled.slice(at, m.index) });
    out.push(parts[Number(m[1])]);
    at = m.index + m[0].length;
  }
  if (at < filled.length) out.push({ text: filled.slice(at) });
  return out;
}

export function joinParts(parts: readonly TextPart[]): string {
  return parts.map((p) => p.text).join('');
}

/**
 * A finding in the pane's language: the `rules.<id>` template filled with the finding's params, or
 * its Japanese `message` when there is no template or no params to fill it with.
 */
export function findingParts(finding: Finding, instance: i18n): TextPart[] {
  return (finding.params && templateParts(finding.rule, finding.params, instance)) || [{ text: finding.message }];
}

export function findingText(finding: Finding, instance: i18n): string {
  return joinParts(findingParts(finding, instance));
}

/**
 * A sentence of the verdict or of compile in the pane's language: where (file, sheet, cell), what
 * (`rules.<id>`), and whom to ask. Its Japanese `text` when the pane has no template for it.
 */
export function saidParts(s: Said, instance: i18n): TextPart[] {
  const body = templateParts(s.rule, s.params, instance);
  if (!body) return [{ text: s.text }];
  const out: TextPart[] = [];
  if (s.file) {
    const cell = s.cell && s.params.cell !== s.cell ? s.cell : undefined;
    const where = s.sheet ? (cell ? 'said.fileSheetCell' : 'said.fileSheet') : cell ? 'said.fileCell' : 'said.file';
    out.push(...fillPlain(instance.t(where, { file: OPEN, sheet: `${OPEN}${OPEN}`, cell: `${OPEN}${OPEN}${OPEN}` }), s, cell));
  }
  out.push(...body);
  if (s.ask) out.push({ text: instance.t(s.ask === 'locked' ? 'said.locked' : 'said.askCoordinator') });
  return out;
}

/** The location template with its three stand-ins put back as data parts. */
function fillPlain(template: string, s: Said, cell: string | undefined): TextPart[] {
  const out: TextPart[] = [];
  for (const piece of template.split(/(\ue000+)/)) {
    if (piece === '') continue;
    const n = /^\ue000+$/.test(piece) ? piece.length : 0;
    if (n === 1) out.push({ text: s.file ?? '', data: true });
    else if (n === 2) out.push({ text: s.sheet ?? '', data: true });
    else if (n === 3) out.push({ text: cell ?? '', data: true });
    else out.push({ text: piece });
  }
  return out;
}

export function saidText(s: Said, instance: i18n): string {
  return joinParts(saidParts(s, instance));
}
