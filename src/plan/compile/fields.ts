import type { Field } from '../department-workbook';
import type { GridCell, Scalar } from '../grid';
import { formatValue, parseCell } from '../value';

/**
 * How two values of one field are compared, and what is written to the master. Figures
 * compare as numbers (`1,283人`, `1283` and 1283 are the same); 達成度 ignores full- vs
 * half-width brackets and spaces; other text compares as written, line endings aside.
 */
export function isFigure(field: Field): boolean {
  return field === 'actual' || field === 'contribValue';
}

export function asCell(v: Scalar | undefined): GridCell | undefined {
  return v === undefined || v === null ? undefined : { value: v };
}

function text(cell: GridCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  return String(v).replace(/\r\n?/g, '\n').trim();
}

export function canonical(field: Field, cell: GridCell | undefined): string {
  if (isFigure(field)) {
    const p = parseCell(cell);
    if (p.kind === 'number') return `n:${p.value}${p.values ? `:${p.values.join(',')}` : ''}${p.approximate ? '~' : ''}`;
    if (p.kind === 'none') return 'none';
    if (p.kind === 'empty') return '';
    return `t:${p.raw}`;
  }
  if (field === 'achievement') return text(cell).normalize('NFKC').replace(/\s+/g, '');
  return text(cell);
}

/** The master's own style for figures: `1,283人`, `75.6%` (as the published report writes them). */
export function valueToWrite(field: Field, cell: GridCell | undefined, unit: string | undefined): Scalar {
  if (!cell || cell.value === null) return '';
  if (!isFigure(field)) return typeof cell.value === 'string' ? cell.value : String(cell.value);
  const p = parseCell(cell);
  if (p.kind === 'number' && p.value !== undefined && !p.approximate && !p.values) return formatValue(p.value, p.unit ?? unit);
  if (p.kind === 'empty') return '';
  return p.raw;
}

export function figureOf(cell: GridCell | undefined): number | undefined {
  const p = parseCell(cell);
  return p.kind === 'number' ? p.value : undefined;
}
