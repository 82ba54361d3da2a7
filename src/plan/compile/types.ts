import type { Said } from '../messages';
import type { VerdictStatus } from '../verdict';
import type { WorkbookEdits } from '../edits';
import type { WorkbookGrid } from '../grid';

/** One submitted file as the CLI (or add-in) opened it. */
export interface SubmissionInput {
  /** File name shown in messages and the 提出履歴. */
  file: string;
  /** SHA-256 of the file's bytes (hex), computed by the caller. */
  sha256: string;
  /** The cells, when the file could be opened. */
  grid?: WorkbookGrid;
  /**
   * Whether the workbook's keyed signature matched the master's secret (authenticate.ts);
   * undefined when the master has no secret to check it with.
   */
  authentic?: boolean;
  /** Reasons found before reading it (not an .xlsx, macros, links, too large…), in Japanese. */
  problems?: string[];
}

export interface CompileOptions {
  /** Fiscal year to compile; default: the submissions' year, else the master's. */
  year?: number;
  /** Who wins a conflict. Default: master. */
  prefer?: 'master' | 'submission';
  /** Time written to the 提出履歴 and 提出状況, e.g. `2025-05-12 09:30:05`. */
  now: string;
  /** Name of the master file (messages, rollover row). */
  masterFile: string;
}

export type SubmissionStatus = 'accepted' | 'unchanged' | 'rejected' | 'setAside';

export interface SubmissionReport {
  file: string;
  department?: string;
  status: SubmissionStatus;
  errors: number;
  warnings: number;
  /** Cells of OUT changed by this file. */
  applied: number;
  /** The one verdict on the file (verdict.ts); undefined when it could not be opened. */
  verdict?: VerdictStatus;
  /** Every reason for a rejection, and every warning (`text`: in Japanese, naming the file). */
  messages: Said[];
}

export interface Conflict {
  file: string;
  department: string;
  sheet: string;
  cell: string;
  item: string;
  /** Value when the department's file was made. */
  base: string;
  master: string;
  submission: string;
  kept: 'master' | 'submission';
}

export interface CompileResult {
  year: number;
  edits: WorkbookEdits;
  applied: number;
  conflicts: Conflict[];
  rejected: { file: string; reasons: Said[] }[];
  submissions: SubmissionReport[];
  /** Files the verdict found 未記入 (blank, or no figure entered): their 課 stays 未提出. */
  unfilled: { file: string; department?: string; reason: Said }[];
  missingDepartments: string[];
  /** Notes about the compile as a whole (rollover, unchecked signatures…); `text` in Japanese. */
  notices: Said[];
}

/** A compile that cannot start (the master is not usable, or the year is ambiguous). */
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}
