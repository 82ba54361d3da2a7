/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import JSZip from 'jszip';
import * as realEngine from '../../src/plan/engine';
import { readManifest } from '../../src/plan/split/manifest';
import { METADATA_SHEET } from '../../src/plan/recognize/metadata';
import { authenticate, newSecret } from '../../src/plan/split/signature';
import { FileWorkbook } from '../../src/workbook/file';
import { FakeGateway, PATIENCE, renderPane } from './fakes';
import { blobBytes, fileConnection, sampleBytes, useNodeWebApis } from './workbooks';

beforeAll(useNodeWebApis);

const section = () => screen.getByRole('region', { name: '課別シート・課別ブック' });

async function listDepartments(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '課の一覧を読み込む' }));
  return await within(section()).findByRole<HTMLSelectElement>('combobox', { name: '課' });
}

describe('課別ブック (department workbooks)', () => {
  it('lists the departments, downloads one department’s workbook with its rows', async () => {
    const user = userEvent.setup();
    const { workbook } = await fileConnection(sampleBytes());
    const { saveFile } = renderPane({ gateway: workbook, engine: realEngine });
    const select = await listDepartments(user);
    expect(select.options[0].text).toBe('すべての課（38 課）');
    await user.selectOptions(select, '生涯学習課');
    await user.click(within(section()).getByRole('button', { name: '課別ブックをダウンロード' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    const [blob, name] = (saveFile as jest.Mock).mock.calls[0] as [Blob, string];
    expect(name).toBe('生涯学習課.xlsx');
    const grid = await (await FileWorkbook.fromBuffer(await blobBytes(blob), name)).read();
    expect(readManifest(grid).manifest).toMatchObject({ department: '生涯学習課', fiscalYear: 2023 });
    expect(realEngine.analyze(grid).counts).toMatchObject({ indicators: 3, projects: 7 });
    expect(await screen.findByText(/生涯学習課.xlsx をダウンロードしました。/)).toBeInTheDocument();
    // The sample master has no secret: the files go out unsigned, and the pane says so.
    expect(screen.getByTestId('departments-outcome')).toHaveTextContent('署名の鍵がないため、課別ブックに署名していません');
  });

  it("signs each department's workbook with the master's secret, so compile can tell it from a forgery", async () => {
    const user = userEvent.setup();
    const master = await (await fileConnection(sampleBytes())).workbook.read();
    const secret = newSecret();
    // The secret where `shinchoku init` keeps it: a row of the master's hidden metadata sheet.
    const row = [{ value: 'secret' }, { value: secret }];
    const hasMetadata = master.sheets.some((s) => s.name === METADATA_SHEET);
    const keyed = {
      ...master,
      sheets: hasMetadata
        ? master.sheets.map((s) => (s.name === METADATA_SHEET ? { ...s, rows: [...s.rows, row] } : s))
        : [...master.sheets, { name: METADATA_SHEET, hidden: true, rows: [row] }],
    };
    const { saveFile } = renderPane({ gateway: new FakeGateway(keyed, 'master-2023.xlsx'), engine: realEngine });
    const select = await listDepartments(user);
    await user.selectOptions(select, '生涯学習課');
    await user.click(within(section()).getByRole('button', { name: '課別ブックをダウンロード' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled(), { timeout: PATIENCE });
    const [blob, name] = (saveFile as jest.Mock).mock.calls[0] as [Blob, string];
    const grid = await (await FileWorkbook.fromBuffer(await blobBytes(blob), name)).read();
    const submission = { file: name, sha256: '', grid };
    expect((await authenticate([submission], secret))[0].authentic).toBe(true);
    expect((await authenticate([submission], newSecret()))[0].authentic).toBe(false);
    expect(screen.getByTestId('departments-outcome')).not.toHaveTextContent('署名していません');
  });

  it('uses the chosen fiscal year, and puts every department into one .zip', async () => {
    const user = userEvent.setup();
    const { workbook } = await fileConnection(sampleBytes());
    const { saveFile } = renderPane({ gateway: workbook, engine: realEngine });
    await user.selectOptions(await screen.findByRole('combobox', { name: /対象年度/ }), '2024');
    await listDepartments(user);
    expect(within(section()).getByText('2024年度の記入用です（38 課）。')).toBeInTheDocument();
    await user.click(within(section()).getByRole('button', { name: 'すべての課のブックを .zip でダウンロード' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled(), { timeout: 2 * PATIENCE });
    const [blob, name] = (saveFile as jest.Mock).mock.calls[0] as [Blob, string];
    expect(name).toBe('課別ブック_2024年度.zip');
    const zip = await JSZip.loadAsync(await blobBytes(blob));
    const files = Object.keys(zip.files);
    expect(files).toHaveLength(38);
    expect(files).toContain('河川課.xlsx');
    const one = await zip.file('河川課.xlsx')!.async('uint8array');
    const grid = await (await FileWorkbook.fromBuffer(one, '河川課.xlsx')).read();
    expect(readManifest(grid).manifest).toMatchObject({ department: '河川課', fiscalYear: 2024 });
  });

  it('opens one department’s workbook as a new workbook in Excel (Excel.createWorkbook)', async () => {
    const user = userEvent.setup();
    const { workbook } = await fileConnection(sampleBytes());
    const createWorkbook = jest.fn(async (_base64: string) => {});
    renderPane({ gateway: workbook, engine: realEngine, extras: { createWorkbook } });
    const select = await listDepartments(user);
    const open = within(section()).getByRole('button', { name: '新しいブックとして開く' });
    expect(open).toBeDisabled();
    expect(within(section()).getByText(/1 つの課ずつです/)).toBeInTheDocument();
    await user.selectOptions(select, '河川課');
    await user.click(open);
    await waitFor(() => expect(createWorkbook).toHaveBeenCalledTimes(1));
    const bytes = new Uint8Array(Buffer.from(createWorkbook.mock.calls[0][0], 'base64'));
    const grid = await (await FileWorkbook.fromBuffer(bytes, '河川課.xlsx')).read();
    expect(readManifest(grid).manifest?.department).toBe('河川課');
    expect(await screen.findByText(/河川課.xlsx を新しいブックとして開きました。/)).toBeInTheDocument();
  });

  it('does not offer a new workbook where Excel cannot create one', async () => {
    const user = userEvent.setup();
    const { workbook } = await fileConnection(sampleBytes());
    renderPane({ gateway: workbook, engine: realEngine });
    await listDepartments(user);
    expect(within(section()).queryByRole('button', { name: '新しいブックとして開く' })).not.toBeInTheDocument();
  });
});

describe('課別シート (department sheets in this workbook)', () => {
  it('writes 課_<課名> sheets through the gateway, which the engine recognises, and keeps existing ones', async () => {
    const user = userEvent.setup();
    const { workbook } = await fileConnection(sampleBytes());
    const apply = jest.spyOn(workbook, 'apply');
    renderPane({ gateway: workbook, engine: realEngine });
    const select = await listDepartments(user);
    await user.selectOptions(select, '生涯学習課');
    await user.click(within(section()).getByRole('button', { name: 'このブックに課別シートを作成' }));
    expect(await screen.findByText('課別シートを 1 枚作成しました（課_生涯学習課）。')).toBeInTheDocument();
    expect(apply).toHaveBeenCalledTimes(1);

    const grid = await workbook.read();
    const sheet = grid.sheets.find((s) => s.name === '課_生涯学習課')!;
    expect(realEngine.analyze({ source: 'x', sheets: [sheet] }, { year: 2023 }).counts).toMatchObject({ indicators: 3, projects: 7 });
    // The master's own reading is unchanged by the copies.
    expect(realEngine.analyze(grid).counts).toEqual(realEngine.analyze(await (await fileConnection(sampleBytes())).workbook.read()).counts);

    await user.click(within(section()).getByRole('button', { name: 'このブックに課別シートを作成' }));
    expect(await screen.findByText(/既にある課別シート（生涯学習課）はそのままにしました。/)).toBeInTheDocument();
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('is not offered on a workbook that is not a master, where it could only fail', async () => {
    const gateway = new FakeGateway({ source: 'x.xlsx', sheets: [{ name: 'メモ', rows: [[{ value: 'こんにちは' }]] }] }, 'x.xlsx');
    renderPane({ gateway, engine: realEngine });
    expect(await screen.findByTestId('unknown-workbook')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '課の一覧を読み込む' })).not.toBeInTheDocument();
  });
});
