import type {
  Analysis,
  AnalyzeOptions,
  CellChange,
  ChartSpec,
  CompileOptions,
  CompileResult,
  DepartmentSheetOptions,
  PlanDefinition,
  Rollover,
  DepartmentSheetsResult,
  ProgressReport,
  SheetSpec,
  SplitOptions,
  SplitResult,
  Steps,
  SubmissionInput,
  TrendChartSheet,
  WorkbookEdits,
  WorkbookGrid,
} from '../plan';
import type { WorkbookGateway } from '../workbook/gateway';
import type { DepartmentVerdict, WorkbookRole } from '../plan';

/** The part of the plan engine's façade (src/plan/engine) the pane uses. */
export interface Engine {
  analyze(grid: WorkbookGrid, options?: AnalyzeOptions): Analysis;
  /** The same analysis as steps the pane runs in slices, so a large workbook never blocks it. */
  analyzeSteps?(grid: WorkbookGrid, options?: AnalyzeOptions): Steps<Analysis>;
  /** `overwriteFormulas`: arrows replace the formulas in 進捗状況 cells (kept unless asked). */
  progressEdits(analysis: Analysis, options?: { overwriteFormulas?: boolean }): WorkbookEdits;
  revisionEdits(analysis: Analysis): WorkbookEdits;
  /** The input cells split handed out in this workbook (`sheet!A1`), for live validation. */
  inputCells?(grid: WorkbookGrid): ReadonlySet<string>;
  /** Whose workbook this is (coordinator, clerk, unknown): what the pane offers. */
  workbookRole?(grid: WorkbookGrid, recognised: boolean): WorkbookRole;
  /** The one verdict on a department workbook, as `shinchoku check` and compile give it. */
  departmentVerdict?(grid: WorkbookGrid): DepartmentVerdict;
  /** A definition file's text checked against the schema; throws PlanDefinitionError naming each field. */
  parsePlanDefinition?(text: string, source: string): PlanDefinition;
  /** What stores a definition in the workbook's metadata, as `init --plan` stores it. */
  definitionEdits?(grid: WorkbookGrid, definition: PlanDefinition): WorkbookEdits;
  /** The workbook as it reads with `definition` stored in it (to try a definition before writing it). */
  gridWithDefinition?(grid: WorkbookGrid, definition: PlanDefinition): WorkbookGrid;
  /** The master carried into the year after its own (as `shinchoku rollover` does). */
  rolloverToNextYear?(grid: WorkbookGrid, now: string, masterFile: string): Rollover;
}

/** Loads the engine (a lazily loaded chunk in the build; a fake in tests). */
export type EngineLoader = () => Promise<Engine>;

/**
 * The coordinator's tools: department workbooks and sheets, compile, the chart table, and the
 * file work they need (ExcelJS, JSZip, WebCrypto). A chunk of its own, loaded on first use.
 */
export interface Tools {
  splitMaster(master: WorkbookGrid, options: SplitOptions): SplitResult;
  /**
   * Signs a split's department workbooks with the master's secret, as the CLI does with its key
   * file. `signed: false`: the master holds no secret, and the files go out unsigned.
   */
  signSplit(master: WorkbookGrid, result: SplitResult): Promise<{ result: SplitResult; signed: boolean }>;
  /** Marks each submitted workbook authentic or not against the master's secret (none: unchanged). */
  authenticate(master: WorkbookGrid, submissions: readonly SubmissionInput[]): Promise<SubmissionInput[]>;
  departmentSheets(master: WorkbookGrid, options: DepartmentSheetOptions): DepartmentSheetsResult;
  /**
   * The master's 課別シート with entries, as submissions, each hashed (SHA-256 of its values).
   * Refuses (PaneKeyError) when there are none, or none with anything entered.
   */
  departmentSheetSubmissions(master: WorkbookGrid): Promise<SubmissionInput[]>;
  compile(master: WorkbookGrid, submissions: readonly SubmissionInput[], options: CompileOptions): CompileResult;
  trendChartSheet(report: ProgressReport): TrendChartSheet;
  /** An .xlsx built from edits on an empty workbook (a department workbook). */
  workbookBytes(fileName: string, edits: WorkbookEdits): Promise<Uint8Array>;
  /**
   * A chosen file opened for compile, checked and read as the CLI does: one too large is
   * refused before `read` is called; the bytes are hashed with WebCrypto.
   */
  readSubmission(fileName: string, size: number, read: () => Promise<Uint8Array>): Promise<SubmissionInput>;
  /** SHA-256 (hex) with WebCrypto. */
  sha256(data: Uint8Array | string): Promise<string>;
  /** One .zip holding the files. */
  zip(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Uint8Array>;
}

export type ToolsLoader = () => Promise<Tools>;

/**
 * A workbook the pane works on: the gateway plus what the host can additionally do.
 * Components only ever see this; Office and ExcelJS stay behind it.
 */
export interface Connection {
  gateway: WorkbookGateway;
  /** Activates the sheet and selects the cell (Excel). Without it the pane shows the cell itself. */
  selectCell?: (sheet: string, address: string) => Promise<void>;
  /** The workbook as .xlsx bytes (a file opened outside Excel): what 結果をダウンロード saves. */
  toBuffer?: () => Promise<ArrayBuffer | Uint8Array>;
  /** Opens an .xlsx (base64) as a new workbook (Excel with ExcelApi 1.8 and Excel.createWorkbook). */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Native line charts on a sheet of their own (Excel only: ExcelJS cannot write charts). */
  addTrendCharts?: (sheet: SheetSpec, charts: readonly ChartSpec[]) => Promise<void>;
  /** People's edits as they happen (Excel only). Resolves to a function that stops watching. */
  watchEdits?: (onEdit: (change: CellChange) => void) => Promise<() => Promise<void>>;
}

/** Opens a chosen .xlsx file as a connection (lazily loads the ExcelJS gateway in the build). */
export type FileOpener = (file: File) => Promise<Connection>;

/** Hands a finished file to the person (an `<a download>` in the browser). */
export type FileSaver = (blob: Blob, fileName: string) => void;

/** Where the pane runs: inside Excel with a connection, or outside any host. */
export type HostMode =
  { kind: 'excel'; connection: Connection } | { kind: 'none'; reason: 'office-missing' | 'not-excel' | 'timeout' | 'failed' };
