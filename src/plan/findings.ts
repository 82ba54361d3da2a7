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
  /**
   * What the message was worded from (names, values, years), so a surface in another language can
   * word the same finding again; `message` stays the Japanese wording the CLI and files use.
   */
  params?: Readonly<Record<string, FindingParam>>;
}

/** A value a finding's wording quotes: plain JSON, so findings stay serialisable. */
export type FindingParam = string | number | boolean;

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
