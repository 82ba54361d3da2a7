/// <reference types="office-js" />

/** `Office.context.requirements.isSetSupported`, or a stand-in for it in tests. */
export type SupportsSet = (set: string, version: string) => boolean;

/** The requirement sets this add-in checks at run time. */
export type ApiSet = 'ExcelApi' | 'ExcelApiDesktop' | 'ExcelApiOnline';

/**
 * Asks the host. Outside Office (tests, the CLI) and on hosts whose requirement check itself
 * throws, the answer is no: code behind a guard then takes the older path.
 */
export const hostSupports: SupportsSet = (set, version) => {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
};

/**
 * Runs `use` only where the host has `set` at `version` or later, and otherwise returns
 * undefined. It is the one guard for members newer than the manifest's minimum (ExcelApi 1.13):
 * `npm run audit:office` accepts such a member only when every path to it runs inside the `use`
 * of a requires() naming that set at that version or later. Pass the version as a literal so the
 * audit can read it.
 */
export function requires<T>(supports: SupportsSet, set: ApiSet, version: string, use: () => T): T | undefined {
  return supports(set, version) ? use() : undefined;
}
