import type { TFunction } from 'i18next';
import { WorkbookError } from '../../workbook/gateway';

/** An error to show in the pane: either a translation key or a message already meant for people. */
export type PaneError = { kind: 'message'; message: string } | { kind: 'key'; key: string; values?: Record<string, string | number> };

/** An error the pane itself raises, worded in the resource files. */
export class PaneKeyError extends Error {
  constructor(
    readonly key: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(key);
    this.name = 'PaneKeyError';
  }
}

export function toPaneError(error: unknown): PaneError {
  if (error instanceof PaneKeyError) return { kind: 'key', key: error.key, values: error.values };
  // The engine's own refusals (SplitError, CompileError) are Japanese sentences naming the file.
  if (error instanceof WorkbookError || (error instanceof Error && /^(WorkbookError|SplitError|CompileError)$/.test(error.name))) {
    return { kind: 'message', message: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'key', key: 'error.unexpected', values: { detail } };
}

export function paneErrorText(error: PaneError, t: TFunction): string {
  return error.kind === 'message' ? error.message : t(error.key, error.values);
}
