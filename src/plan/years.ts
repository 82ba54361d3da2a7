import { cleanText, compact } from './text';

const ERA_START: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988 };

/** One year written one way: `2022`, `2022年度`, `令和4年度`, `R4`, `H28`, `令和元年`, `R5年度末`, `2023年度末現在`. */
function oneYear(t: string): number | undefined {
  let m = /^(\d{4})(?:年度?)?(?:末)?(?:現在)?$/.exec(t);
  if (m) return plausible(Number(m[1]));
  m = /^(令和|平成|R|H)(\d{1,2}|元)(?:年度?)?(?:末)?(?:現在)?$/i.exec(t);
  if (m) {
    const era = ERA_START[m[1].toUpperCase()] ?? ERA_START[m[1]];
    const n = m[2] === '元' ? 1 : Number(m[2]);
    return plausible(era + n);
  }
  return undefined;
}

/**
 * A fiscal year as headers write it: `2016年度`, `令和5年度`, `R5`, `平成28年度`, `FY2022`,
 * `2022(R4)年度`, `令和4年度(2022年度)` (one cell or two rows joined), `R5実績`, `2023実績`,
 * or a bare `2023`. Two spellings of one year must agree. Undefined when the text is not a year.
 */
export function parseFiscalYear(text: string): number | undefined {
  const t = compact(text)
    .replace(/^FY/i, '')
    .replace(/^実績値?|実績値?$/g, '');
  // `2022(R4)年度`: the 年度 after the brackets belongs to both spellings.
  const parts = t
    .replace(/[)\]]年度?$/, ')')
    .split(/[()[\]]/)
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 2) return undefined;
  const years = parts.map(oneYear);
  if (years.some((y) => y === undefined)) return undefined;
  return years.every((y) => y === years[0]) ? years[0] : undefined;
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
  if (era) return parseFiscalYear(era[0]);
  const short = /(?<![A-Za-z])([RH])(\d{1,2}|元)(?:年度?)?(?![\d.])/i.exec(t);
  return short ? parseFiscalYear(short[0]) : undefined;
}

function plausible(year: number): number | undefined {
  return year >= 1989 && year <= 2100 ? year : undefined;
}
