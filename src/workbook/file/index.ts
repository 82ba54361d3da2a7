/** Browser-safe entry of the file adapter; Node-only helpers are in ./node. */
export { FileWorkbook, type WorkbookOrigin } from './file-workbook';
export { FILE_LIMITS, type FileLimits } from './limits';
export { MARK_FILLS } from './marks';
export { openWorkbookBytes } from './open';
export { inspectPackage, UNSUPPORTED_LABELS, type UnsupportedKind, type UnsupportedPart } from './package-parts';
export { decodeText, isTextFileName } from './text-input';
export { LISTS_SHEET } from './validations';
