/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, screen } from '@testing-library/react';
import fc from 'fast-check';
import { detectHost, type HostGlobals } from '../../src/taskpane/host';
import { mayBeHosted, officeScriptLoaded, OFFICE_SCRIPT_ID, type HostSigns } from '../../src/taskpane/officeScript';
import type { Connection, HostMode } from '../../src/taskpane/services';
import { FILE_MODE_BY_MS, startupPlan } from '../../src/taskpane/startup';
import { FakeGateway, renderPane, sampleGrid } from './fakes';

/** The page's `<script id="office-js" async>` as taskpane.html writes it, still loading. */
function pendingOfficeScript(): HTMLScriptElement {
  const script = document.createElement('script');
  script.id = OFFICE_SCRIPT_ID;
  document.head.appendChild(script);
  return script;
}

const never = () => new Promise<boolean>(() => {});

/** What index.tsx does, with fake timers: plan the first render, then render the pane. */
function start(detection: Promise<HostMode>, hosted: boolean, elapsedMs = 200) {
  let planned: Awaited<ReturnType<typeof startupPlan>> | undefined;
  void startupPlan(detection, { hosted, elapsedMs }).then((p) => (planned = p));
  return {
    /** Lets fake time pass, then renders once the plan is ready. */
    async after(ms: number) {
      await act(async () => {
        jest.advanceTimersByTime(ms);
        await Promise.resolve();
      });
      if (!planned) return false;
      renderPane({ detectHost: () => detection, initialMode: planned.initialMode, hostPatienceMs: planned.hostPatienceMs });
      return true;
    },
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  document.getElementById(OFFICE_SCRIPT_ID)?.remove();
});

describe('start-up when office.js hangs', () => {
  it('offers files by 2 s inside a host whose office.js request never answers, and not before the first-render wait', async () => {
    pendingOfficeScript();
    const connect = jest.fn();
    const detection = detectHost({}, connect, never);
    const pane = start(detection, true);
    // The first render waits for the host a little (no file mode flashing inside Excel)…
    expect(await pane.after(500)).toBe(false);
    expect(await pane.after(FILE_MODE_BY_MS - 200 - 500)).toBe(true);
    // …and the file mode is there by FILE_MODE_BY_MS after navigation, well within 2 s.
    act(() => {
      jest.advanceTimersByTime(FILE_MODE_BY_MS - 200 - 1000 + 1);
    });
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
    expect(screen.queryByText('Excel に接続しています…')).not.toBeInTheDocument();
    expect(connect).not.toHaveBeenCalled();
  });

  it('still switches to Excel when office.js finally arrives after the file mode showed', async () => {
    const script = pendingOfficeScript();
    const globals: HostGlobals = {};
    const excel = new FakeGateway(sampleGrid(), 'Book1');
    const connection: Connection = { gateway: excel };
    const detection = detectHost(
      globals,
      () => Promise.resolve(connection),
      () => officeScriptLoaded(document),
    );
    const pane = start(detection, true);
    await pane.after(FILE_MODE_BY_MS);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeInTheDocument();

    globals.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: 'Excel' }) };
    globals.Excel = { run: jest.fn() };
    await act(async () => {
      script.dispatchEvent(new Event('load'));
      await Promise.resolve();
    });
    await act(async () => {
      await jest.runOnlyPendingTimersAsync();
    });
    expect(screen.getByRole('button', { name: '提出前チェック' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'ファイルを開く' })).not.toBeInTheDocument();
  });

  it('renders the file mode at once where nothing says Office hosts the page', async () => {
    pendingOfficeScript();
    const pane = start(detectHost({}, jest.fn(), never), false);
    expect(await pane.after(0)).toBe(true);
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
  });

  it('renders the file mode at once when Office.onReady answers with no host', async () => {
    const globals: HostGlobals = { Office: { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null }) } };
    const pane = start(detectHost(globals, jest.fn(), never), true);
    expect(await pane.after(0)).toBe(true);
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
  });

  it('renders the file mode at once when the page has no office.js (Office undefined)', async () => {
    const pane = start(
      detectHost({}, jest.fn(), () => officeScriptLoaded(document)),
      true,
    );
    expect(await pane.after(0)).toBe(true);
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
  });
});

describe('officeScriptLoaded', () => {
  it('reads an outcome the page recorded before the pane ran', async () => {
    const script = pendingOfficeScript();
    script.setAttribute('data-state', 'failed');
    await expect(officeScriptLoaded(document)).resolves.toBe(false);
    script.setAttribute('data-state', 'loaded');
    await expect(officeScriptLoaded(document)).resolves.toBe(true);
  });

  it('waits for the load or error event of a script still loading', async () => {
    const script = pendingOfficeScript();
    const loaded = officeScriptLoaded(document);
    script.dispatchEvent(new Event('error'));
    await expect(loaded).resolves.toBe(false);
    const again = officeScriptLoaded(document);
    script.dispatchEvent(new Event('load'));
    await expect(again).resolves.toBe(true);
  });
});

describe('mayBeHosted', () => {
  const top = (): HostSigns => {
    const win: HostSigns = { location: { search: '', hash: '' }, name: '', sessionStorage: { getItem: () => null } };
    win.parent = win;
    return win;
  };
  /** Each thing office.js reads to find its host, set on an otherwise plain top-level page. */
  const signs: Record<string, (w: HostSigns) => void> = {
    query: (w) => (w.location = { search: '?_host_Info=Excel$Win32$16.01$ja-JP$$$$0', hash: '' }),
    hash: (w) => (w.location = { search: '', hash: '#_host_Info=Excel$Mac$16.00$ja-JP' }),
    windowName: (w) => (w.name = JSON.stringify({ hostInfo: 'Excel|Web|16.00|ja-JP' })),
    frame: (w) => (w.parent = {}),
    external: (w) => (w.external = { GetHostInfo: () => 'Excel$Win32$16.01$ja-JP' }),
    agave: (w) => (w.agaveHost = {}),
    stored: (w) => (w.sessionStorage = { getItem: (k) => (k === 'hostInfoValue' ? 'Excel$Win32$16.01' : null) }),
    webview2: (w) => (w.chrome = { webview: {} }),
    wkwebview: (w) => (w.webkit = { messageHandlers: {} }),
  };

  it('is false for a plain browser tab', () => {
    expect(mayBeHosted(top())).toBe(false);
    // Chromium's own window.chrome and window.external are no sign of Office.
    expect(mayBeHosted({ ...top(), chrome: {}, external: {}, parent: undefined })).toBe(false);
  });

  it('is true for any combination of the signs office.js reads', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(signs), { minLength: 1 }), (chosen) => {
        const win = top();
        for (const key of chosen) signs[key](win);
        expect(mayBeHosted(win)).toBe(true);
      }),
    );
  });

  it('counts a window that throws when asked (cross-origin parent, blocked storage) as hosted', () => {
    const win = top();
    win.sessionStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(mayBeHosted(win)).toBe(true);
  });
});
