import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process, capturing what a user would see on stdout and stderr. */
export async function shinchoku(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    interactive: false,
  });
  return { code, out, err };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shinchoku-'));
}

export const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'master-2023.xlsx');
export const REPORT_TEXT = path.join(__dirname, '..', '..', 'samples', 'seed', 'fy2023-report.txt');
