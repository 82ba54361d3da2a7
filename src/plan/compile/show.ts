import type { Scalar } from '../grid';

/** A value quoted in a message: 「…」, shortened, or 空欄. */
export function shown(v: Scalar | undefined, limit = 40): string {
  const t = quote(v, limit);
  return t === '' ? '空欄' : `「${t}」`;
}

/** A value as a message quotes it, without the brackets: one line, shortened; '' when empty. */
export function quote(v: Scalar | undefined, limit = 40): string {
  if (v === null || v === undefined || v === '') return '';
  const t = String(v)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/(?![\u0080-\u009f])\p{Cc}/gu, '�');
  return t.length > limit ? `${t.slice(0, limit)}…` : t;
}

/** Code-point order: the same in every environment, unlike a locale's collation. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Text shortened for a one-line note (提出履歴, 提出状況). */
export function clip(text: string, limit = 200): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
