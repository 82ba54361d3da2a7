import { FileWorkbook } from './file-workbook';
import { FILE_LIMITS, type FileLimits } from './limits';
import * as messages from './messages';
import { toBytes } from './package-parts';
import { decodeText, isTextFileName } from './text-input';

/** Opens file contents by name: .txt/.tsv as tab-separated text, anything else as .xlsx. */
export async function openWorkbookBytes(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  limits: FileLimits = FILE_LIMITS,
): Promise<FileWorkbook> {
  const bytes = toBytes(data);
  if (!isTextFileName(fileName)) return FileWorkbook.fromBuffer(bytes, fileName, limits);
  if (bytes.length > limits.maxBytes) throw messages.tooLarge(fileName, bytes.length, limits.maxBytes);
  return FileWorkbook.fromText(decodeText(bytes), fileName, limits);
}
