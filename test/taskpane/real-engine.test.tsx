/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import * as fs from 'fs';
import * as path from 'path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkbookGrid } from '../../src/plan/grid';
import * as realEngine from '../../src/plan/engine';
import { FakeGateway, renderPane } from './fakes';

/**
 * The pane with the real engine on the FY2023 sample's grid (read with the file gateway, hence
 * Node export conditions above), through an in-memory gateway: no Office, no file written.
 */
const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'master-2023.xlsx');
let grid: WorkbookGrid;

beforeAll(async () => {
  const { FileWorkbook } = await import('../../src/workbook/file');
  const workbook = await FileWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(SAMPLE)), 'master-2023.xlsx');
  grid = await workbook.read();
});

it('shows the real analysis of the FY2023 sample and writes the real progress edits', async () => {
  const user = userEvent.setup();
  const expected = realEngine.analyze(grid);
  const gateway = new FakeGateway(grid, 'master-2023.xlsx');
  renderPane({ gateway, engine: realEngine });

  await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
  const status = await screen.findByTestId('status');
  expect(await within(status).findByText(`${expected.year}年度`)).toBeInTheDocument();
  expect(within(status).getByText('施策').nextSibling).toHaveTextContent(String(expected.counts.policies));
  const errors = expected.findings.filter((f) => f.severity === 'error').length;
  // The analysis runs in slices: the verdict comes a few turns of the event loop later.
  expect(await screen.findByText(`エラー ${errors} 件・注意 ${expected.findings.length - errors} 件`)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '進捗状況を記入' }));
  const edits = realEngine.progressEdits(expected);
  expect(await screen.findByText(`${edits.cells.length} か所に記入しました。`)).toBeInTheDocument();
  expect(gateway.applied).toHaveLength(1);
  expect(gateway.applied[0].cells).toHaveLength(edits.cells.length);
  const first = expected.progress!.policies[0];
  expect(screen.getByRole('article', { name: `施策${first.number}\u3000${first.title}` })).toHaveTextContent(first.sentence);
});
