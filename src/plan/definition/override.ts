import type { WorkbookEdits } from '../edits';
import type { Scalar, SheetGrid, WorkbookGrid } from '../grid';
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

/**
 * What stores `definition` in the workbook itself, as `init --plan` does: the metadata sheet
 * written again with the definition's rows and every other entry kept (the pane's 計画定義を読み込む).
 */
export function definitionEdits(grid: WorkbookGrid, definition: PlanDefinition): WorkbookEdits {
  const meta = gridWithDefinition(grid, definition).sheets.find((s) => s.name === METADATA_SHEET);
  const rows: Scalar[][] = (meta?.rows ?? []).map((r) => r.map((c) => c?.value ?? null));
  return { cells: [], sheets: [{ name: METADATA_SHEET, rows, state: 'veryHidden' }] };
}
