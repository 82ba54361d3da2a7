/**
 * @jest-environment node
 *
 * The production build in a real browser, outside Excel (no host): open the FY2023 sample,
 * check it, go to a finding, write progress, download, read the download back, run axe.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and fonts-noto-cjk.
 * Builds dist/ first (webpack --mode production, OFFICE_JS=local) when it is missing or stale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { compile } from '../../src/plan/compile';
import { analyze, progressEdits, type Analysis } from '../../src/plan/engine';
import type { WorkbookEdits } from '../../src/plan/edits';
import { a1, cellAt, parseA1, type Scalar, type WorkbookGrid } from '../../src/plan/grid';
import { viewMaster } from '../../src/plan/split';
import { readManifest, type InputCell } from '../../src/plan/split/manifest';
import { FileWorkbook } from '../../src/workbook/file';
import { submissionFromBytes } from '../../src/workbook/file/submission';
import { cellKeyAt } from '../../src/plan/keys';
import { fillValue } from '../plan/compile/helpers';
import { CHROMIUM_ARGS, ROOT, requireChromium, serveDir, snapshotDist } from './support/dist';

const SAMPLE = path.join(ROOT, 'samples', 'master-2023.xlsx');
const SCREENSHOT = path.join(ROOT, 'docs', 'pane.png');
const SETUP_TIMEOUT = 15 * 60_000;
const STEP_TIMEOUT = 120_000;

let browser: Browser | undefined;
let page: Page;
let server: { url: string; close(): Promise<void> } | undefined;
let snapshot: string | undefined;
let downloads: string;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

/** What the engine says about the sample, computed here in Node: the browser must show the same. */
let grid: WorkbookGrid;
let analysis: Analysis;
let edits: WorkbookEdits;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  // Fail (never skip) without a browser: CI installs it.
  const executablePath = requireChromium();
  if (!fs.existsSync(SAMPLE)) throw new Error(`The FY2023 sample workbook is missing: ${SAMPLE}`);

  const bytes = fs.readFileSync(SAMPLE);
  const workbook = await FileWorkbook.fromBuffer(new Uint8Array(bytes), 'master-2023.xlsx');
  grid = await workbook.read();
  analysis = analyze(grid);
  edits = progressEdits(analysis);

  snapshot = await snapshotDist('pane-e2e-', { log: (m) => process.stderr.write(`${m}\n`) });
  server = await serveDir(snapshot);
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-e2e-downloads-'));

  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 400, height: 900 }, locale: 'ja-JP', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  // Turn file-chooser interception on now, not when each test starts waiting for a chooser:
  // enabling it races with the key press that opens the chooser, and on a busy machine the
  // press could win, so the browser showed its own (headless, invisible) dialog instead.
  page.on('filechooser', () => {});
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
}, SETUP_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (snapshot) fs.rmSync(snapshot, { recursive: true, force: true });
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

