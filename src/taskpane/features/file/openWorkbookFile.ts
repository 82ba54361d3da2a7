import { fileBytes } from '../../bytes';
import type { Connection, FileOpener } from '../../services';

/**
 * Opens a chosen .xlsx with the file gateway. ExcelJS is large, so the gateway is imported
 * only here, when a file is chosen: it becomes its own chunk and never delays the pane.
 */
export const openWorkbookFile: FileOpener = async (file: File): Promise<Connection> => {
  const [data, { FileWorkbook }] = await Promise.all([
    fileBytes(file),
    import(/* webpackChunkName: "workbook-file" */ '../../../workbook/file'),
  ]);
  const workbook = await FileWorkbook.fromBuffer(data, file.name);
  return { gateway: workbook, toBuffer: () => workbook.toBuffer() };
};
