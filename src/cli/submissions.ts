import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SUBMISSION_LIMITS, type SubmissionInput } from '../plan';
import * as messages from '../workbook/file/messages';
import { submissionFromBytes, submissionProblems } from '../workbook/file/submission';

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Opens one department file for compile. Nothing here throws for a bad file: every
 * reason becomes a problem of that submission, so one bad file never stops the others.
 */
export async function openSubmission(filePath: string): Promise<SubmissionInput> {
  const file = path.basename(filePath);
  let data: Uint8Array | undefined;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) return { file, sha256: '', problems: [messages.notAFile(file).message, ...submissionProblems(file, 0)] };
    // Too large: refused before it is read, with the name's own problems.
    if (stat.size > SUBMISSION_LIMITS.maxBytes) return { file, sha256: '', problems: submissionProblems(file, stat.size) };
    data = fs.readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    const problem = code === 'ENOENT' ? messages.notFound(file).message : messages.readFailed(file, code).message;
    return { file, sha256: '', problems: [problem, ...submissionProblems(file, 0)] };
  }
  return submissionFromBytes(file, data, sha256(data));
}
