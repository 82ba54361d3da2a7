import type { WorkbookGrid } from '../grid';
import { scalarText } from '../text';

/** The hidden sheet a master made by `shinchoku init` or `split` carries. */
export const METADATA_SHEET = '_shinchoku';
export const TEMPLATE_VERSION = '1';

export interface Metadata {
  entries: Map<string, string>;
  fiscalYear?: number;
}

export function readMetadata(grid: WorkbookGrid): Metadata {
  const entries = new Map<string, string>();
  const sheet = grid.sheets.find((s) => s.name === METADATA_SHEET);
  for (const row of sheet?.rows ?? []) {
    const key = scalarText(row[0]?.value).trim();
    if (key) entries.set(key, scalarText(row[1]?.value).trim());
  }
  const y = Number(entries.get('fiscalYear'));
  return { entries, fiscalYear: Number.isInteger(y) && y > 0 ? y : undefined };
}
