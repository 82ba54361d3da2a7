/**
 * The 17 SDGs and their 169 official targets: numbered targets 1..n and lettered
 * means-of-implementation targets a.. per goal.
 */
const TARGETS: Record<number, [numbered: number, lettered: string]> = {
  1: [5, 'ab'],
  2: [5, 'abc'],
  3: [9, 'abcd'],
  4: [7, 'abc'],
  5: [6, 'abc'],
  6: [6, 'ab'],
  7: [3, 'ab'],
  8: [10, 'ab'],
  9: [5, 'abc'],
  10: [7, 'abc'],
  11: [7, 'abc'],
  12: [8, 'abc'],
  13: [3, 'ab'],
  14: [7, 'abc'],
  15: [9, 'abc'],
  16: [10, 'ab'],
  17: [19, ''],
};

export function isSdgsTarget(code: string): boolean {
  const m = /^(\d{1,2})(?:\.(\d{1,2}|[a-z]))?$/.exec(code.trim().toLowerCase());
  if (!m) return false;
  const goal = Number(m[1]) in TARGETS ? TARGETS[Number(m[1])] : undefined;
  if (!goal || String(Number(m[1])) !== m[1]) return false;
  const target = m.at(2);
  if (target === undefined) return true;
  if (/^\d+$/.test(target)) return String(Number(target)) === target && Number(target) >= 1 && Number(target) <= goal[0];
  return goal[1].includes(target);
}

export function sdgsTargetCount(): number {
  return Object.values(TARGETS).reduce((n, [num, letters]) => n + num + letters.length, 0);
}

/** Codes in a cell: `11.2 11.7 17.17`, `3.a、4.7`. A dash (`—`, `－`) means none. */
export function splitSdgsCodes(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s、,，・]+/)
    .filter((c) => c !== '' && !/^[-‐‑‒–—―−ー]+$/u.test(c));
}
