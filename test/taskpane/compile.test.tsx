/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compile, type SubmissionInput } from '../../src/plan/compile';
import type { Scalar } from '../../src/plan/grid';
import { cellKeyAt } from '../../src/plan/keys';
import { scalarText } from '../../src/plan/text';
import * as realEngine from '../../src/plan/engine';
import { splitMaster } from '../../src/plan/split';
import { departmentSheets } from '../../src/plan/split/department-sheets';
import { departmentSheetSubmissions } from '../../src/plan/split/department-sheet-submissions';
import { readManifest } from '../../src/plan/split/manifest';
import { submissionFromBytes } from '../../src/workbook/file/submission';
import type { FileWorkbook } from '../../src/workbook/file';
import type { Tools } from '../../src/taskpane/services';
import { fillValue } from '../plan/compile/helpers';
import { PATIENCE, renderPane } from './fakes';
import { asFile, departmentFile, editedFile, fileConnection, sampleBytes, useNodeWebApis } from './workbooks';

beforeAll(useNodeWebApis);

/** The coordinator edited this cell (河川課's reason) after handing the files out. */
const EDITED = { sheet: '基本施策4', row: 15, col: 11, value: '取りまとめ課が直した文' };

interface Setup {
  files: { name: string; bytes: Uint8Array }[];
  master: () => Promise<FileWorkbook>;
}
let setup: Setup;

beforeAll(async () => {
  const { workbook } = await fileConnection(sampleBytes());
  const split = splitMaster(await workbook.read(), { year: 2024 });
  const dept = (name: string) => split.departments.find((d) => d.department === name)!;
  const fill = (g: Parameters<typeof fillValue>[0], i: Parameters<typeof fillValue>[1]) => fillValue(g, i);
  const river = await departmentFile(dept('河川課'), (i, g) => fill(g, i));
  const citizens = await departmentFile(dept('市民課'), (i, g) => fill(g, i));
  const learning = await departmentFile(dept('生涯学習課'), (i, g) => fill(g, i));
  const content = dept('生涯学習課').sheets[1].name;
  const tampered = await editedFile(learning, '生涯学習課.xlsx', [{ sheet: content, row: 2, col: 0, value: '書き換えた見出し' }]);
  setup = {
    files: [
      { name: '河川課.xlsx', bytes: river },
      { name: '市民課.xlsx', bytes: citizens },
      { name: '生涯学習課.xlsx', bytes: tampered },
    ],
    master: async () => {
      const { workbook: m } = await fileConnection(sampleBytes());
      await m.apply({ cells: [EDITED] });
      return m;
    },
  };
});

async function expected(master: FileWorkbook) {
  const subs: SubmissionInput[] = await Promise.all(setup.files.map((f) => submissionFromBytes(f.name, f.bytes, 'x')));
  return compile(await master.read(), subs, { now: '2025-05-01 10:00:00', masterFile: 'master-2023.xlsx' });
}

const region = () => screen.getByRole('region', { name: '取りまとめ' });
const chooseButton = () => within(region()).getByRole('button', { name: '提出ファイルを選ぶ' });
/** As a person does it: the button (which opens the file dialog), then the files. */
const choose = async (user: ReturnType<typeof userEvent.setup>, files = setup.files) => {
  await user.click(
    await within(await screen.findByRole('region', { name: '取りまとめ' })).findByRole('button', { name: '提出ファイルを選ぶ' }),
  );
  await user.upload(
    await screen.findByLabelText('提出ファイルを選ぶ'),
    files.map((f) => asFile(f.bytes, f.name)),
  );
};

