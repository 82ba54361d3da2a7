import { cleanText, compact } from './text';

const ERA_START: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

/**
 * A fiscal year as headers write it: `2016年度`, `2016 年度`, `令和5年度`, `R5`, `平成28年度`,
 * `令和元年度`, or a bare `2023`. Undefined when the text is not a year.
 */
export function parseFiscalYear(text: string): number | undefined {
  const t = compact(text).replace(/[()]/g, '');
  let m = /^(\d{4})(?:年度?)?$/.exec(t);
  if (m) return plausible(Number(m[1]));
  m = /^(令和|平成|R|H)(\d{1,2}|元)(?:年度?)?$/i.exec(t);
  if (m) {
    const era = ERA_START[m[1].toUpperCase()] ?? ERA_START[m[1]];
    const n = m[2] === '元' ? 1 : Number(m[2]);
    return plausible(era + n);
  }
  return undefined;
}

/** The first fiscal year mentioned anywhere in a longer text (`取組状況 (2023)`, `令和5年度実績`). */
export function findFiscalYear(text: string): number | undefined {
  const t = cleanText(text);
  // Only a run of exactly four digits is a year: not the first four digits of `20231` or `12345件`.
  for (const m of t.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
    const y = plausible(Number(m[1]));
    if (y) return y;
  }
  const era = /(令和|平成)\s*(\d{1,2}|元)\s*年/.exec(t);
  return era ? parseFiscalYear(era[0]) : undefined;
}

function plausible(year: number): number | undefined {
  return year >= 1989 && year <= 2100 ? year : undefined;
}
