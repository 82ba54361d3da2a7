import * as fs from 'fs';
import * as path from 'path';
import type { SubmissionInput } from '../plan';
import * as messages from '../workbook/file/messages';
import { openSubmissionBytes, submissionProblems } from '../workbook/file/submission';
import { errnoOf } from './fs-errors';

/**
 * Opens one department file for compile. Nothing here throws for a bad file: every
 * reason becomes a problem of that submission, so one bad file never stops the others.
 */
export async function openSubmission(filePath: string): Promise<SubmissionInput> {
  const file = path.basename(filePath);
  const codeOf = (err: unknown) => errnoOf(err) ?? String(err);
  let size: number;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) return { file, sha256: '', problems: [messages.notAFile(file).message, ...submissionProblems(file, 0)] };
    size = stat.size;
  } catch (err) {
    const code = codeOf(err);
    const problem = code === 'ENOENT' ? messages.notFound(file).message : messages.readFailed(file, code).message;
    return { file, sha256: '', problems: [problem, ...submissionProblems(file, 0)] };
  }
  return openSubmissionBytes(file, size, () => fs.promises.readFile(filePath), codeOf);
}

/** The same opening for bytes already read from `filePath` (check reads a file once). */
export function openSubmissionRead(filePath: string, data: Uint8Array): Promise<SubmissionInput> {
  return openSubmissionBytes(
    path.basename(filePath),
    data.length,
    () => Promise.resolve(data),
    (err) => errnoOf(err) ?? String(err),
  );
}
