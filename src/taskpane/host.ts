import { officeScriptLoaded } from './officeScript';
import type { Connection, HostMode } from './services';

/**
 * The only place that knows about Office. It decides where the pane runs and, inside
 * Excel, builds the connection from the Office gateway (src/workbook/office). Components
 * receive the connection and never see Office.
 */

/** The bits of office.js this module touches (typed here so nothing else needs @types/office-js). */
export interface OfficeGlobal {
  onReady(): Promise<{ host: unknown; platform?: unknown } | undefined>;
  HostType: { Excel: unknown };
}

export interface HostGlobals {
  Office?: OfficeGlobal;
  Excel?: { run: unknown };
}

/** Builds the Excel connection; the default loads the Office gateway. */
export type OfficeConnector = () => Promise<Connection>;

/** Resolves once office.js has run (true) or cannot (false); may never resolve while its request hangs. */
export type OfficeScriptLoader = () => Promise<boolean>;

/**
 * Where the pane runs: no office.js → no host; otherwise whatever Office.onReady says.
 * office.js loads asynchronously, so this first waits for its script. While that request or
 * onReady hangs this does not resolve; the pane's host patience (index.tsx) shows the file mode
 * meanwhile and still switches to Excel should the answer come late.
 */
export async function detectHost(
  globals: HostGlobals = globalThis,
  connect: OfficeConnector = connectOffice,
  scriptLoaded: OfficeScriptLoader = () => officeScriptLoaded(),
): Promise<HostMode> {
  if (!globals.Office) await scriptLoaded();
  const office = globals.Office;
  // office.js did not load (offline, blocked, opened from disk): work on files instead.
  if (!office || typeof office.onReady !== 'function') return { kind: 'none', reason: 'office-missing' };
  const info = await office.onReady();
  if (!info || info.host == null || info.host !== office.HostType.Excel || !globals.Excel) {
    return { kind: 'none', reason: 'not-excel' };
  }
  return { kind: 'excel', connection: await connect() };
}

/**
 * The Office gateway's code, a chunk of its own: a browser outside Office never needs it, so the
 * first screen there does not parse it. index.tsx starts this at once where Office may host the
 * page, so inside Excel it arrives while office.js is still loading, not after onReady.
 */
export const loadOfficeGateway = () => import(/* webpackChunkName: "office" */ '../workbook/office');

/**
 * Inside Excel: the Office gateway (named after the open workbook) plus what only Excel can do:
 * select a cell, open a new workbook (where supported), draw charts, report people's edits.
 * Evaluated only once Excel is known to be there.
 */
const connectOffice: OfficeConnector = async () => {
  const { connectOfficeWorkbook } = await loadOfficeGateway();
  const workbook = await connectOfficeWorkbook();
  return {
    gateway: workbook,
    selectCell: (sheet, address) => workbook.selectCell(sheet, address),
    ...(workbook.canCreateWorkbook ? { createWorkbook: (base64: string) => workbook.createWorkbook(base64) } : {}),
    addTrendCharts: (sheet, charts) => workbook.addTrendCharts(sheet, charts),
    watchEdits: (onEdit) => workbook.onCellsEdited(onEdit),
  };
};
