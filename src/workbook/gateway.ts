import type { WorkbookGrid } from '../plan/grid';
import type { WorkbookEdits } from '../plan/edits';
import type { CellChange } from '../plan/live';

/**
 * The one door between the plan engine and a workbook. The engine reads a grid,
 * decides, and hands back edits; it cannot tell Excel from a file.
 */
export interface WorkbookGateway {
  /** Name used in messages: the file name, or the workbook's name in Excel. */
  readonly label: string;
  read(): Promise<WorkbookGrid>;
  apply(edits: WorkbookEdits): Promise<void>;
  /**
   * The workbook after people's `changes` since `base` (a grid this gateway read), reading only
   * what those changes can have touched; a full read whenever that cannot be bounded. Only
   * gateways that hear of edits (Excel) have it.
   */
  readEdited?(base: WorkbookGrid, changes: readonly CellChange[]): Promise<WorkbookGrid>;
}

/** A failure a person can act on; `message` is Japanese and names the file (and sheet/cell). */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly file?: string,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
