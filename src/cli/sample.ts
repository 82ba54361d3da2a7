import * as fs from 'fs';
import * as path from 'path';
import { gridFromText, recognize, renderMaster, type SheetSpec, SheetView } from '../plan';

/** The published reports the sample master can be built from, by fiscal year. */
export const SAMPLE_REPORTS: Record<number, string> = { 2023: 'fy2023-report.txt' };

export function seedPath(year: number): string {
  return path.join(__dirname, '..', '..', 'samples', 'seed', SAMPLE_REPORTS[year]);
}

/**
 * Builds the master from the report text as extracted from the PDF. The recogniser does
 * the cleaning (tags, repeated page headers, stray spaces, `- ◇` list marks) on the way in.
 */
export function sampleMaster(year: number): SheetSpec[] {
  const text = fs.readFileSync(seedPath(year), 'utf8');
  const sheet = gridFromText(text, '報告書');
  const { plan } = recognize({ source: SAMPLE_REPORTS[year], sheets: [sheet] });
  const view = new SheetView(sheet);
  return renderMaster({ year: plan.reportYear ?? year, plan, text: (_s, r, c) => view.text(r, c) });
}
