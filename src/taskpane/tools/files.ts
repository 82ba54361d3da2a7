import { departmentSheetSubmissions, gridText, type SubmissionInput, type WorkbookEdits, type WorkbookGrid } from '../../plan';
import { PaneKeyError } from '../state/paneError';

/**
 * The file side of the coordinator's tools. ExcelJS (the file gateway) and JSZip are imported
 * only when a file is built or read, into the chunks the file gateway already uses.
 */

const fileGateway = () => import(/* webpackChunkName: "workbook-file" */ '../../workbook/file');
const submissions = () => import(/* webpackChunkName: "workbook-file" */ '../../workbook/file/submission');

export async function workbookBytes(fileName: string, edits: WorkbookEdits): Promise<Uint8Array> {
  const { FileWorkbook } = await fileGateway();
  const workbook = FileWorkbook.create(fileName);
  await workbook.apply(edits);
  return workbook.toBuffer();
}

export async function sha256(data: Uint8Array | string): Promise<string> {
  const subtle = (globalThis as { crypto?: Partial<Crypto> }).crypto?.subtle;
  // WebCrypto exists only in secure contexts (https, localhost): an add-in always is one.
  if (!subtle) throw new PaneKeyError('error.noWebCrypto');
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  // A copy on a plain ArrayBuffer: digest() refuses views of shared memory.
  const digest = await subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readSubmission(fileName: string, size: number, read: () => Promise<Uint8Array>): Promise<SubmissionInput> {
  const { openSubmissionBytes } = await submissions();
  return openSubmissionBytes(fileName, size, read, readErrorCode);
}

/** A short name for why reading failed, in place of the CLI's errno code: NotReadableError, say. */
function readErrorCode(err: unknown): string {
  // Duck-typed: a DOMException is not an Error in every webview.
  const name =
    typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : '';
  if (name && name !== 'Error') return name;
  return err instanceof Error && err.message ? err.message : String(err);
}

/**
 * The master's 課別シート as submissions; the digest is over the sheet's values. A sheet nobody
 * has entered anything on is not a submission (its 課 stays 未提出); one that cannot be read is.
 */
export async function sheetSubmissions(master: WorkbookGrid): Promise<SubmissionInput[]> {
  const sheets = departmentSheetSubmissions(master);
  if (sheets.length === 0) throw new PaneKeyError('compile.noSheets');
  const entered = sheets.filter((s) => s.entered > 0 || s.problems);
  if (entered.length === 0) throw new PaneKeyError('compile.noEntries');
  return Promise.all(
    entered.map(async (s) => ({
      file: s.file,
      sha256: s.grid ? await sha256(gridText(s.grid)) : '',
      ...(s.grid ? { grid: s.grid } : {}),
      ...(s.problems ? { problems: s.problems } : {}),
    })),
  );
}

export async function zip(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "workbook-file" */ 'jszip');
  const archive = new JSZip();
  for (const f of files) archive.file(f.name, f.bytes);
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
