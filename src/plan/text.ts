/**
 * Text as staff type it and as PDFs extract it: full-width forms, stray spaces,
 * left-over HTML tags. Matching goes through NFKC; prose shown to people keeps its
 * full-width punctuation and only loses the artefacts.
 */

const ARTEFACT = /[<\u00A0\n\r\t]| {2}/;

function stripArtefacts(input: string): string {
  // Most cells are clean; the regex chain below is only for those that are not.
  if (!ARTEFACT.test(input)) return input.trim();
  return input
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/\u00A0/g, ' ')
    .replace(/[ \t]*\r?\n[ \t]*/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** For parsing and matching: NFKC folds full-width digits, letters, ％ and spaces. */
// ASCII, kana and common kanji are already in NFKC form; only other text needs normalising.
const NFKC_STABLE = /^[\x20-\x7E\u3041-\u3096\u30A1-\u30FA\u30FC\u4E00-\u9FFF、。]*$/;

export function cleanText(input: string): string {
  return stripArtefacts(NFKC_STABLE.test(input) ? input : input.normalize('NFKC'));
}

/** For matching labels: no whitespace at all, NFKC, no line breaks. */
export function compact(input: string): string {
  return cleanText(input).replace(/\s+/g, '');
}

/** Cell text on one line as typed (full-width kept), for names, prose and messages. */
export function oneLine(input: string): string {
  if (!ARTEFACT.test(input)) return input.trim();
  return stripArtefacts(input)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ');
}

export function scalarText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
