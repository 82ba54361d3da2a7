/**
 * What a department's submission may be. A department workbook is a few hundred rows;
 * these bounds leave ample room and still refuse, before it is loaded, a file that would
 * tie up the compile (ExcelJS holds every cell as an object). Stated in 記入方法 and --help.
 */
export const SUBMISSION_LIMITS = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxCells: 200_000,
  // A department workbook's parts are well under 1 MB; a lying zip directory costs at most this much inflating.
  maxPartBytes: 16 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  // A department workbook is a few hundred rows of the master's columns; far more is not one.
  maxRow: 20_000,
  maxCol: 256,
});

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
