import type { HostMode } from './services';

/**
 * From navigation start, when the file mode shows at the latest if Office has not answered
 * (a hanging CDN, a broken office.js): the page must offer files within 2 s, render included.
 */
export const FILE_MODE_BY_MS = 1500;

/**
 * How long the first render waits for the host's answer when Office may be there. It usually
 * comes within a few hundred milliseconds; waiting means one render of the real first screen
 * (no file mode flashing inside Excel), and the page's own 「読み込んでいます…」 shows meanwhile.
 */
export const FIRST_RENDER_WAIT_MS = 1000;

export interface StartupPlan {
  /** The host's answer when it is already known: the pane starts on its real screen. */
  initialMode?: HostMode;
  /** What the pane still waits for the host before offering files anyway. */
  hostPatienceMs: number;
}

export interface StartupOptions {
  /** False when nothing says Office hosts the page (officeScript.ts: mayBeHosted). */
  hosted: boolean;
  /** Milliseconds since navigation start. */
  elapsedMs: number;
  /** Timers (fake ones in tests). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/**
 * When to render first and with what. Outside Office (no sign of a host) office.js would only
 * say "no host", so the file mode renders at once; a late Excel answer still switches the pane.
 * Where Office may be there, the first render waits a little for its answer, and the file mode
 * shows by FILE_MODE_BY_MS at the latest.
 */
export function startupPlan(detection: Promise<HostMode>, options: StartupOptions): Promise<StartupPlan> {
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  if (!options.hosted) {
    return Promise.resolve({ initialMode: { kind: 'none', reason: 'not-excel' }, hostPatienceMs: 0 });
  }
  let known: HostMode | undefined;
  const settled = detection.then(
    (mode) => {
      known = mode;
    },
    () => undefined,
  );
  const firstWait = Math.max(0, Math.min(FIRST_RENDER_WAIT_MS, FILE_MODE_BY_MS - options.elapsedMs));
  const waited = new Promise<void>((resolve) => later(resolve, firstWait));
  return Promise.race([settled, waited]).then(() => ({
    initialMode: known,
    hostPatienceMs: Math.max(0, FILE_MODE_BY_MS - options.elapsedMs - firstWait),
  }));
}
