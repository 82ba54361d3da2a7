import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { SUBMISSION_LIMITS } from '../plan/compile/limits';
import type { SubmissionInput } from '../plan/compile';
import { WorkbookError } from '../workbook/gateway';
import { FileWorkbook, type UnsupportedKind } from '../workbook/file';
import * as messages from '../workbook/file/messages';
import { extensionOf } from '../workbook/file/text-input';

/** Parts that make a submission more than data: code, links out, or objects that run. */
const FORBIDDEN: readonly UnsupportedKind[] = [
  'vba', 'externalLink', 'ddeLink', 'embeddedObject', 'activeX', 'formControl', 'dataConnection', 'powerQuery', 'dataModel',
];

const MACRO_EXTENSIONS = ['.xlsm', '.xltm', '.xlam'];

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Opens one department file for compile. Nothing here throws for a bad file: every
 * reason becomes a problem of that submission, so one bad file never stops the others.
 */
export async function openSubmission(filePath: string): Promise<SubmissionInput> {
  const file = path.basename(filePath);
  const problems: string[] = [];
  const ext = extensionOf(file);
  let data: Uint8Array | undefined;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) problems.push(messages.notAFile(file).message);
    else if (stat.size > SUBMISSION_LIMITS.maxBytes) problems.push(messages.tooLarge(file, stat.size, SUBMISSION_LIMITS.maxBytes).message);
    else data = fs.readFileSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    problems.push(code === 'ENOENT' ? messages.notFound(file).message : messages.readFailed(file, code).message);
  }
  const sha = data ? sha256(data) : '';
  if (MACRO_EXTENSIONS.includes(ext)) {
    problems.push(`${file} はマクロ有効ブック (${ext}) のため受け付けません。Excel で「名前を付けて保存」から「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルを提出してください。`);
  }
  if (!data || problems.length > 0) return { file, sha256: sha, problems };
  let wb: FileWorkbook;
  try {
    wb = await FileWorkbook.fromBuffer(data, file, SUBMISSION_LIMITS);
  } catch (err) {
    if (err instanceof WorkbookError) return { file, sha256: sha, problems: [err.message] };
    throw err;
  }
  for (const part of wb.unsupportedParts) {
    if (!FORBIDDEN.includes(part.kind)) continue;
    problems.push(`${file} には${part.label}が含まれているため受け付けません (${part.paths.slice(0, 3).join(', ')})。値だけを入力した .xlsx を提出してください。`);
  }
  if (problems.length > 0) return { file, sha256: sha, problems };
  return { file, sha256: sha, grid: await wb.read() };
}
