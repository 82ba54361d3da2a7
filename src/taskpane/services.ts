import type { Analysis, AnalyzeOptions } from '../plan/engine';
import type { WorkbookEdits } from '../plan/edits';
import type { WorkbookGrid } from '../plan/grid';
import type { WorkbookGateway } from '../workbook/gateway';

/** The part of the plan engine's façade (src/plan/engine) the pane uses. */
export interface Engine {
  analyze(grid: WorkbookGrid, options?: AnalyzeOptions): Analysis;
  progressEdits(analysis: Analysis): WorkbookEdits;
  revisionEdits(analysis: Analysis): WorkbookEdits;
}

/** Loads the engine (a lazily loaded chunk in the build; a fake in tests). */
export type EngineLoader = () => Promise<Engine>;

/**
 * A workbook the pane works on: the gateway plus what the host can additionally do.
 * Components only ever see this; Office and ExcelJS stay behind it.
 */
export interface Connection {
  gateway: WorkbookGateway;
  /** Activates the sheet and selects the cell (Excel). Without it the pane shows the cell itself. */
  selectCell?(sheet: string, address: string): Promise<void>;
  /** The workbook as .xlsx bytes (a file opened outside Excel): what 結果をダウンロード saves. */
  toBuffer?(): Promise<ArrayBuffer | Uint8Array>;
}

/** Opens a chosen .xlsx file as a connection (lazily loads the ExcelJS gateway in the build). */
export type FileOpener = (file: File) => Promise<Connection>;

/** Hands a finished file to the person (an `<a download>` in the browser). */
export type FileSaver = (blob: Blob, fileName: string) => void;

/** Where the pane runs: inside Excel with a connection, or outside any host. */
export type HostMode =
  | { kind: 'excel'; connection: Connection }
  | { kind: 'none'; reason: 'office-missing' | 'not-excel' | 'timeout' | 'failed' };
