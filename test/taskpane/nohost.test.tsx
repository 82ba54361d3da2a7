/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkbookError } from '../../src/workbook/gateway';
import type { Connection, HostMode } from '../../src/taskpane/services';
import { FINDINGS, FLAGS, FakeGateway, fakeEngine, makeAnalysis, renderPane, sampleGrid, sampleReport } from './fakes';

const xlsx = (name = '実施報告_市民・NPO活動推進課.xlsx') =>
  new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

function fileConnection(gateway = new FakeGateway(sampleGrid(), '実施報告_市民・NPO活動推進課.xlsx')) {
  const toBuffer = jest.fn(async () => new Uint8Array([0x50, 0x4b, 5, 6]));
  const connection: Connection = { gateway, toBuffer };
  return { connection, gateway, toBuffer };
}

describe('outside Excel (no host)', () => {
  it('never shows a blank page: explains itself and offers ファイルを開く', async () => {
    renderPane({ mode: 'none' });
    expect(await screen.findByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
    expect(screen.getByRole('heading', { level: 1, name: '協働推進計画 進捗チェック' })).toBeInTheDocument();
    expect(screen.getByText(/Excel の外で開いています/)).toBeInTheDocument();
    const input = screen.getByLabelText('ファイルを開く');
    expect(input).toHaveAttribute('type', 'file');
    expect(input.getAttribute('accept')).toContain('.xlsx');
    // Nothing can be checked before a file is open.
    expect(screen.queryByRole('button', { name: '提出前チェック' })).not.toBeInTheDocument();
  });

  it('falls back to no-host mode when detecting the host fails', async () => {
    renderPane({ detectHost: () => Promise.reject(new Error('office.js broke')) });
    expect(await screen.findByRole('button', { name: 'ファイルを開く' })).toBeInTheDocument();
  });

  it('shows a connecting message (not a blank page) while the host is being detected', async () => {
    renderPane({ detectHost: () => new Promise(() => {}) });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('協働推進計画 進捗チェック');
    expect(screen.getByRole('status')).toHaveTextContent('Excel に接続しています…');
  });

  it('starts straight on ファイルを開く, without a connecting message, when the host answered before the first render', () => {
    renderPane({ detectHost: () => new Promise(() => {}), initialMode: { kind: 'none', reason: 'not-excel' } });
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
    expect(screen.queryByText('Excel に接続しています…')).not.toBeInTheDocument();
  });

  it('offers files when the host never answers, and still switches to Excel when it finally does', async () => {
    let answer!: (mode: HostMode) => void;
    const excel = new FakeGateway(sampleGrid(), 'Book1');
    renderPane({ detectHost: () => new Promise((resolve) => (answer = resolve)), hostPatienceMs: 30 });
    expect(await screen.findByRole('button', { name: 'ファイルを開く' })).toBeInTheDocument();
    act(() => answer({ kind: 'excel', connection: { gateway: excel } }));
    expect(await screen.findByRole('button', { name: '提出前チェック' })).toBeInTheDocument();
    expect(screen.getByText('ブック: Book1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'ファイルを開く' })).not.toBeInTheDocument();
  });

  it('the ファイルを開く button opens the file chooser', async () => {
    const user = userEvent.setup();
    renderPane({ mode: 'none' });
    const input = await screen.findByLabelText<HTMLInputElement>('ファイルを開く');
    const click = jest.spyOn(input, 'click');
    await user.click(screen.getByRole('button', { name: 'ファイルを開く' }));
    expect(click).toHaveBeenCalled();
  });

  it('opens a chosen file and runs every feature on it, showing cells in a detail panel', async () => {
    const user = userEvent.setup();
    const { connection, gateway } = fileConnection();
    const openFile = jest.fn(async () => connection);
    const { engine } = fakeEngine(makeAnalysis({ findings: FINDINGS, flags: FLAGS, progress: sampleReport() }));
    renderPane({ mode: 'none', openFile, engine });

    await user.upload(await screen.findByLabelText('ファイルを開く'), xlsx());
    await waitFor(() => expect(openFile).toHaveBeenCalledWith(expect.objectContaining({ name: '実施報告_市民・NPO活動推進課.xlsx' })));
    expect(await screen.findByText('実施報告_市民・NPO活動推進課.xlsx を開いています。')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByText('エラー 2 件・注意 3 件')).toBeInTheDocument();
    expect(screen.getByText('項目を押すと、該当するセルの内容を表示します。')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /C3.*「三十」を数値として読めません/ }));
    const detail = await screen.findByTestId('cell-detail');
    expect(within(detail).getByText('施策1')).toBeInTheDocument();
    expect(within(detail).getByText('C3')).toBeInTheDocument();
    expect(within(detail).getByText('三十')).toBeInTheDocument();

    // An empty cell says so; a formula error shows the error and the formula.
    await user.click(screen.getByRole('button', { name: /C2.*実績値が入力されていません/ }));
    await waitFor(() => expect(within(screen.getByTestId('cell-detail')).getByText('（空欄）')).toBeInTheDocument());
    await user.click(within(screen.getByTestId('cell-detail')).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByTestId('cell-detail')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /C2.*実績値が入力されていません/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: '進捗状況を記入' }));
    expect(await screen.findByText('2 か所に記入しました。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '見直し指標に印を付ける' }));
    expect(await screen.findByText('2 件の指標に印を付けました。')).toBeInTheDocument();
    expect(gateway.applied).toHaveLength(2);

    // After writing, the detail panel shows the workbook as written.
    const flagList = screen.getByRole('list', { name: '見直し指標' });
    await user.click(within(flagList).getAllByRole('button')[0]);
    const detail2 = await screen.findByTestId('cell-detail');
    expect(within(detail2).getByText('A3')).toBeInTheDocument();
    expect(within(detail2).getByText('協働事業数')).toBeInTheDocument();
  });

  it('downloads the modified workbook as an .xlsx named after the file', async () => {
    const user = userEvent.setup();
    const { connection, toBuffer } = fileConnection();
    const saveFile = jest.fn();
    renderPane({ mode: 'none', openFile: async () => connection, saveFile });
    await user.upload(await screen.findByLabelText('ファイルを開く'), xlsx());
    await user.click(await screen.findByRole('button', { name: '結果をダウンロード' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(toBuffer).toHaveBeenCalled();
    const [blob, name] = saveFile.mock.calls[0] as [Blob, string];
    expect(name).toBe('実施報告_市民・NPO活動推進課_結果.xlsx');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(blob.size).toBe(4);
  });

  it('the default saver hands the blob to an <a download> through an object URL', async () => {
    const { saveFile } = await import('../../src/taskpane/features/file/saveFile');
    const createObjectURL = jest.fn(() => 'blob:fake');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    saveFile(new Blob(['x']), 'a_結果.xlsx');
    expect(createObjectURL).toHaveBeenCalled();
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('a_結果.xlsx');
    expect(clicked[0].href).toBe('blob:fake');
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });

  it('shows an opening error (WorkbookError) in a message bar and keeps the pane usable', async () => {
    const user = userEvent.setup();
    const openFile = jest.fn(async () => {
      throw new WorkbookError('壊れた.xlsx は Excel ブックとして読み込めません（ファイルが壊れている可能性があります）', 'corrupt');
    });
    renderPane({ mode: 'none', openFile });
    await user.upload(await screen.findByLabelText('ファイルを開く'), xlsx('壊れた.xlsx'));
    expect(
      await screen.findByText('壊れた.xlsx は Excel ブックとして読み込めません（ファイルが壊れている可能性があります）'),
    ).toBeInTheDocument();
    expect(screen.getByText('処理できませんでした')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ファイルを開く' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: '提出前チェック' })).not.toBeInTheDocument();
  });

  it('opening another file starts afresh', async () => {
    const user = userEvent.setup();
    const first = fileConnection(new FakeGateway(sampleGrid(), 'a.xlsx'));
    const second = fileConnection(new FakeGateway(sampleGrid(), 'b.xlsx'));
    const openFile = jest.fn().mockResolvedValueOnce(first.connection).mockResolvedValueOnce(second.connection);
    renderPane({ mode: 'none', openFile, engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    await user.upload(await screen.findByLabelText('ファイルを開く'), xlsx('a.xlsx'));
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByText('エラー 2 件・注意 3 件')).toBeInTheDocument();
    await user.upload(await screen.findByLabelText('ファイルを開く'), xlsx('b.xlsx'));
    expect(await screen.findByText('ブック: b.xlsx')).toBeInTheDocument();
    expect(screen.queryByText('エラー 2 件・注意 3 件')).not.toBeInTheDocument();
  });
});
