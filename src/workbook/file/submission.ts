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
  'vba',
  'externalLink',
  'ddeLink',
  'embeddedObject',
  'activeX',
  'formControl',
  'dataConnection',
  'powerQuery',
  'dataModel',
];

const MACRO_EXTENSIONS = ['.xlsm', '.xltm', '.xlam'];

/** Problems known from the name and size alone, before the bytes are read. */
export function submissionProblems(file: string, size: number): string[] {
  const problems: string[] = [];
  if (size > SUBMISSION_LIMITS.maxBytes) problems.push(messages.tooLarge(file, size, SUBMISSION_LIMITS.maxBytes).message);
  const ext = extensionOf(file);
  if (MACRO_EXTENSIONS.includes(ext)) {
    problems.push(
      `${file} はマクロ有効ブック (${ext}) のため受け付けません。Excel で「名前を付けて保存」から「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルを提出してください。`,
    );
  }
  return problems;
}

/** SHA-256 (hex) with Web Crypto: the same digest in Node 20 and in the pane. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  // A copy on a plain ArrayBuffer: digest() refuses views of shared memory.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(data));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Opens one chosen department file for compile: the one function the CLI and the pane both
 * call. A file beyond the size limit is refused before `read` is called; a file that cannot be
 * read (moved, locked, no permission) is that file's own problem, named by `codeOf(err)`.
 */
export async function openSubmissionBytes(
  file: string,
  size: number,
  read: () => Promise<Uint8Array>,
  codeOf: (err: unknown) => string,
): Promise<SubmissionInput> {
  if (size > SUBMISSION_LIMITS.maxBytes) return { file, sha256: '', problems: submissionProblems(file, size) };
  let data: Uint8Array;
  try {
    data = await read();
  } catch (err) {
    const code = codeOf(err);
    const problem = code === 'ENOENT' ? messages.notFound(file).message : messages.readFailed(file, code).message;
    return { file, sha256: '', problems: [problem, ...submissionProblems(file, 0)] };
  }
  return submissionFromBytes(file, data, await sha256Hex(data));
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
    problems.push(
      `${file} には${part.label}が含まれているため受け付けません (${part.paths.slice(0, 3).join(', ')})。値だけを入力した .xlsx を提出してください。`,
    );
  }
  if (problems.length > 0) return { file, sha256, problems };
  return { file, sha256, grid: await wb.read() };
}
