/**
 * @jest-environment node
 *
 * The coordinator's path on a large plan, in the production build in Chromium at the narrowest
 * pane (320 px), outside Excel: a master of 2,000 indicators opened as a file, 提出前チェック
 * with its coverage and the findings grouped by sheet in virtual lists, 進捗状況を記入, and the
 * downloaded workbook holding the arrows. Functional only: how long each step takes is the
 * benchmark's business (npm run bench:pane), never this test's.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and fonts-noto-cjk.
 * Builds dist/ first (webpack --mode production, OFFICE_JS=local) when it is missing or stale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze, progressEdits, type Analysis } from '../../src/plan/engine';
import { coverageLine } from '../../src/plan/coverage';
import type { WorkbookEdits } from '../../src/plan/edits';
import { a1 } from '../../src/plan/grid';
import { FileWorkbook } from '../../src/workbook/file';
import { largeMasterSheets } from '../plan/large-master';
import { CHROMIUM_ARGS, requireChromium, serveDir, snapshotDist } from './support/dist';

const FILE = '大きな計画.xlsx';
const PER_POLICY = [286, 286, 286, 286, 286, 286, 284];
const INDICATORS = 2000;
const SETUP_TIMEOUT = 15 * 60_000;
// A busy two-core machine: each step may take long, and only what it shows is asserted.
const STEP_TIMEOUT = 10 * 60_000;
const WAIT = 5 * 60_000;

let browser: Browser | undefined;
let page: Page;
let server: { url: string; close(): Promise<void> } | undefined;
let snapshot: string | undefined;
let downloads: string;
let bytes: Buffer;
const pageErrors: string[] = [];

/** What the engine makes of the master in Node: the browser must show and write the same. */
let analysis: Analysis;
let edits: WorkbookEdits;

beforeAll(async () => {
  const executablePath = requireChromium();
  const built = FileWorkbook.create(FILE);
  // Every fourth indicator's latest figure is words: 500 errors, more than one screen per sheet.
  await built.apply({ cells: [], sheets: largeMasterSheets(PER_POLICY, { unreadableEvery: 4 }) });
  bytes = Buffer.from(await built.toBuffer());
  analysis = analyze(await (await FileWorkbook.fromBuffer(new Uint8Array(bytes), FILE)).read());
  edits = progressEdits(analysis);

  snapshot = await snapshotDist('pane-large-e2e-', { log: (m) => process.stderr.write(`${m}\n`) });
  server = await serveDir(snapshot);
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-large-e2e-'));
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'ja-JP', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('filechooser', () => {});
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (snapshot) fs.rmSync(snapshot, { recursive: true, force: true });
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

async function noSidewaysScroll() {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('the coordinator on a 2,000-indicator master, at 320 px', () => {
  it(
    'opens the master as a file and knows it for the coordinator’s',
    async () => {
      expect(analysis.counts.indicators).toBe(INDICATORS);
      await page.goto(`${server!.url}taskpane.html`);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'ファイルを開く' }).click()]);
      await chooser.setFiles({ name: FILE, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
      await page.getByText(`${FILE} を開いています。`).waitFor({ state: 'visible' });
      await page.getByRole('button', { name: '進捗状況を記入' }).waitFor({ state: 'visible' });
      await noSidewaysScroll();
    },
    STEP_TIMEOUT,
  );

  it(
    '提出前チェック states the coverage and lists the findings by sheet, the rows in view only',
    async () => {
      await page.getByRole('button', { name: '提出前チェック' }).click();
      const errors = analysis.findings.filter((f) => f.severity === 'error').length;
      const warnings = analysis.findings.length - errors;
      expect(errors).toBeGreaterThanOrEqual(INDICATORS / 4);
      const verdict = page.getByTestId('verdict');
      await verdict.getByText(`エラー ${errors} 件・注意 ${warnings} 件`, { exact: true }).waitFor({ state: 'visible' });
      const said = await verdict.innerText();
      expect(said).toContain(`基本指標 ${INDICATORS}/${INDICATORS}`);
      expect(said).toContain(coverageLine(analysis.coverage));

      // One heading per sheet with its counts; with this many findings only the first sheet starts open.
      const bySheet = new Map<string, { errors: number; warnings: number }>();
      for (const f of analysis.findings) {
        const n = bySheet.get(f.sheet) ?? { errors: 0, warnings: 0 };
        if (f.severity === 'error') n.errors++;
        else n.warnings++;
        bySheet.set(f.sheet, n);
      }
      const opened: string[] = [];
      for (const [sheet, n] of bySheet) {
        const toggle = page.getByRole('button', { name: `${sheet || 'ファイル全体'} エラー ${n.errors}・注意 ${n.warnings}`, exact: true });
        await toggle.waitFor({ state: 'visible' });
        if ((await toggle.getAttribute('aria-expanded')) === 'true') opened.push(sheet);
      }
      expect(bySheet.size).toBeGreaterThan(1);
      expect(opened).toHaveLength(1);
      const sheet = opened[0];
      const total = analysis.findings.filter((f) => f.sheet === sheet).length;
      const rows = page.getByRole('list', { name: `${sheet} の指摘` }).getByRole('listitem');
      await rows.first().waitFor({ state: 'visible' });
      expect(await rows.first().getAttribute('aria-setsize')).toBe(String(total));
      expect(await rows.count()).toBeLessThan(total);
      // The list starts with the sheet's first error, named by its cell.
      const first = analysis.findings.find((f) => f.sheet === sheet && f.severity === 'error')!;
      await rows.first().getByText(first.cell).waitFor({ state: 'visible' });
      await noSidewaysScroll();
    },
    STEP_TIMEOUT,
  );

  it(
    '進捗状況を記入 completes, shows every 施策, and the downloaded workbook holds the arrows',
    async () => {
      await page.getByRole('button', { name: '進捗状況を記入' }).click();
      await page.getByText(`${edits.cells.length} か所に記入しました。`).waitFor({ state: 'visible' });
      for (const policy of analysis.progress!.policies) {
        const card = page.getByRole('article', { name: `施策${policy.number}\u3000${policy.title}` });
        await card.getByText(policy.sentence, { exact: true }).waitFor({ state: 'visible' });
        const list = card.getByRole('list', { name: '指標' });
        expect(await list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(policy.indicators.length));
      }
      await noSidewaysScroll();
      expect(pageErrors).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '結果をダウンロード' }).click(),
      ]);
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const arrows = edits.cells.filter((e) => e.mark === 'arrow');
      // Every indicator whose latest figure could be read gets an arrow.
      expect(arrows.length).toBeGreaterThanOrEqual((INDICATORS * 3) / 4);
      // The first, a middle and the last arrow of the batch, and one on each 施策 sheet.
      const sample = [arrows[0], arrows[Math.floor(arrows.length / 2)], arrows[arrows.length - 1]];
      for (const sheet of new Set(arrows.map((e) => e.sheet))) sample.push(arrows.find((e) => e.sheet === sheet)!);
      for (const e of sample) {
        const value = book
          .getWorksheet(e.sheet)
          ?.getRow(e.row + 1)
          .getCell(e.col + 1).value;
        expect({ at: `${e.sheet}!${a1(e.row, e.col)}`, value }).toEqual({ at: `${e.sheet}!${a1(e.row, e.col)}`, value: e.value });
      }
    },
    STEP_TIMEOUT,
  );
});
