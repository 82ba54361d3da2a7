/**
 * office.js is loaded with `async` (see taskpane.html), so a hanging CDN — a closed network —
 * can no longer keep the page blank. Two questions follow, answered here without office.js:
 * has its script arrived yet, and is there any sign that Office hosts this page at all.
 */

/** The id of office.js's script element in taskpane.html. */
export const OFFICE_SCRIPT_ID = 'office-js';

/**
 * Resolves true once office.js has run, false when it failed to load or the page has no
 * office.js at all. Never resolves while the request hangs: the caller decides how long to wait.
 * The page's own onload/onerror attributes record an outcome that came before this script ran.
 */
export function officeScriptLoaded(doc?: Document): Promise<boolean> {
  // Outside a browser (the CLI's tests, server rendering) there is no page and no office.js.
  const page = doc ?? (typeof document === 'undefined' ? undefined : document);
  const script = page?.getElementById(OFFICE_SCRIPT_ID);
  if (!script) return Promise.resolve(false);
  const state = script.getAttribute('data-state');
  if (state === 'loaded') return Promise.resolve(true);
  if (state === 'failed') return Promise.resolve(false);
  return new Promise((resolve) => {
    script.addEventListener('load', () => {
      resolve(true);
    });
    script.addEventListener('error', () => {
      resolve(false);
    });
  });
}

/** The parts of `window` office.js reads to learn its host (see `_retrieveHostInfo` in office.debug.js). */
export interface HostSigns {
  location?: { search?: string; hash?: string };
  name?: string;
  parent?: unknown;
  external?: unknown;
  sessionStorage?: { getItem(key: string): string | null };
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: unknown };
  agaveHost?: unknown;
}

/**
 * False only when nothing office.js would look at says an Office host is there: a top-level
 * page with no `_host_Info`, no host object, no stored host info, no embedding webview. Office
 * then answers "no host" anyway, so the pane need not wait for office.js to say so. Any sign
 * (or any doubt) counts as hosted.
 */
export function mayBeHosted(win: HostSigns = globalThis): boolean {
  try {
    const where = `${win.location?.search ?? ''}${win.location?.hash ?? ''}`;
    if (/[?&#]_host_Info=/i.test(where)) return true;
    if (win.name && win.name.length > 0) return true;
    if (win.parent !== undefined && win.parent !== win) return true;
    if (win.agaveHost !== undefined) return true;
    const external = win.external as { GetHostInfo?: unknown } | null | undefined;
    if (external && typeof external.GetHostInfo === 'function') return true;
    if (win.sessionStorage?.getItem('hostInfoValue')) return true;
    if (win.chrome?.webview !== undefined || win.webkit?.messageHandlers !== undefined) return true;
    return false;
  } catch {
    // A cross-origin parent or a blocked storage throws: that is itself a sign of embedding.
    return true;
  }
}
