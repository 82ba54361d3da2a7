import * as fs from 'fs';
import * as path from 'path';
import { gridFromText, type WorkbookGrid } from '../../src/plan/grid';

export const REPORT_2023 = path.join(__dirname, '..', '..', 'samples', 'seed', 'fy2023-report.txt');

/** The FY2023 report as extracted from the PDF, pasted onto one sheet. */
export function pastedReport(): WorkbookGrid {
  const text = fs.readFileSync(REPORT_2023, 'utf8');
  return { source: 'fy2023-report.txt', sheets: [gridFromText(text, '貼り付け')] };
}
