/** Types for scripts/check-manifest.js (plain JS so `node scripts/check-manifest.js` needs no build). */
export interface CheckOptions {
  /** Directory the manifest's URLs are served from: the repo root, or dist/ for a build. */
  rootDir?: string;
  /** Also require the same-origin .html pages to exist under rootDir. */
  pages?: boolean;
}
export declare function checkManifest(xml: string, options?: CheckOptions): string[];
export declare const EXPECTED: {
  displayName: string;
  locale: string;
  overrideLocale: string;
  excelApi: string;
  page: string;
};
export declare const OFFICE_APP_ORDER: string[];