describe('task pane in a browser, no host', () => {
  it(
    'starts in no-host mode and offers ファイルを開く (never a blank page)',
    async () => {
      await page.goto(`${server!.url}taskpane.html`);
      await expectVisible(page.getByRole('heading', { level: 1, name: '協働推進計画 進捗チェック' }));
      const open = page.getByRole('button', { name: 'ファイルを開く' });
      await expectVisible(open);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      await expectVisible(page.getByText(/Excel の外で開いています/));
    },
    STEP_TIMEOUT,
  );

  it(
    'opens the FY2023 sample with the keyboard through ファイルを開く',
    async () => {
      const open = page.getByRole('button', { name: 'ファイルを開く' });
      // Keyboard only: Tab until the button has focus, then Enter opens the file chooser.
      for (let i = 0; i < 10 && !(await open.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
      await chooser.setFiles(SAMPLE);
      const opened = page.getByText('master-2023.xlsx を開いています。');
      await expectVisible(opened.or(page.getByText('処理できませんでした')));
      if (!(await opened.isVisible())) {
        throw new Error(`Opening the sample failed in the page: ${await page.locator('main').innerText()}\n${consoleErrors.join('\n')}`);
      }
    },
    STEP_TIMEOUT,
  );

  it(
    '提出前チェック shows the counts and the findings grouped by sheet',
    async () => {
      await page.getByRole('button', { name: '提出前チェック' }).click();
      const errors = analysis.findings.filter((f) => f.severity === 'error').length;
      const warnings = analysis.findings.length - errors;
      await expectVisible(page.getByText(`エラー ${errors} 件・注意 ${warnings} 件`, { exact: true }));

      const status = page.getByTestId('status').last();
      const stat = (name: string) =>
        status
          .locator('dl > div')
          .filter({ has: page.getByText(name, { exact: true }) })
          .locator('dd');
      expect(await stat('年度').innerText()).toBe(`${analysis.year}年度`);
      expect(await stat('施策').innerText()).toBe(String(analysis.counts.policies));
      expect(await stat('指標').innerText()).toBe(String(analysis.counts.indicators));
      expect(await stat('事業').innerText()).toBe(String(analysis.counts.projects));
      expect(await stat('全体指標').innerText()).toBe(String(analysis.counts.surveyIndicators));
      expect(analysis.counts.policies).toBeGreaterThan(0);

      if (errors === 0) await expectVisible(page.getByText(/提出できます/).first());
      for (const sheet of new Set(analysis.findings.map((f) => f.sheet).filter(Boolean))) {
        await expectVisible(page.getByRole('list', { name: `${sheet} の指摘` }));
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'clicking a finding shows its cell (address and value) in the detail panel',
    async () => {
      const finding = analysis.findings.find((f) => f.sheet && f.cell);
      if (!finding) throw new Error('The sample has no finding with a cell: the test cannot click one');
      const list = page.getByRole('list', { name: `${finding.sheet} の指摘` });
      await list
        .getByRole('button', { name: new RegExp(escape(finding.cell)) })
        .first()
        .click();
      const detail = page.getByTestId('cell-detail');
      await expectVisible(detail);
      const pos = parseA1(finding.cell)!;
      const cell = cellAt(
        grid.sheets.find((s) => s.name === finding.sheet)!,
        pos.row,
        pos.col,
      );
      const value = cell?.error ?? (cell?.value == null || cell.value === '' ? '（空欄）' : String(cell.value));
      const text = await detail.innerText();
      expect(text).toContain(finding.sheet);
      expect(text).toContain(finding.cell);
      expect(text).toContain(value);
    },
    STEP_TIMEOUT,
  );

  it(
    '進捗状況を記入 writes the progress and shows each 施策 with its sentence and trend charts',
    async () => {
      await page.getByRole('button', { name: '進捗状況を記入' }).click();
      await expectVisible(page.getByText(`${edits.cells.length} か所に記入しました。`));
      const report = analysis.progress!;
      expect(report).toBeDefined();
      for (const policy of report.policies) {
        const card = page.getByRole('article', { name: `施策${policy.number}\u3000${policy.title}` });
        await expectVisible(card);
        await expectVisible(card.getByText(policy.sentence, { exact: true }));
      }
      // Charts only on request, 施策 by 施策.
      const charts = page.getByRole('img', { name: /の推移/ });
      expect(await charts.count()).toBe(0);
      await page.getByRole('button', { name: 'グラフを表示' }).first().click();
      await expectVisible(charts.first());
      expect(await charts.count()).toBeGreaterThan(0);
    },
    STEP_TIMEOUT,
  );

  it(
    '結果をダウンロード saves a workbook that holds what was written',
    async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '結果をダウンロード' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('master-2023_結果.xlsx');
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);

      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const written = edits.cells.filter((e) => e.value !== undefined && e.value !== null);
      expect(written.length).toBeGreaterThan(0);
      for (const e of written) {
        const cell = book
          .getWorksheet(e.sheet)
          ?.getRow(e.row + 1)
          .getCell(e.col + 1);
        expect({ at: cellKeyAt(e.sheet, cell?.address ?? ''), value: plain(cell?.value) }).toEqual({
          at: cellKeyAt(e.sheet, cell?.address ?? ''),
          value: e.value,
        });
      }
      // And the engine reads its own results back from the download.
      const again = analyze(await (await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)), 'x.xlsx')).read());
      expect(again.counts).toEqual(analysis.counts);
    },
    STEP_TIMEOUT,
  );

  it(
    '課別ブック: downloads one department’s workbook, a valid .xlsx with that department’s rows',
    async () => {
      const region = page.getByRole('region', { name: '課別シート・課別ブック' });
      await region.getByRole('button', { name: '課の一覧を読み込む' }).click();
      const select = region.getByRole('combobox', { name: '課' });
      await expectVisible(select);
      await select.selectOption('生涯学習課');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        region.getByRole('button', { name: '課別ブックをダウンロード' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('生涯学習課.xlsx');
      const file = path.join(downloads, 'dept-生涯学習課.xlsx');
      await download.saveAs(file);
      // A valid .xlsx for Excel's own reader (ExcelJS) and for the engine.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      expect(book.worksheets.map((w) => w.name)).toContain('記入方法');
      const dept = await (await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)), 'dept.xlsx')).read();
      const m = readManifest(dept);
      expect(m.problems).toEqual([]);
      expect(m.manifest).toMatchObject({ department: '生涯学習課', fiscalYear: analysis.plan.reportYear });
      const mine = viewMaster(grid, m.manifest!.fiscalYear)
        .rows.filter((r) => r.owner === '生涯学習課')
        .map((r) => r.key)
        .sort();
      expect(m.manifest!.rows.map((r) => r.key).sort()).toEqual(mine);
      expect(analyze(dept).counts).toMatchObject({ indicators: 3, projects: 7 });
      await axeClean();
    },
    STEP_TIMEOUT,
  );

  it(
    '取りまとめ: two department files from the CLI split, previewed, written, and downloaded in the compiled master',
    async () => {
      const dir = path.join(downloads, 'split');
      const run = await main(['split', SAMPLE, '-o', dir, '--year', '2024', '--key', path.join(downloads, 'split.key')], {
        out: () => {},
        err: () => {},
        interactive: false,
      });
      expect(run).toBe(0);
      const filledCells: { dept: string; input: InputCell; value: Scalar }[] = [];
      for (const dept of ['河川課', '市民課']) {
        const file = path.join(dir, `${dept}.xlsx`);
        const deptGrid = await (await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)), file)).read();
        const inputs = readManifest(deptGrid).manifest!.inputs;
        // As a clerk would: open in a spreadsheet program, fill every input cell, save.
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        for (const i of inputs)
          book
            .getWorksheet(i.sheet)!
            .getRow(i.row + 1)
            .getCell(i.col + 1).value = fillValue(deptGrid, i);
        await book.xlsx.writeFile(file);
        const input = inputs.find((i) => i.field === 'actual') ?? inputs[0];
        const value = fillValue(deptGrid, input);
        filledCells.push({ dept, input, value });
      }
      const files = ['河川課', '市民課'].map((d) => path.join(dir, `${d}.xlsx`));
      // What the engine makes of the same files, in Node: the browser must show and write the same.
      const pageMaster = await (
        await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(path.join(downloads, 'master-2023_結果.xlsx'))), 'm.xlsx')
      ).read();
      const subs = await Promise.all(files.map((f) => submissionFromBytes(path.basename(f), new Uint8Array(fs.readFileSync(f)), 'x')));
      const want = compile(pageMaster, subs, { now: '2025-01-01 00:00:00', masterFile: 'master-2023.xlsx' });
      expect(want.rejected).toEqual([]);

      const region = page.getByRole('region', { name: '取りまとめ' });
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        region.getByRole('button', { name: '提出ファイルを選ぶ' }).click(),
      ]);
      await chooser.setFiles(files);
      const preview = page.getByTestId('compile-preview');
      await expectVisible(preview);
      expect(await preview.innerText()).toContain(`取り込むセル ${want.applied} 個・競合 0 件・差戻し 0 件`);
      await axeClean();
      await region.getByRole('button', { name: '取りまとめ用ブックに書き込む' }).click();
      await expectVisible(page.getByText(`${want.applied} セルを書き込み、提出履歴と提出状況を更新しました。`, { exact: false }));

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '結果をダウンロード' }).click(),
      ]);
      const file = path.join(downloads, 'compiled.xlsx');
      await download.saveAs(file);
      const compiled = await (await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)), 'compiled.xlsx')).read();
      const view = viewMaster(compiled, 2024);
      for (const { dept, input } of filledCells) {
        const ref = view.byKey.get(input.key)!.inputs[input.field]!;
        const written = want.edits.cells.find(
          (c) => c.sheet === ref.sheet && c.row === ref.row && c.col === ref.col && c.value !== undefined,
        )!;
        expect({
          dept,
          value: cellAt(
            compiled.sheets.find((s) => s.name === ref.sheet)!,
            ref.row,
            ref.col,
          )?.value,
        }).toEqual({ dept, value: written.value });
      }
      const status = compiled.sheets.find((s) => s.name === '提出状況')!;
      for (const dept of ['河川課', '市民課']) {
        expect(status.rows.find((r) => r[0]?.value === dept)?.[1]?.value).toBe('提出済');
      }
      expect(compiled.sheets.some((s) => s.name === '提出履歴')).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'has no serious or critical accessibility violation (axe-core)',
    async () => {
      await axeClean();
    },
    STEP_TIMEOUT,
  );

  it(
    'saves a screenshot of the pane at work to docs/pane.png',
    async () => {
      // The README shows this picture: only a pane that has the sample open and checked may replace it.
      expect(pageErrors).toEqual([]);
      await expectVisible(page.getByText('master-2023.xlsx を開いています。'));
      await expectVisible(page.getByText(/^エラー \d+ 件・注意 \d+ 件$/));
      await page.evaluate(() => window.scrollTo(0, 0));
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 400, height: Math.min(height, 2000) } });
      expect(png.length).toBeGreaterThan(10_000);
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      fs.writeFileSync(SCREENSHOT, png);
    },
    STEP_TIMEOUT,
  );
});

