import type { Mark } from '../../plan/edits';

/**
 * Fill colour (ARGB) for each mark. Arrow and sentence marks carry no fill: they flag
 * cells whose own formatting the report already uses, so the colour is left as it is.
 */
export const MARK_FILLS: Readonly<Record<Mark, string | null>> = {
  arrow: null,
  sentence: null,
  revised: 'FFFCE4D6',
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  input: 'FFDDEBF7',
  conflict: 'FFF4B084',
  // Not a colour: the fill (and the note) is removed (write-cells.ts).
  clear: null,
};
