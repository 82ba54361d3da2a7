export {
  OfficeWorkbook,
  DEFAULT_LABEL,
  type ExcelRun,
  type ExcelRunOn,
  type OfficeWorkbookOptions,
  type CellsChanged,
  type CellsEdited,
} from './officeWorkbook';
export { connectOfficeWorkbook } from './connect';
export { hostSupports, requires, type SupportsSet, type ApiSet } from './requirements';
export { OfficeWorkbookError, toWorkbookError, type WrittenState } from './officeErrors';
export { MARK_FILLS, DEFAULT_MAX_SYNC_BYTES } from './writeBlocks';