describe('modes at the narrowest pane (320 px)', () => {
  let narrow: Page;
  const CLERK_SHOT = path.join(ROOT, 'docs', 'pane-clerk.png');
  const COORDINATOR_SHOT = path.join(ROOT, 'docs', 'pane-coordinator.png');

  beforeAll(async () => {
    const context = await browser!.newContext({ viewport: { width: 320, height: 800 }, locale: 'ja-JP' });
    narrow = await context.newPage();
    narrow.setDefaultTimeout(30_000);
    narrow.on('filechooser', () => {});
    narrow.on('pageerror', (e) => pageErrors.push(e.message));
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await narrow.context().close();
  });

  async function open(file: string) {
    await narrow.goto(`${server!.url}taskpane.html`);
    const [chooser] = await Promise.all([
      narrow.waitForEvent('filechooser'),
      narrow.getByRole('button', { name: 'ファイルを開く' }).click(),
    ]);
    await chooser.setFiles(file);
    await expectVisible(narrow.getByText(`${path.basename(file)} を開いています。`));
  }

  async function noSidewaysScroll() {
    const { scroll, client } = await narrow.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
  }

  it(
    'gives no verdict on a workbook that is not this plan, only how to get one',
    async () => {
      const file = path.join(downloads, '家計簿.xlsx');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow(['日付', '金額']);
      sheet.addRow(['4/1', 1200]);
      await book.xlsx.writeFile(file);
      await open(file);
      await expectVisible(narrow.getByTestId('unknown-workbook'));
      expect(await narrow.getByTestId('verdict').count()).toBe(0);
      expect(await narrow.getByText(/提出できます/).count()).toBe(0);
      expect(await narrow.getByRole('button', { name: '提出前チェック' }).count()).toBe(0);
      await noSidewaysScroll();
    },
    STEP_TIMEOUT,
  );

  it(
    'gives a clerk their own check with a mistake, the next step and the checklist, and nothing of the coordinator',
    async () => {
      const dir = path.join(downloads, 'clerk');
      expect(
        await main(['split', SAMPLE, '-o', dir, '--year', '2024', '--key', path.join(downloads, 'clerk.key')], {
          out: () => {},
          err: () => {},
          interactive: false,
        }),
      ).toBe(0);
      const file = path.join(dir, '河川課.xlsx');
      const deptGrid = await (await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(file)), file)).read();
      const inputs = readManifest(deptGrid).manifest!.inputs;
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const wrong = inputs.find((i) => i.field === 'actual')!;
      for (const i of inputs)
        book
          .getWorksheet(i.sheet)!
          .getRow(i.row + 1)
          .getCell(i.col + 1).value = i === wrong ? '百人くらい' : fillValue(deptGrid, i);
      await book.xlsx.writeFile(file);

      await open(file);
      await narrow.getByRole('button', { name: '提出前チェック' }).click();
      const verdict = narrow.getByTestId('verdict');
      await expectVisible(verdict);
      expect(await verdict.innerText()).toMatch(/エラー [1-9]\d* 件/);
      await expectVisible(narrow.getByText('Excel で開いて直し、もう一度開いてください。'));
      await expectVisible(narrow.getByTestId('submit-checklist'));
      await expectVisible(narrow.getByRole('button', { name: new RegExp(escape(a1(wrong.row, wrong.col))) }).first());
      for (const name of ['進捗状況を記入', '課の一覧を読み込む', '提出ファイルを選ぶ', '結果をダウンロード']) {
        expect(await narrow.getByRole('button', { name }).count()).toBe(0);
      }
      await noSidewaysScroll();
      await axeCleanOn(narrow);
      fs.writeFileSync(CLERK_SHOT, await narrow.screenshot({ fullPage: true }));
    },
    STEP_TIMEOUT,
  );

  it(
    'gives the coordinator every tool on the master, and nothing scrolls sideways',
    async () => {
      await open(SAMPLE);
      await narrow.getByRole('button', { name: '提出前チェック' }).click();
      await expectVisible(narrow.getByTestId('verdict'));
      const region = narrow.getByRole('region', { name: '課別シート・課別ブック' });
      await region.getByRole('button', { name: '課の一覧を読み込む' }).click();
      await expectVisible(region.getByRole('combobox', { name: '課' }));
      await noSidewaysScroll();
      await axeCleanOn(narrow);
      await narrow.evaluate(() => window.scrollTo(0, 0));
      const height = await narrow.evaluate(() => document.documentElement.scrollHeight);
      fs.writeFileSync(
        COORDINATOR_SHOT,
        await narrow.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 320, height: Math.min(height, 1600) } }),
      );
    },
    STEP_TIMEOUT,
  );
});

