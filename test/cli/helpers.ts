import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { Scalar, WorkbookGrid } from '../../src/plan/grid';
import { METADATA_SHEET } from '../../src/plan/recognize/metadata';
import { manifestRows, readManifest, type InputCell, type Manifest } from '../../src/plan/split/manifest';
import { FileWorkbook } from '../../src/workbook/file/file-workbook';

export const SAMPLE_MASTER = path.join(__dirname, '..', '..', 'samples', 'master-2023.xlsx');

/**
 * Time allowed to a hook or test that splits the sample master: each of its 38 課 workbooks pays
 * Excel's 100,000 sheet-protection hash rounds, about 15 s of CPU in all, more on a busy machine.
 */
export const SPLIT_TIMEOUT = 300_000;

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), interactive: false });
  return { code, out, err };
}

export function tempDir(prefix = 'shinchoku-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export async function readGrid(file: string): Promise<WorkbookGrid> {
  const wb = await FileWorkbook.fromBuffer(fs.readFileSync(file), path.basename(file));
  return wb.read();
}

export async function manifestOfFile(file: string): Promise<Manifest> {
  const m = readManifest(await readGrid(file)).manifest;
  if (!m) throw new Error(`no manifest in ${file}`);
  return m;
}

/** Opens a workbook with plain ExcelJS, lets `edit` change it (as Excel would), saves it to `to`. */
export async function editFile(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  await edit(wb);
  await wb.xlsx.writeFile(to);
  return to;
}

/** Fills every input cell of a department file with the value `fill` returns. */
export async function fillFile(
  file: string,
  fill: (input: InputCell, grid: WorkbookGrid) => Scalar | undefined,
  to = file,
): Promise<string> {
  const grid = await readGrid(file);
  const m = readManifest(grid).manifest!;
  return editFile(file, to, (wb) => {
    for (const input of m.inputs) {
      const v = fill(input, grid);
      if (v !== undefined) wb.getWorksheet(input.sheet)!.getCell(input.row + 1, input.col + 1).value = v;
    }
  });
}

/** Rewrites the hidden manifest with a valid checksum, as another split would have written it. */
export async function rewriteManifest(file: string, to: string, change: (m: Manifest) => void): Promise<string> {
  const m = await manifestOfFile(file);
  change(m);
  return editFile(file, to, (wb) => {
    const ws = wb.getWorksheet(METADATA_SHEET)!;
    ws.spliceRows(1, ws.rowCount);
    manifestRows(m).forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 1, c + 1).value = v)));
  });
}

/** The FY2023 report as extracted from the PDF (tab-separated text). */
export const REPORT_TEXT = path.join(__dirname, '..', '..', 'samples', 'seed', 'fy2023-report.txt');
