import type { Finding } from '../../../plan';

export interface FindingGroup<F extends Finding = Finding> {
  /** '' for findings about the whole file. */
  sheet: string;
  findings: F[];
  errors: number;
  warnings: number;
}

/** Groups by sheet in the order sheets first appear; errors before warnings within a sheet. */
export function groupFindings<F extends Finding>(findings: readonly F[]): FindingGroup<F>[] {
  const groups = new Map<string, FindingGroup<F>>();
  for (const f of findings) {
    let g = groups.get(f.sheet);
    if (!g) {
      g = { sheet: f.sheet, findings: [], errors: 0, warnings: 0 };
      groups.set(f.sheet, g);
    }
    g.findings.push(f);
    if (f.severity === 'error') g.errors++;
    else g.warnings++;
  }
  for (const g of groups.values()) {
    g.findings = [...g.findings.filter((f) => f.severity === 'error'), ...g.findings.filter((f) => f.severity !== 'error')];
  }
  return [...groups.values()];
}

/** What the list shows: every finding, errors only, or warnings only; on one sheet or all. */
export interface FindingFilter {
  severity: 'all' | 'error' | 'warning';
  /** A sheet's name ('' for the whole file), or undefined for every sheet. */
  sheet?: string;
}

export function filterFindings<F extends Finding>(findings: readonly F[], filter: FindingFilter): F[] {
  return findings.filter(
    (f) => (filter.severity === 'all' || f.severity === filter.severity) && (filter.sheet === undefined || f.sheet === filter.sheet),
  );
}
