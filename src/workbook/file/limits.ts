/**
 * Upper bounds for what the file adapter will load. ExcelJS keeps every cell as an object,
 * so a workbook far beyond a progress report's size would exhaust memory (and a browser tab)
 * long before it finished loading; refusing early gives a message instead of a crash.
 */
export interface FileLimits {
  maxBytes: number;
  maxCells: number;
}

export const FILE_LIMITS: Readonly<FileLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxCells: 2_000_000,
});
