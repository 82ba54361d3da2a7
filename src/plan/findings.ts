import type { RuleId } from './rules';

/** A validation finding: one cell, one rule, one message a department clerk can act on. */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  rule: RuleId;
  sheet: string;
  /** A1 address, or '' when the finding is about the whole sheet or file. */
  cell: string;
  message: string;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
