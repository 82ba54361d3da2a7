import { compile, departmentSheets, splitMaster, trendChartSheet } from '../../plan';
import type { Tools } from '../services';
import { readSubmission, sha256, sheetSubmissions, workbookBytes, zip } from './files';

/** The coordinator's tools as one object: the entry of their chunk. */
export const tools: Tools = {
  splitMaster,
  departmentSheets,
  departmentSheetSubmissions: sheetSubmissions,
  compile,
  trendChartSheet,
  workbookBytes,
  readSubmission,
  sha256,
  zip,
};
