/// <reference types="office-js" />
import { WorkbookError } from '../gateway';
import { DEFAULT_LABEL, OfficeWorkbook, type OfficeWorkbookOptions } from './officeWorkbook';
import { hostSupports } from './requirements';

/**
 * Builds an OfficeWorkbook from the real office.js globals, named after the open workbook.
 * Call after `Office.onReady()` reported Excel.
 */
export async function connectOfficeWorkbook(extra: Partial<OfficeWorkbookOptions> = {}): Promise<OfficeWorkbook> {
  if (typeof Excel === 'undefined' || typeof Office === 'undefined') {
    throw new WorkbookError('Excel の中で開かれていないため、ブックに接続できません。ファイルを選んで点検してください。', 'NoHost');
  }
  const options: OfficeWorkbookOptions = {
    supports: hostSupports,
    runOn: (context, batch) => Excel.run(context, batch),
    createWorkbook: typeof Excel.createWorkbook === 'function' ? (base64) => Excel.createWorkbook(base64) : undefined,
    ...extra,
  };
  let label = DEFAULT_LABEL;
  try {
    // Workbook.name is ExcelApi 1.7; an unsaved workbook still has one (Book1).
    label = await Excel.run(async (ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      return ctx.workbook.name || DEFAULT_LABEL;
    });
  } catch {
    // The generic label is enough for messages.
  }
  return new OfficeWorkbook((batch) => Excel.run(batch), label, options);
}
