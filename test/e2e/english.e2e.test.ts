/**
 * @jest-environment node
 *
 * The production build in Chromium with the pane switched to English: the coordinator's
 * 提出前チェック on the FY2023 sample, a clerk's file with mistakes, and a 取りまとめ preview with a
 * file sent back. What the pane says itself (headings, verdicts, findings, reasons, statuses) must
 * hold no Japanese; what it quotes from the workbooks (names, values, file and sheet names) stays
 * as written and is marked `data-quoted`, so it is left out of the check precisely.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { readManifest } from '../../src/plan/split/manifest';
import { FileWorkbook } from '../../src/workbook/file';
import { fillValue } from '../plan/compile/helpers';
import { CHROMIUM_ARGS, ROOT, requireChromium, serveDir, snapshotDist } from './support/dist';

const SAMPLE = path.join(ROOT, 'samples', 'master-2023.xlsx');
const SETUP_TIMEOUT = 15 * 60_000;
const STEP_TIMEOUT = 180_000;
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;

let browser: Browser | undefined;
let server: { url: string; close(): Promise<void> } | undefined;
let snapshot: string | undefined;
let dir: string;
/** A clerk's file with a figure that is not a number and a negative count; one filled as it should be. */
let mistaken: string;
let good: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  const executablePath = requireChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-english-'));
  const split = path.join(dir, 'split');
  const code = await main(['split', SAMPLE, '-o', split, '--year', '2024', '--key', path.join(dir, 'split.key')], {
    out: () => {},
    err: () => {},
    interactive: false,
  });
  if (code !== 0) throw new Error(`split exited ${code}`);
  mistaken = path.join(split, '河川課.xlsx');
  good = path.join(split, '市民課.xlsx');
  await fill(mistaken, (i) => (i === 0 ? '百人くらい' : i === 1 ? '-5' : undefined));
  await fill(good, () => undefined);

  snapshot = await snapshotDist('pane-english-', { log: (m) => process.stderr.write(`${m}\n`) });
  server = await serveDir(snapshot);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (snapshot) fs.rmSync(snapshot, { recursive: true, force: true });
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Fills every input cell as a clerk would; `wrong(k)` replaces the k-th 実績値 with a mistake. */
async function fill(file: string, wrong: (actualIndex: number) => string | undefined): Promise<void> {
  const grid = await (await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)), file)).read();
  const inputs = readManifest(grid).manifest!.inputs;
  const actuals = inputs.filter((i) => i.field === 'actual');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const i of inputs) {
    const k = actuals.indexOf(i);
    book
      .getWorksheet(i.sheet)!
      .getRow(i.row + 1)
      .getCell(i.col + 1).value = (k >= 0 ? wrong(k) : undefined) ?? fillValue(grid, i);
  }
  await book.xlsx.writeFile(file);
}

/** A new pane at task-pane width, switched to English, with `file` open. */
async function openInEnglish(file: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 400, height: 900 }, locale: 'ja-JP' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('filechooser', () => {});
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server!.url}taskpane.html`);
  await page.getByRole('button', { name: 'English' }).click();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a file' }).click()]);
  await chooser.setFiles(file);
  await page.getByText(`Working on ${path.basename(file)}.`).waitFor({ state: 'visible' });
  return page;
}

/** The text of each element, without what it quotes from the workbook (`[data-quoted]`). */
async function authored(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((nodes) =>
    nodes.map((n) => {
      const copy = n.cloneNode(true) as Element;
      for (const q of copy.querySelectorAll('[data-quoted]')) q.remove();
      return copy.textContent.replace(/\s+/g, ' ').trim();
    }),
  );
}

/** Every text in `texts` free of Japanese; the offenders are named when not. */
function noJapanese(texts: string[]): void {
  expect(texts.filter((t) => JAPANESE.test(t))).toEqual([]);
}

/** Headings, the verdict and every finding listed in the check area. */
async function checkArea(page: Page): Promise<string[]> {
  const findings = page.getByRole('list', { name: /^Findings on / }).getByRole('listitem');
  expect(await findings.count()).toBeGreaterThan(0);
  return [...(await authored(page.locator('h1, h2, h3'))), ...(await authored(page.getByTestId('verdict'))), ...(await authored(findings))];
}

describe('the pane in English', () => {
  it(
    'the coordinator’s 提出前チェック and a 取りまとめ preview with a file sent back leave no Japanese of the pane’s own',
    async () => {
      const page = await openInEnglish(SAMPLE);
      await page.getByRole('button', { name: 'Pre-submission check' }).click();
      await page.getByTestId('verdict').waitFor({ state: 'visible' });
      expect(await page.getByTestId('verdict').innerText()).toMatch(/\d+ errors, \d+ warnings/);
      noJapanese(await checkArea(page));

      const region = page.getByRole('region', { name: 'Compile' });
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        region.getByRole('button', { name: 'Choose submitted files' }).click(),
      ]);
      await chooser.setFiles([mistaken, good]);
      const preview = page.getByTestId('compile-preview');
      await preview.waitFor({ state: 'visible' });
      const text = await preview.innerText();
      expect(text).toMatch(/sent back: 1/);
      expect(text).toContain('Sent back');
      expect(text).toContain('cannot be read as a number');
      // The reason names the file and quotes the value as written.
      expect(text).toContain('河川課.xlsx');
      expect(text).toContain('百人くらい');
      noJapanese(await authored(preview));
      noJapanese(await authored(page.locator('h1, h2, h3')));
      await page.context().close();
    },
    STEP_TIMEOUT,
  );

  it(
    'a clerk’s file with mistakes: verdict, status, next step, checklist and findings in English',
    async () => {
      const page = await openInEnglish(mistaken);
      await page.getByRole('button', { name: 'Pre-submission check' }).click();
      await page.getByTestId('verdict').waitFor({ state: 'visible' });
      const status = page.getByTestId('verdict-status');
      expect(await status.innerText()).toMatch(/^Would be sent back: It cannot be accepted as it is \(\d+ errors\)\.$/);
      await page.getByTestId('next-step').waitFor({ state: 'visible' });
      const texts = [
        ...(await checkArea(page)),
        ...(await authored(status)),
        ...(await authored(page.getByTestId('next-step'))),
        ...(await authored(page.getByTestId('submit-checklist'))),
      ];
      expect(texts.join('\n')).toContain('cannot be read as a number');
      noJapanese(texts);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