describe('when office.js cannot load', () => {
  it(
    'the pane still starts, at once, in no-host mode',
    async () => {
      const context = await browser!.newContext({ viewport: { width: 400, height: 700 } });
      const failing = await context.newPage();
      const errors: string[] = [];
      failing.on('pageerror', (e) => errors.push(e.message));
      await failing.route('**/office-js/**', (route) => route.abort());
      const start = Date.now();
      await failing.goto(`${server!.url}taskpane.html`);
      await failing.getByRole('button', { name: 'ファイルを開く' }).waitFor({ state: 'visible' });
      // Well before the host patience: no office.js means no host, decided immediately.
      expect(Date.now() - start).toBeLessThan(3000);
      expect(errors).toEqual([]);
      await context.close();
    },
    STEP_TIMEOUT,
  );
});

/** No serious or critical axe-core violation on the page as it is now. */
async function axeClean() {
  await axeCleanOn(page);
}

async function axeCleanOn(on: Page) {
  if (!(await on.evaluate(() => 'axe' in window))) await on.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await on.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: { target: string[] }[];
}

async function expectVisible(locator: ReturnType<Page['locator']>) {
  await locator.waitFor({ state: 'visible' });
}

/** ExcelJS cell values as plain scalars (rich text joined, formulas by their result). */
function plain(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return value.result ?? null;
  if ('text' in value) return value.text;
  return value;
}
