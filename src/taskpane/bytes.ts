import type { FileSaver } from './services';

/** Files in and out of the pane: their types, their bytes. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';
/** What a file chooser offers: .xlsx by extension and by type. */
export const XLSX_ACCEPT = `.xlsx,${XLSX_TYPE}`;

/** A chosen file's bytes; FileReader where Blob.arrayBuffer is missing (older webviews). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${(file as Partial<File>).name ?? 'file'}`));
    reader.readAsArrayBuffer(file);
  });
}

/** Base64 for Excel.createWorkbook, in slices (one call on megabytes would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function saveBytes(save: FileSaver, bytes: ArrayBuffer | Uint8Array, fileName: string, type: string): void {
  save(new Blob([new Uint8Array(bytes)], { type }), fileName);
}
