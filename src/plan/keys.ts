import { a1, parseA1, type CellRef } from './grid';

/**
 * The two keys the product stores and compares, made and read only here:
 * - a cell key `sheet!A1` (one cell across a workbook: input cells, findings, the 提出履歴), and
 * - a row key, the stable name of a fillable row in a department workbook's manifest:
 *   `ind:<indicator key>#<series>`, `prj:<project key>` or `ctb:<indicator key>|<課>|<n>` (内訳).
 */
export type CellKey = `${string}!${string}`;

export function cellKey(ref: CellRef): CellKey {
  return cellKeyAt(ref.sheet, a1(ref.row, ref.col));
}

/** The same key from a sheet name and an A1 address already in hand (a finding, a ledger entry). */
export function cellKeyAt(sheet: string, address: string): CellKey {
  return `${sheet}!${address}`;
}

/** Reads `sheet!A1` back; the sheet name may itself contain `!`, the address never does. */
export function parseCellKey(key: string): CellRef | undefined {
  const at = key.lastIndexOf('!');
  if (at <= 0) return undefined;
  const pos = parseA1(key.slice(at + 1));
  return pos && { sheet: key.slice(0, at), ...pos };
}

/** The cells part of an Excel range address such as `'基本施策1'!$C$5:$D$9` → `C5:D9`. */
export function addressCells(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

export type RowKey = `ind:${string}` | `prj:${string}` | `ctb:${string}`;

export type ParsedRowKey =
  | { kind: 'indicator'; indicatorKey: string; series: number }
  | { kind: 'project'; projectKey: string }
  | { kind: 'contribution'; indicatorKey: string; department: string; n: number };

export function indicatorKeyOf(indicatorKey: string, series: number): RowKey {
  return `ind:${indicatorKey}#${series}`;
}

export function projectKeyOf(projectKey: string): RowKey {
  return `prj:${projectKey}`;
}

export function contributionKeyOf(indicatorKey: string, department: string, n: number): RowKey {
  return `ctb:${indicatorKey}|${department}|${n}`;
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Reads a row key back. The indicator key is free text (it may hold `#` or `|`), so the series and
 * the 課/n are taken from the end.
 */
export function parseRowKey(key: string): ParsedRowKey | undefined {
  const body = key.slice(4);
  if (key.startsWith('ind:')) {
    const at = body.lastIndexOf('#');
    const series = wholeNumber(body.slice(at + 1));
    return at > 0 && series !== undefined ? { kind: 'indicator', indicatorKey: body.slice(0, at), series } : undefined;
  }
  if (key.startsWith('prj:')) return body ? { kind: 'project', projectKey: body } : undefined;
  if (key.startsWith('ctb:')) {
    const parts = body.split('|');
    const n = wholeNumber(parts.pop());
    const department = parts.pop();
    if (n === undefined || department === undefined || parts.length === 0) return undefined;
    return { kind: 'contribution', indicatorKey: parts.join('|'), department, n };
  }
  return undefined;
}

/** A 内訳 row's key read back; undefined for any other key. */
export function parseContributionKey(key: string): { indicatorKey: string; department: string; n: number } | undefined {
  const parsed = parseRowKey(key);
  return parsed?.kind === 'contribution' ? { indicatorKey: parsed.indicatorKey, department: parsed.department, n: parsed.n } : undefined;
}

/** A row key as shown in a message: without its kind prefix. */
export function rowKeyText(key: string): string {
  return parseRowKey(key) ? key.slice(4) : key;
}

/** The indicator a row key belongs to (its own, or the one a 内訳 row adds to). */
export function indicatorOfRowKey(key: string): string | undefined {
  const parsed = parseRowKey(key);
  return parsed && parsed.kind !== 'project' ? parsed.indicatorKey : undefined;
}
