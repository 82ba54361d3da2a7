/** Types for scripts/audit-office.js (plain JS so `npm test` runs it without a build). */
export interface AuditRow {
  /** Fully qualified member, e.g. `Excel.NoteCollection.add`. */
  member: string;
  /** `ExcelApi 1.18`, or `—` when the type definitions name no set. */
  set: string;
  /** `path:line` where the member is reached. */
  at: string;
  status: 'minimum' | 'guarded' | 'UNGUARDED' | 'no set';
  /** For UNGUARDED: the reference or function from which the member is reached without a guard. */
  reachedFrom?: string;
}
export interface AuditResult {
  minimum: string;
  files: string[];
  rows: AuditRow[];
  failures: AuditRow[];
}
export declare function audit(targets?: string[], minimum?: string): AuditResult;
export declare function formatTable(result: AuditResult): string;
export declare function manifestMinimum(file: string): string;
