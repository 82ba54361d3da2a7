/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as realEngine from '../../src/plan/engine';
import { a1, type WorkbookGrid } from '../../src/plan/grid';
import type { CellChange } from '../../src/plan/live';
import { FakeGateway, renderPane } from './fakes';
import { fileConnection, sampleBytes } from './workbooks';

let grid: WorkbookGrid;
let target: { sheet: string; row: number; col: number; value: unknown };

beforeAll(async () => {
  grid = await (await fileConnection(sampleBytes())).workbook.read();
  // The FY2023 figure of the first indicator that has no finding as published.
  const analysis = realEngine.analyze(grid);
  const table = analysis.plan.policies[0].table!;
  const col = table.years.find((y) => y.year === analysis.year && y.role === 'actual')!.col;
  const ind = table.indicators.find((i) => !analysis.findings.some((f) => f.sheet === table.sheet && f.cell === a1(i.series[0].row, col)))!;
  const row = ind.series[0].row;
  target = { sheet: table.sheet, row, col, value: grid.sheets.find((s) => s.name === table.sheet)!.rows[row][col]!.value };
});

function excel() {
  const gateway = new FakeGateway(JSON.parse(JSON.stringify(grid)) as WorkbookGrid, 'master-2023.xlsx');
  let onEdit: ((c: CellChange) => void) | undefined;
  const stop = jest.fn(async () => {});
  const watchEdits = jest.fn(async (handler: (c: CellChange) => void) => {
    onEdit = handler;
    return stop;
  });
  const type = (value: string | number) => {
    const sheet = gateway.grid.sheets.find((s) => s.name === target.sheet)!;
    sheet.rows[target.row][target.col] = { value };
    act(() => onEdit!({ sheet: target.sheet, address: a1(target.row, target.col) }));
  };
  return { gateway, watchEdits, stop, type };
}

describe('live validation (Excel)', () => {
  it('marks an edited cell at once when it is wrong, and clears the mark when it is right again', async () => {
    const { gateway, watchEdits, type } = excel();
    renderPane({ gateway, engine: realEngine, extras: { watchEdits } });
    await waitFor(() => expect(watchEdits).toHaveBeenCalled());
    expect(screen.getByRole('switch', { name: '入力したセルをその場でチェックする' })).toBeChecked();

    type('三十');
    const live = await screen.findByTestId('live-findings');
    expect(within(live).getByText(/「三十」/)).toBeInTheDocument();
    const marked = gateway.applied
      .flatMap((e) => e.cells)
      .find((c) => c.sheet === target.sheet && c.row === target.row && c.col === target.col);
    expect(marked).toMatchObject({ mark: 'error', note: expect.stringContaining('三十') });
    expect(gateway.applied).toHaveLength(1);

    type(target.value as number);
    expect(await within(live).findByText('入力したセルに問題はありません。')).toBeInTheDocument();
    expect(gateway.applied).toHaveLength(2);
    expect(gateway.applied[1].cells).toEqual([{ sheet: target.sheet, row: target.row, col: target.col, mark: 'clear' }]);
  });

  it('waits for typing to pause (one check for a burst of edits) and stops watching when switched off', async () => {
    const user = userEvent.setup();
    const { gateway, watchEdits, stop, type } = excel();
    renderPane({ gateway, engine: realEngine, extras: { watchEdits } });
    await waitFor(() => expect(watchEdits).toHaveBeenCalled());
    // Opening reads the workbook once to know what it is.
    await screen.findByRole('button', { name: '進捗状況を記入' });
    const opened = gateway.reads;
    type(1);
    type(12);
    type(123);
    await screen.findByTestId('live-findings');
    expect(gateway.reads).toBe(opened + 1);
    await user.click(screen.getByRole('switch', { name: '入力したセルをその場でチェックする' }));
    await waitFor(() => expect(stop).toHaveBeenCalled());
    expect(screen.queryByTestId('live-findings')).not.toBeInTheDocument();
  });

  it('updates the 提出前チェック list after an edit once the check has run', async () => {
    const user = userEvent.setup();
    const { gateway, watchEdits, type } = excel();
    renderPane({ gateway, engine: realEngine, extras: { watchEdits } });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    const before = realEngine.analyze(gateway.grid).findings;
    const errors = before.filter((f) => f.severity === 'error').length;
    await screen.findByText(`エラー ${errors} 件・注意 ${before.length - errors} 件`);
    type('三十');
    expect(await screen.findByText(`エラー ${errors + 1} 件・注意 ${before.length - errors} 件`)).toBeInTheDocument();
  });

  it('a click during a live check is not lost: it runs once the check is done', async () => {
    const user = userEvent.setup();
    const { gateway, watchEdits, type } = excel();
    let release!: () => void;
    const read = gateway.read.bind(gateway);
    // The read after opening (the live check's) waits until released.
    gateway.read = jest.fn(async () => {
      if (gateway.reads === 1) await new Promise<void>((resolve) => (release = resolve));
      return read();
    });
    renderPane({ gateway, engine: realEngine, extras: { watchEdits } });
    await waitFor(() => expect(watchEdits).toHaveBeenCalled());
    await screen.findByRole('button', { name: '進捗状況を記入' });
    type('三十');
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    await user.click(screen.getByRole('button', { name: '提出前チェック' }));
    release();
    expect(await screen.findByText(/^エラー \d+ 件・注意 \d+ 件$/)).toBeInTheDocument();
    expect(gateway.read).toHaveBeenCalledTimes(3);
  });

  it('is not offered outside Excel', async () => {
    renderPane({ gateway: new FakeGateway(grid) });
    await screen.findByRole('button', { name: '提出前チェック' });
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
