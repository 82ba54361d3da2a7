export declare const ROOT: string;
export declare const DIST: string;
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function requireChromium(): string;
/** Why dist/ must be (re)built, or undefined when it is a current production build with a local office.js. */
export declare function staleReason(dist?: string, options?: { ignoreSources?: boolean }): string | undefined;
export declare function ensureDist(options?: { log?: (message: string) => void }): Promise<string>;
export declare function withLock<T>(fn: () => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
export declare function run(
  command: string,
  args: string[],
  options: import('child_process').SpawnOptions,
): Promise<{ code: number | null; output: string }>;
export declare function webpackBin(): string;
/** Ensures dist/ is current, then returns a private, consistent copy of it (a temp dir). */
export declare function snapshotDist(prefix?: string, options?: { log?: (message: string) => void }): Promise<string>;
export declare function serveDir(dir: string): Promise<{ url: string; close(): Promise<void> }>;
