import {
  authenticate,
  compile,
  departmentSheets,
  secretOf,
  signSplit,
  splitMaster,
  trendChartSheet,
  type SplitResult,
  type WorkbookGrid,
} from '../../plan';
import type { Tools } from '../services';
import { readSubmission, sha256, sheetSubmissions, workbookBytes, zip } from './files';

/** The coordinator's tools as one object: the entry of their chunk. */
/** The master's secret signs what it hands out; without one the caller must say the files are unsigned. */
async function signFromMaster(master: WorkbookGrid, result: SplitResult): Promise<{ result: SplitResult; signed: boolean }> {
  const secret = secretOf(master);
  return secret ? { result: await signSplit(result, secret), signed: true } : { result, signed: false };
}

export const tools: Tools = {
  splitMaster,
  signSplit: signFromMaster,
  authenticate: (master, submissions) => authenticate(submissions, secretOf(master)),
  departmentSheets,
  departmentSheetSubmissions: sheetSubmissions,
  compile,
  trendChartSheet,
  workbookBytes,
  readSubmission,
  sha256,
  zip,
};
