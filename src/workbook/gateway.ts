import type { WorkbookGrid } from '../plan/grid';
import type { WorkbookEdits } from '../plan/edits';

/**
 * The one door between the plan engine and a workbook. The engine reads a grid,
 * decides, and hands back edits; it cannot tell Excel from a file.
 */
export interface WorkbookGateway {
  /** Name used in messages: the file name, or the workbook's name in Excel. */
  readonly label: string;
  read(): Promise<WorkbookGrid>;
  apply(edits: WorkbookEdits): Promise<void>;
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
