import type { SheetGrid, WorkbookGrid } from '../grid';
import { METADATA_SHEET } from '../recognize/metadata';
import { DEFINITION_KEY, definitionEntries } from './stored';
import type { PlanDefinition } from './types';

/**
 * The workbook as if it carried `definition` in its metadata: how `--plan` reaches every
 * command (check, progress, split, compile) through the one place they already read the plan from.
 */
export function gridWithDefinition(grid: WorkbookGrid, definition: PlanDefinition): WorkbookGrid {
  const old = grid.sheets.find((s) => s.name === METADATA_SHEET);
  const kept = (old?.rows ?? []).filter((r) => {
    const key = String(r[0]?.value ?? '');
    return key !== 'plan' && key !== DEFINITION_KEY && !key.startsWith(`${DEFINITION_KEY}.`);
  });
  const rows = [...definitionEntries(definition).map(([k, v]) => [{ value: k }, { value: v }]), ...kept];
  const sheet: SheetGrid = { ...(old ?? { name: METADATA_SHEET }), name: METADATA_SHEET, rows };
  const sheets = old ? grid.sheets.map((s) => (s === old ? sheet : s)) : [...grid.sheets, sheet];
  return { ...grid, sheets };
}
