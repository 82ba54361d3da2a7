import * as fs from 'fs';
import * as path from 'path';
import { WorkbookError } from '../gateway';
import type { FileWorkbook } from './file-workbook';
import { FILE_LIMITS, type FileLimits } from './limits';
import * as messages from './messages';
import { openWorkbookBytes } from './open';
import { extensionOf } from './text-input';

/** Node-only side of the file adapter; the browser bundle must not import this file. */

function errno(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

export async function openWorkbookFile(filePath: string, limits: FileLimits = FILE_LIMITS): Promise<FileWorkbook> {
  return (await readWorkbookFile(filePath, limits)).workbook;
}

/**
 * Opens a workbook file and keeps the bytes it was opened from, so a caller that must also
 * open them another way (check, as a submission) reads the file once and sees the same bytes.
 */
export async function readWorkbookFile(
  filePath: string,
  limits: FileLimits = FILE_LIMITS,
): Promise<{ workbook: FileWorkbook; data: Uint8Array }> {
  const name = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (err) {
    if (errno(err) === 'ENOENT' || errno(err) === 'ENOTDIR') throw messages.notFound(filePath);
    throw messages.readFailed(filePath, errno(err));
  }
  if (!stat.isFile()) throw messages.notAFile(filePath);
  // Checked before reading, so an oversized file is never pulled into memory.
  if (stat.size > limits.maxBytes) throw messages.tooLarge(name, stat.size, limits.maxBytes);
  let data: Uint8Array;
  try {
    data = fs.readFileSync(filePath);
  } catch (err) {
    throw messages.readFailed(filePath, errno(err));
  }
  return { workbook: await openWorkbookBytes(data, name, limits), data };
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.length;) done += fs.writeSync(fd, data, done, data.length - done);
}

/** Only .xlsx is written: callers check before the work, so a wrong -o costs nothing and leaves nothing behind. */
export function refuseUnsupportedTarget(filePath: string): void {
  if (extensionOf(filePath) !== '.xlsx') throw messages.unsupportedTarget(filePath);
}

/**
 * Writes the workbook to an .xlsx path atomically: the bytes go to a temporary file in the
 * same folder (same file system, so the rename is atomic) and replace the target only once
 * complete. On any failure the temporary file is removed and the target is untouched.
 */
export async function saveWorkbookFile(wb: FileWorkbook, filePath: string): Promise<void> {
  refuseUnsupportedTarget(filePath);
  const data = await wb.toBuffer();
  const target = path.resolve(filePath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    writeAll(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    try {
      fs.chmodSync(temp, fs.statSync(target).mode & 0o777);
    } catch {
      // A new target simply keeps the default permissions.
    }
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the original error is the one to report.
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done; the target itself was not touched.
    }
    if (err instanceof WorkbookError) throw err;
    throw messages.saveFailed(filePath, errno(err));
  }
}
