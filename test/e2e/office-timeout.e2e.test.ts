/**
 * @jest-environment node
 *
 * The production build in Chromium when the office.js request never answers (a closed network
 * where the CDN hangs): the page must not stay blank, and the file mode must appear.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Builds dist/ first
 * (webpack --mode production, OFFICE_JS=local) when it is missing or stale.
 */
import * as fs from 'fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium, serveDir, snapshotDist } from './support/dist';

const SETUP_TIMEOUT = 15 * 60_000;
const STEP_TIMEOUT = 120_000;

let browser: Browser | undefined;
let server: { url: string; close(): Promise<void> } | undefined;
let snapshot: string | undefined;

beforeAll(async () => {
  // Fail (never skip) without a browser: CI installs it.
  const executablePath = requireChromium();
  snapshot = await snapshotDist('office-timeout-e2e-', { log: (m) => process.stderr.write(`${m}\n`) });
  server = await serveDir(snapshot);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (snapshot) fs.rmSync(snapshot, { recursive: true, force: true });
});

/**
 * Opens the pane with every office.js request held forever (never answered, never failed), and
 * returns once ファイルを開く is usable, with what the page saw meanwhile.
 */
async function openWithHangingOfficeJs(query: string) {
  if (!browser || !server) throw new Error('the browser or the server did not start');
  const context: BrowserContext = await browser.newContext({ viewport: { width: 350, height: 700 }, locale: 'ja-JP' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const held: string[] = [];
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  let officeAnswered = false;
  await page.route('**/office-js/**', (route) => {
    // Neither continue() nor fulfill() nor abort(): the request stays open, as with a hanging CDN.
    held.push(new URL(route.request().url()).pathname);
  });
  page.on('requestfinished', (r) => {
    if (/office-js\//.test(r.url())) officeAnswered = true;
  });
  await page.goto(`${server.url}taskpane.html${query}`, { waitUntil: 'commit' });
  // Generous: a busy machine may be slow; the 2 s promise is measured by the unit test with fake
  // timers, this checks that the real page does not wait for office.js at all.
  const open = page.getByRole('button', { name: 'ファイルを開く' });
  await open.waitFor({ state: 'visible', timeout: 60_000 });
  const state = await page.evaluate(() => ({
    officeDefined: 'Office' in window,
    scriptState: document.getElementById('office-js')?.getAttribute('data-state') ?? null,
    loadingNote: document.getElementById('pane-loading') !== null,
  }));
  // The Office gateway's own chunk (office.<hash>.js), not office.js itself.
  const gatewayChunk = () => requested.some((p) => /\/office\.[0-9a-f]{8}\.js$/.test(p));
  return { context, page, errors, held, officeAnswered: () => officeAnswered, gatewayChunk, state };
}

describe('when the office.js request never answers', () => {
  // Outside Office the Office gateway's code is never fetched; where the URL says Office may host
  // the page (what Excel on Windows appends), the pane waits for office.js a little and fetches its
  // gateway at once, alongside office.js. Either way the file mode must appear.
  it.each([
    { where: 'in a plain browser tab', query: '', gatewayFetched: false },
    { where: 'where the URL says Office hosts the page', query: '?_host_Info=Excel$Win32$16.01$ja-JP$$$$0', gatewayFetched: true },
  ])(
    'shows the file mode $where, while office.js is still pending',
    async ({ query, gatewayFetched }) => {
      const run = await openWithHangingOfficeJs(query);
      expect(run.held).toContain('/office-js/office.js');
      expect(run.gatewayChunk()).toBe(gatewayFetched);
      expect(run.officeAnswered()).toBe(false);
      expect(run.state).toMatchObject({ officeDefined: false, scriptState: null, loadingNote: false });
      expect(await run.page.getByText(/Excel の外で開いています/).isVisible()).toBe(true);
      expect(await run.page.getByRole('button', { name: 'ファイルを開く' }).isEnabled()).toBe(true);
      expect(run.errors).toEqual([]);
      await run.context.close();
    },
    STEP_TIMEOUT,
  );
});
