/**
 * Upper bounds for what the file adapter will load. ExcelJS keeps every cell as an object,
 * so a workbook far beyond a progress report's size would exhaust memory (and a browser tab)
 * long before it finished loading; refusing early gives a message instead of a crash.
 * The part sizes are checked before and while inflating, so a zip bomb costs at most maxPartBytes.
 */
export interface FileLimits {
  maxBytes: number;
  maxCells: number;
  /** Inflated size of any one part of the .xlsx (declared and actual). */
  maxPartBytes?: number;
  /** Inflated size of all parts together. */
  maxTotalBytes?: number;
  /** Highest row and column a cell may have (1-based). */
  maxRow?: number;
  maxCol?: number;
}

export const FILE_LIMITS: Readonly<FileLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxCells: 2_000_000,
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  // Excel's own sheet size.
  maxRow: 1_048_576,
  maxCol: 16_384,
});
