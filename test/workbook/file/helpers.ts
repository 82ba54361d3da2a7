import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Builds a real .xlsx with ExcelJS. */
export async function buildXlsx(fill: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await fill(wb);
  const data = await wb.xlsx.writeBuffer();
  return new Uint8Array(data);
}

/** A small workbook with one sheet `S` holding a few values. */
export function simpleXlsx(): Promise<Uint8Array> {
  return buildXlsx((wb) => {
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '項目';
    ws.getCell('B1').value = 1;
  });
}

/** Adds (or replaces) zip entries, the way another program would leave them in a package. */
export async function withParts(data: Uint8Array, parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function partText(data: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const entry = zip.file(name);
  if (!entry) throw new Error(`no ${name} in package`);
  return entry.async('string');
}

export async function partNames(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  return Object.keys(zip.files);
}

/** Loads bytes with plain ExcelJS, as an independent check of what was written. */
export async function loadWithExcelJS(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

export function tempDir(prefix = 'shinchoku-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs fn and returns what it threw (failing the test when it did not throw). */
export async function caught(fn: () => unknown): Promise<Error & { code?: string; file?: string }> {
  try {
    await fn();
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected a failure, but none was thrown');
}

export function unescapeXml(xml: string): string {
  return xml
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