describe('取りまとめ in the pane', () => {
  it('previews a real compile of split files (applied / conflicts / rejected) and writes only on confirm', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    const want = await expected(await setup.master());
    expect(want.conflicts).toHaveLength(1);
    expect(want.rejected).toHaveLength(1);
    expect(want.applied).toBeGreaterThan(0);
    const apply = jest.spyOn(master, 'apply');
    renderPane({ gateway: master, engine: realEngine });

    await choose(user);
    const preview = await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });
    expect(preview).toHaveTextContent(`取り込むセル ${want.applied} 個・競合 1 件・差戻し 1 件`);
    expect(within(preview).getByText('生涯学習課.xlsx').closest('li')).toHaveTextContent('差戻し');
    expect(within(preview).getByText('河川課.xlsx').closest('li')).toHaveTextContent('取込');
    expect(within(preview).getByText(/このブック「取りまとめ課が直した文」／河川課/)).toBeInTheDocument();
    expect(apply).not.toHaveBeenCalled();

    // Cell by cell: the conflict first (the master's text stays), then every changed cell.
    const table = within(preview).getByRole('table');
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows[0]).toHaveTextContent('河川課');
    expect(bodyRows[0]).toHaveTextContent('基本施策4!L16');
    expect(bodyRows[0]).toHaveTextContent('競合: このブックの値');
    expect(bodyRows[0]).toHaveTextContent('取りまとめ課が直した文 → 取りまとめ課が直した文');
    expect(table).toHaveTextContent(`変わるセル ${want.applied + 1} 個`);
    const history = (want.edits.appends ?? []).find((a) => a.sheet === '提出履歴')?.rows ?? [];
    const riverRow = history.find((r) => r[1] === '河川課' && r[7] !== r[8]) ?? [];
    const [, department, , , sheet, cell, item, oldValue, newValue] = riverRow.map((v) => (v === null ? '' : String(v)));
    const changed = bodyRows.find((r) => r.textContent.includes(cellKeyAt(sheet, cell)));
    expect(changed).toHaveTextContent(department);
    expect(changed).toHaveTextContent(item);
    expect(changed).toHaveTextContent(`${oldValue || '（空欄）'} → ${newValue}`);
    // Sorting by another column keeps the conflict on top.
    await user.click(within(table).getByRole('button', { name: '指標・事業' }));
    expect(within(table).getByRole('columnheader', { name: /指標・事業/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('競合');

    await user.click(within(region()).getByRole('button', { name: '取りまとめ用ブックに書き込む' }));
    expect(await screen.findByText(`${want.applied} セルを書き込み、提出履歴と提出状況を更新しました。`)).toBeInTheDocument();
    // Focus returns to the button that started it, not to the page.
    await waitFor(() => {
      expect(chooseButton()).toHaveFocus();
    });
    expect(apply).toHaveBeenCalledTimes(1);
    const after = await master.read();
    const status = after.sheets.find((s) => s.name === '提出状況')!;
    const row = (name: string) => status.rows.find((r) => r[0]?.value === name)?.map((c) => c?.value);
    expect(row('河川課')?.[1]).toBe('提出済');
    expect(row('生涯学習課')?.[1]).toBe('差戻し');
    expect(after.sheets.some((s) => s.name === '提出履歴')).toBe(true);
    // The conflict kept the coordinator's text.
    expect(after.sheets.find((s) => s.name === '基本施策4')!.rows[15][11]!.value).toBe('取りまとめ課が直した文');
  });

  it('takes the submitted value on a conflict when asked, and says so before writing', async () => {
    const user = userEvent.setup();
    renderPane({ gateway: await setup.master(), engine: realEngine });
    await choose(user, setup.files.slice(0, 1));
    await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });
    expect(screen.getByText('→ このブックの値を残します')).toBeInTheDocument();
    await user.click(within(region()).getByRole('radio', { name: '提出された値を入れる' }));
    expect(await screen.findByText('→ 提出された値を入れます')).toBeInTheDocument();
  });

  it('can be cancelled between files: nothing is written, and the rest is not read', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    const apply = jest.spyOn(master, 'apply');
    const { tools } = await import('../../src/taskpane/tools');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = jest.fn<ReturnType<Tools['readSubmission']>, Parameters<Tools['readSubmission']>>(async (...args) => {
      await gate;
      return tools.readSubmission(...args);
    });
    renderPane({ gateway: master, engine: realEngine, loadTools: async () => ({ ...tools, readSubmission: read }) });
    await choose(user);
    const cancel = await within(region()).findByRole('button', { name: '中止' });
    expect(await within(region()).findByText(/提出ファイルを読み込んでいます… （1\/3）河川課\.xlsx/)).toBeInTheDocument();
    await user.click(cancel);
    release();
    expect(await screen.findByText('取りまとめを中止しました。ブックは変更していません。')).toBeInTheDocument();
    await waitFor(() => {
      expect(chooseButton()).toHaveFocus();
    });
    expect(read).toHaveBeenCalledTimes(1);
    expect(apply).not.toHaveBeenCalled();
    expect(screen.queryByTestId('compile-preview')).not.toBeInTheDocument();
  });

  it('writes nothing when the preview is discarded', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    const apply = jest.spyOn(master, 'apply');
    renderPane({ gateway: master, engine: realEngine });
    await choose(user, setup.files.slice(1, 2));
    await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });
    await user.click(within(region()).getByRole('button', { name: '取りやめる' }));
    expect(await screen.findByText('取りまとめを取りやめました。ブックは変更していません。')).toBeInTheDocument();
    await waitFor(() => {
      expect(chooseButton()).toHaveFocus();
    });
    expect(apply).not.toHaveBeenCalled();
  });

  it('compiles again instead of writing when the master changed after the preview', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    renderPane({ gateway: master, engine: realEngine });
    await choose(user, setup.files.slice(1, 2));
    await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });
    await master.apply({ cells: [{ sheet: '概要', row: 0, col: 5, value: '誰かが書いたメモ' }] });
    await confirmAfterChange(user, master);
  });

  it('compiles this workbook’s 課別シート like department files', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    renderPane({ gateway: master, engine: realEngine });
    await user.click(await screen.findByRole('button', { name: '課別シートから取りまとめ' }));
    expect(await within(region()).findByText(/このブックには課別シートがありません/)).toBeInTheDocument();

    const made = departmentSheets(await master.read(), { year: 2024, departments: ['河川課'] });
    await master.apply(made.edits);
    // Made but not filled in yet: nothing to compile, and no 課 is marked as having submitted.
    await user.click(within(region()).getByRole('button', { name: '課別シートから取りまとめ' }));
    expect(await within(region()).findByText(/課別シートにはまだ何も記入されていません/)).toBeInTheDocument();
    const input = made.edits.cells.find((c) => c.sheet === '課_河川課')!;
    await master.apply({ cells: [{ sheet: '課_河川課', row: input.row, col: input.col, value: 7 }] });
    await user.click(within(region()).getByRole('button', { name: '課別シートから取りまとめ' }));
    const preview = await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });
    expect(within(preview).getByText('課_河川課').closest('li')).toHaveTextContent('取込');
    expect(preview).toHaveTextContent('差戻し 0 件');
  });

  it('takes a 課別シート as corrected after the preview, not as it was when previewed', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    const made = departmentSheets(await master.read(), { year: 2024, departments: ['河川課'] });
    await master.apply(made.edits);
    const sheet = departmentSheetSubmissions(await master.read())[0];
    const input = readManifest(sheet.grid!).manifest!.inputs.find((i) => i.field === 'actual')!;
    // Rates (0–100%) found nowhere else in the sample, so each can be traced to where it was written.
    const [typo, corrected] = [43.21, 12.34];
    const enter = (value: number) => master.apply({ cells: [{ sheet: input.sheet, row: input.row, col: input.col, value }] });
    await enter(typo);
    renderPane({ gateway: master, engine: realEngine });
    await user.click(await screen.findByRole('button', { name: '課別シートから取りまとめ' }));
    await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });

    // 河川課 corrects its figure on its sheet while the coordinator is looking at the preview.
    await enter(corrected);
    const apply = await confirmAfterChange(user, master);

    // The master keeps a rate as text with its unit (12.34%): found by its figure.
    const holds = (n: number) => (c: { value?: Scalar } | null | undefined) => scalarText(c?.value).includes(String(n));
    const written = apply.mock.calls[0][0].cells.filter((c) => c.sheet !== input.sheet);
    expect(written.filter(holds(corrected))).toHaveLength(1);
    expect(written.filter(holds(typo))).toHaveLength(0);
    const target = written.find(holds(corrected))!;
    const after = await master.read();
    expect(after.sheets.find((s) => s.name === target.sheet)!.rows[target.row][target.col]!.value).toBe(`${corrected}%`);
    expect(after.sheets.some((s) => s.name !== input.sheet && s.rows.some((r) => r.some(holds(typo))))).toBe(false);
  });

  it('sends back a file that cannot be read, naming it, and still compiles the others', async () => {
    const user = userEvent.setup();
    const master = await setup.master();
    const apply = jest.spyOn(master, 'apply');
    renderPane({ gateway: master, engine: realEngine });
    // Readable when chosen, gone by the time it is read (moved, or locked by another program).
    const unreadable = asFile(new Uint8Array([1, 2, 3]), '道路課.xlsx');
    Object.defineProperty(unreadable, 'arrayBuffer', {
      value: () => Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError')),
    });
    const noise = asFile(
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251),
      '公園課.xlsx',
    );
    const good = setup.files[1];
    await user.upload(await screen.findByLabelText('提出ファイルを選ぶ'), [unreadable, noise, asFile(good.bytes, good.name)]);

    const preview = await screen.findByTestId('compile-preview', {}, { timeout: 2 * PATIENCE });
    expect(preview).toHaveTextContent('差戻し 2 件');
    const item = within(preview).getByText('道路課.xlsx').closest('li')!;
    expect(item).toHaveTextContent('差戻し');
    expect(item).toHaveTextContent('道路課.xlsx を読み込めませんでした (NotReadableError)');
    expect(within(preview).getByText('公園課.xlsx').closest('li')).toHaveTextContent('差戻し');
    expect(within(preview).getByText(good.name).closest('li')).toHaveTextContent('取込');

    await user.click(within(region()).getByRole('button', { name: '取りまとめ用ブックに書き込む' }));
    expect(await screen.findByText(/セルを書き込み、提出履歴と提出状況を更新しました。/)).toBeInTheDocument();
    expect(apply).toHaveBeenCalledTimes(1);
    const status = (await master.read()).sheets.find((s) => s.name === '提出状況')!;
    const row = (name: string) => status.rows.find((r) => r[0]?.value === name)?.map((c) => c?.value);
    expect(row('市民課')?.[1]).toBe('提出済');
  });
});

/**
 * 書き込む after the master changed: the first press compiles again and writes nothing, the
 * second writes once. Returns the spy on the master's apply.
 */
async function confirmAfterChange(user: ReturnType<typeof userEvent.setup>, master: FileWorkbook) {
  const apply = jest.spyOn(master, 'apply');
  await user.click(within(region()).getByRole('button', { name: '取りまとめ用ブックに書き込む' }));
  expect(await screen.findByText(/取りまとめ直しました/)).toBeInTheDocument();
  expect(apply).not.toHaveBeenCalled();
  await user.click(within(region()).getByRole('button', { name: '取りまとめ用ブックに書き込む' }));
  await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
  return apply;
}
