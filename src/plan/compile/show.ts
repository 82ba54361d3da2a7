import type { Scalar } from '../grid';

/** A value quoted in a message: 「…」, shortened, or 空欄. */
export function shown(v: Scalar | undefined, limit = 40): string {
  if (v === null || v === undefined || v === '') return '空欄';
  const t = String(v).replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '�');
  return `「${t.length > limit ? `${t.slice(0, limit)}…` : t}」`;
}
