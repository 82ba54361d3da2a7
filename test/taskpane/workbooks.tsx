/**
 * Real workbooks for the coordinator's features in jsdom: the sample master through the file
 * gateway, department files made by the real split, and what jsdom lacks (WebCrypto's digest, TextEncoder,
 * Blob.arrayBuffer) taken from Node.
 */
import * as fs from 'fs';
import * as path from 'path';
import { webcrypto } from 'crypto';
import { TextEncoder as NodeTextEncoder } from 'util';
import type { Scalar, WorkbookGrid } from '../../src/plan/grid';
import type { DepartmentWorkbook } from '../../src/plan/split';
import { readManifest, type InputCell } from '../../src/plan/split/manifest';
import { FileWorkbook } from '../../src/workbook/file';
import type { Connection } from '../../src/taskpane/services';

export const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'master-2023.xlsx');

export function useNodeWebApis(): void {
  // jsdom's crypto lacks subtle although the DOM types promise it.
  const crypto = globalThis.crypto as Partial<Crypto> | undefined;
  if (!crypto?.subtle) Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
  if (typeof globalThis.TextEncoder === 'undefined')
    Object.defineProperty(globalThis, 'TextEncoder', { value: NodeTextEncoder, configurable: true });
}

export function sampleBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(SAMPLE));
}

/** A workbook opened outside Excel, as openWorkbookFile makes it (no host). */
export async function fileConnection(
  bytes: Uint8Array,
  name = 'master-2023.xlsx',
): Promise<{ connection: Connection; workbook: FileWorkbook }> {
  const workbook = await FileWorkbook.fromBuffer(bytes, name);
  return { workbook, connection: { gateway: workbook, toBuffer: () => workbook.toBuffer() } };
}

/** A department's workbook as split writes it, with some input cells filled as a clerk would. */
export async function departmentFile(
  d: DepartmentWorkbook,
  fill: (input: InputCell, grid: WorkbookGrid) => Scalar | undefined,
): Promise<Uint8Array> {
  const made = FileWorkbook.create(d.fileName);
  await made.apply({ cells: d.cells, sheets: d.sheets });
  const opened = await FileWorkbook.fromBuffer(await made.toBuffer(), d.fileName);
  const grid = await opened.read();
  const cells = readManifest(grid).manifest!.inputs.flatMap((i) => {
    const value = fill(i, grid);
    return value === undefined ? [] : [{ sheet: i.sheet, row: i.row, col: i.col, value }];
  });
  await opened.apply({ cells });
  return opened.toBuffer();
}

export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(blob);
  });
}

export function asFile(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** The same file with cells changed behind the split's back (a locked cell, say). */
export async function editedFile(
  bytes: Uint8Array,
  name: string,
  cells: { sheet: string; row: number; col: number; value: Scalar }[],
): Promise<Uint8Array> {
  const wb = await FileWorkbook.fromBuffer(bytes, name);
  await wb.apply({ cells });
  return wb.toBuffer();
}
