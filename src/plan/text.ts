/**
 * Text as staff type it and as PDFs extract it: full-width forms, stray spaces,
 * left-over HTML tags. Everything the engine compares goes through here first.
 */

/** NFKC folds full-width digits, letters, ％ and spaces; tags from PDF extraction are dropped. */
export function cleanText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/[\u00A0\u3000]/g, ' ')
    .replace(/[ \t]*\r?\n[ \t]*/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** For matching labels: no whitespace at all, NFKC, no line breaks. */
export function compact(input: string): string {
  return cleanText(input).replace(/\s+/g, '');
}

/** Cell text on one line, for names and messages. */
export function oneLine(input: string): string {
  return cleanText(input).replace(/\s*\n\s*/g, ' ');
}

export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return String(value);
}
