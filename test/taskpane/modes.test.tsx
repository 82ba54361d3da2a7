/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as realEngine from '../../src/plan/engine';
import { splitMaster } from '../../src/plan/split';
import { readManifest, type InputCell } from '../../src/plan/split/manifest';
import { workbookRole } from '../../src/plan/workbook-role';
import { departmentVerdict } from '../../src/plan/verdict';
import type { WorkbookGrid } from '../../src/plan/grid';
import { fillValue } from '../plan/compile/helpers';
import { FakeGateway, PATIENCE, renderPane } from './fakes';
import { departmentFile, fileConnection, sampleBytes, useNodeWebApis } from './workbooks';

beforeAll(useNodeWebApis);

const engine = { ...realEngine, workbookRole, departmentVerdict };
const DEPARTMENT = '河川課';

/** 河川課's workbook as split hands it out for 2024, filled in with a mistake in every third actual. */
let clerkGrid: WorkbookGrid;
let masterGrid: WorkbookGrid;

beforeAll(async () => {
  const { workbook } = await fileConnection(sampleBytes());
  masterGrid = await workbook.read();
  const split = splitMaster(masterGrid, { year: 2024 });
  const dept = split.departments.find((d) => d.department === DEPARTMENT);
  if (!dept) throw new Error(`${DEPARTMENT} is not in the sample`);
  let actuals = 0;
  const bytes = await departmentFile(dept, (input: InputCell, grid) => {
    if (input.field === 'actual' && actuals++ % 3 === 0) return '百人くらい';
    return fillValue(grid, input);
  });
  clerkGrid = await (await fileConnection(bytes, `${DEPARTMENT}.xlsx`)).workbook.read();
});

describe('the pane follows the workbook', () => {
  it('gives a clerk only their check: own input cells, the next step, and the checklist', async () => {
    const user = userEvent.setup();
    const { manifest } = readManifest(clerkGrid);
    if (!manifest) throw new Error('split wrote no manifest');
    // The CLI's `check` and compile judge the file by this verdict; the pane must say the same.
    const cli = departmentVerdict(clerkGrid);
    const expected = cli.findings;
    const counts = {
      errors: expected.filter((f) => f.severity === 'error').length,
      warnings: expected.filter((f) => f.severity === 'warning').length,
    };
    expect(counts.errors).toBeGreaterThan(0);
    expect(cli.status).toBe('差戻し');
    renderPane({ gateway: new FakeGateway(clerkGrid, `${DEPARTMENT}.xlsx`), engine });

    const status = await screen.findByTestId('status');
    expect(await within(status).findByText(DEPARTMENT, {}, { timeout: PATIENCE })).toBeInTheDocument();
    expect(within(status).getByText('記入するセル').nextSibling).toHaveTextContent(String(manifest.inputs.length));
    // Nothing of the coordinator's.
    for (const name of ['進捗状況を記入', '見直し指標に印を付ける', '課の一覧を読み込む', '提出ファイルを選ぶ']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByText('見つからない項目があります')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '提出前チェック' }));
    const verdict = await screen.findByTestId('verdict', {}, { timeout: PATIENCE });
    expect(verdict).toHaveTextContent(`エラー ${counts.errors} 件・注意 ${counts.warnings} 件`);
    expect(verdict).toHaveTextContent(`記入するセル ${manifest.inputs.length}/${manifest.inputs.length}`);
    expect(screen.getByTestId('verdict-status')).toHaveTextContent(`差戻し: ${cli.headline}`);
    expect(screen.getByTestId('next-step')).toHaveTextContent('指摘を押すと、そのセルを選択します。');
    const checklist = screen.getByTestId('submit-checklist');
    expect(within(checklist).getAllByRole('listitem')[0]).toHaveTextContent(`未エラーがない（いま ${counts.errors} 件）`);
    // Every finding listed is on one of the clerk's own cells.
    const inputs = new Set(manifest.inputs.map((i) => `${i.sheet}!${String.fromCharCode(65 + i.col)}${i.row + 1}`));
    const listed = screen.getAllByRole('list', { name: /の指摘$/ }).flatMap((l) => within(l).getAllByRole('listitem'));
    expect(listed.length).toBe(expected.length);
    for (const f of expected) expect(inputs.has(`${f.sheet}!${f.cell}`)).toBe(true);
    for (const f of expected) expect(listed.some((item) => item.textContent.includes(f.message))).toBe(true);
  });

  it('tells a clerk outside Excel to fix the file in Excel', async () => {
    const user = userEvent.setup();
    const gateway = new FakeGateway(clerkGrid, `${DEPARTMENT}.xlsx`);
    renderPane({ mode: 'none', engine, openFile: jest.fn(() => Promise.resolve({ gateway })) });
    await screen.findByRole('button', { name: 'ファイルを開く' }, { timeout: PATIENCE });
    const input = screen.getByLabelText('ファイルを開く');
    await user.upload(input, new File([new Uint8Array([1])], `${DEPARTMENT}.xlsx`));
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }, { timeout: PATIENCE }));
    expect(await screen.findByTestId('next-step', {}, { timeout: PATIENCE })).toHaveTextContent(
      'Excel で開いて直し、もう一度開いてください。',
    );
    expect(screen.queryByRole('button', { name: '結果をダウンロード' })).not.toBeInTheDocument();
  });

  it('gives the coordinator every tool on the master', async () => {
    renderPane({ gateway: new FakeGateway(masterGrid, 'master-2023.xlsx'), engine });
    expect(await screen.findByRole('button', { name: '進捗状況を記入' }, { timeout: PATIENCE })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '提出前チェック' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '課の一覧を読み込む' }, { timeout: PATIENCE })).toBeInTheDocument();
  });

  it('gives no verdict on a workbook of no known kind, however it is laid out', async () => {
    const grid: WorkbookGrid = {
      source: '家計簿.xlsx',
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            [{ value: '日付' }, { value: '金額' }],
            [{ value: '4/1' }, { value: 1200 }],
          ],
        },
      ],
    };
    const gateway = new FakeGateway(grid, '家計簿.xlsx');
    renderPane({ gateway, engine });
    expect(await screen.findByTestId('unknown-workbook', {}, { timeout: PATIENCE })).toBeInTheDocument();
    await waitFor(
      () => {
        expect(gateway.reads).toBe(1);
      },
      { timeout: PATIENCE },
    );
    expect(screen.queryByTestId('verdict')).not.toBeInTheDocument();
    expect(screen.queryByText(/提出できます/)).not.toBeInTheDocument();
  });
});
