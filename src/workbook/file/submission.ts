import { SUBMISSION_LIMITS } from '../../plan/compile/limits';
import type { SubmissionInput } from '../../plan/compile/types';
import { WorkbookError } from '../gateway';
import { FileWorkbook } from './file-workbook';
import * as messages from './messages';
import type { UnsupportedKind } from './package-parts';
import { extensionOf } from './text-input';

/**
 * Opens one department file's bytes for compile, in Node (the CLI) and in the browser (the
 * pane) alike. Nothing here throws for a bad file: every reason becomes a problem of that
 * submission, so one bad file never stops the others. The caller reads the bytes and hashes them.
 */

/** Parts that make a submission more than data: code, links out, or objects that run. */
const FORBIDDEN: readonly UnsupportedKind[] = [
  'vba', 'externalLink', 'ddeLink', 'embeddedObject', 'activeX', 'formControl', 'dataConnection', 'powerQuery', 'dataModel',
];

const MACRO_EXTENSIONS = ['.xlsm', '.xltm', '.xlam'];

/** Problems known from the name and size alone, before the bytes are read. */
export function submissionProblems(file: string, size: number): string[] {
  const problems: string[] = [];
  if (size > SUBMISSION_LIMITS.maxBytes) problems.push(messages.tooLarge(file, size, SUBMISSION_LIMITS.maxBytes).message);
  const ext = extensionOf(file);
  if (MACRO_EXTENSIONS.includes(ext)) {
    problems.push(`${file} はマクロ有効ブック (${ext}) のため受け付けません。Excel で「名前を付けて保存」から「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルを提出してください。`);
  }
  return problems;
}

export async function submissionFromBytes(file: string, data: Uint8Array, sha256: string): Promise<SubmissionInput> {
  const problems = submissionProblems(file, data.length);
  if (problems.length > 0) return { file, sha256, problems };
  let wb: FileWorkbook;
  try {
    wb = await FileWorkbook.fromBuffer(data, file, SUBMISSION_LIMITS);
  } catch (err) {
    if (err instanceof WorkbookError) return { file, sha256, problems: [err.message] };
    throw err;
  }
  for (const part of wb.unsupportedParts) {
    if (!FORBIDDEN.includes(part.kind)) continue;
    problems.push(`${file} には${part.label}が含まれているため受け付けません (${part.paths.slice(0, 3).join(', ')})。値だけを入力した .xlsx を提出してください。`);
  }
  if (problems.length > 0) return { file, sha256, problems };
  return { file, sha256, grid: await wb.read() };
}
