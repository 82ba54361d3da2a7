/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { definitionOf } from '../../src/plan';
import { FINDINGS, FakeGateway, PATIENCE, fakeEngine, makeAnalysis, renderPane, sampleGrid } from './fakes';

describe('提出前チェック', () => {
  it('reads the workbook on opening to show what was recognised, and afresh for every check', async () => {
    const user = userEvent.setup();
    const gateway = new FakeGateway(sampleGrid());
    const { engine, calls } = fakeEngine(makeAnalysis());
    renderPane({ gateway, engine });

    const status = await screen.findByTestId('status', {}, { timeout: PATIENCE });
    expect(await within(status).findByText('2023年度', {}, { timeout: PATIENCE })).toBeInTheDocument();
    expect(within(status).getByText('施策').nextSibling).toHaveTextContent('6');
    expect(within(status).getByText('指標').nextSibling).toHaveTextContent('24');
    expect(within(status).getByText('事業').nextSibling).toHaveTextContent('118');
    expect(gateway.reads).toBe(1);
    // Recognising is not a verdict: that waits for the button.
    expect(screen.queryByTestId('verdict')).not.toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByTestId('verdict', {}, { timeout: PATIENCE })).toBeInTheDocument();
    expect(gateway.reads).toBe(2);
    expect(calls.analyze).toHaveLength(2);
    expect(calls.analyze[1].sheets.map((s) => s.name)).toEqual(['施策1', '事業一覧']);
  });

  it('says plainly that the sheet can be submitted when there is no error', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis()).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    const verdict = await screen.findByTestId('verdict', {}, { timeout: PATIENCE });
    expect(verdict).toHaveTextContent('エラー 0 件・注意 0 件');
    expect(verdict).toHaveTextContent('エラーはありません。提出できます。');
    // The verdict says what it rests on.
    expect(verdict).toHaveTextContent('基本施策 6/6、基本指標 24/24 を読み取りました。');
  });

  it('never passes a partial read: the verdict is an error naming what was not read', async () => {
    const user = userEvent.setup();
    const coverage = {
      policies: { read: 5, expected: 7, missing: [3, 6] },
      indicators: { read: 20, skipped: [{ sheet: '施策2', cell: 'B9', reason: '名前が読めません' }] },
      columns: { skipped: [] },
      problems: ['基本施策3・6の基本指標の表が見つかりません。'],
      complete: false,
    };
    renderPane({ engine: fakeEngine(makeAnalysis({ coverage })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    const verdict = await screen.findByTestId('verdict', {}, { timeout: PATIENCE });
    expect(verdict).toHaveTextContent('基本施策 5/7、基本指標 20/21 を読み取りました。基本施策3・6の基本指標の表が見つかりません。');
    expect(verdict).not.toHaveTextContent('提出できます');
    expect(within(verdict).queryByText(/エラーはありません/)).not.toBeInTheDocument();
  });

  it("names the master's plan in the status header", async () => {
    const definition = { ...definitionOf(makeAnalysis().plan), name: '第三次テスト市協働推進基本計画' };
    const analysis = makeAnalysis();
    renderPane({ engine: fakeEngine({ ...analysis, plan: { ...analysis.plan, definition } }).engine });
    const status = await screen.findByTestId('status');
    expect(await within(status).findByTestId('plan-name', {}, { timeout: PATIENCE })).toHaveTextContent('第三次テスト市協働推進基本計画');
  });

  it('still says 提出できます when there are only warnings, and asks to review them', async () => {
    const user = userEvent.setup();
    const warnings = FINDINGS.filter((f) => f.severity === 'warning');
    renderPane({ engine: fakeEngine(makeAnalysis({ findings: warnings })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByText(/提出できます。注意 3 件も確認してください。/)).toBeInTheDocument();
  });

  it('counts errors and warnings and groups the findings by sheet', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));

    const verdict = await screen.findByTestId('verdict', {}, { timeout: PATIENCE });
    expect(verdict).toHaveTextContent('エラー 2 件・注意 3 件');
    expect(verdict).toHaveTextContent('エラーが 2 件あります。修正してから提出してください。');
    expect(screen.queryByText(/提出できます/)).not.toBeInTheDocument();

    const sheet1 = screen.getByRole('list', { name: '施策1 の指摘' });
    const items = within(sheet1).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // Errors first within a sheet.
    expect(items[0]).toHaveTextContent('エラーC2');
    expect(items[1]).toHaveTextContent('エラーC3');
    expect(items[2]).toHaveTextContent('注意B2');
    expect(within(screen.getByRole('list', { name: '事業一覧 の指摘' })).getAllByRole('listitem')).toHaveLength(1);
    // A finding about the whole file is listed, but there is no cell to go to.
    const whole = screen.getByRole('list', { name: 'ファイル全体 の指摘' });
    expect(within(whole).getByText('報告年度を表紙から読み取れませんでした')).toBeInTheDocument();
    expect(within(whole).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '施策1 エラー 2・注意 1' })).toBeInTheDocument();
  });

  it('selects the cell of a clicked finding through the host', async () => {
    const user = userEvent.setup();
    const { selectCell } = renderPane({ engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    await user.click(await screen.findByRole('button', { name: /C3.*「三十」を数値として読めません/ }));
    await waitFor(() => expect(selectCell).toHaveBeenCalledWith('施策1', 'C3'));
    // In Excel the sheet itself shows the cell: no detail panel.
    expect(screen.queryByTestId('cell-detail')).not.toBeInTheDocument();
  });

  it('is keyboard operable: Tab to the button, Enter runs the check, Space on a finding selects its cell', async () => {
    const user = userEvent.setup();
    const { selectCell } = renderPane({ engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    const button = await screen.findByRole('button', { name: '提出前チェック' });
    await user.tab(); // language switch
    await user.tab(); // 対象年度
    expect(screen.getByRole('combobox', { name: /対象年度/ })).toHaveFocus();
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    await screen.findByText('エラー 2 件・注意 3 件');
    const first = screen.getByRole('button', { name: /C2.*実績値が入力されていません/ });
    first.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(selectCell).toHaveBeenCalledWith('施策1', 'C2'));
  });

  it('shows an error from the host when the cell cannot be selected', async () => {
    const user = userEvent.setup();
    const selectCell = jest.fn<Promise<void>, [string, string]>(async () => {
      throw new Error('sheet gone');
    });
    renderPane({ selectCell, engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    await user.click(await screen.findByRole('button', { name: /C2/ }));
    expect(await screen.findByText(/予期しないエラーが発生しました（sheet gone）/)).toBeInTheDocument();
  });

  it('gives no verdict on a workbook that is not this plan, only how to get one', async () => {
    const user = userEvent.setup();
    const gateway = new FakeGateway(sampleGrid());
    renderPane({
      gateway,
      engine: fakeEngine(
        makeAnalysis({
          unrecognised: true,
          missing: ['全体指標の表'],
          counts: { policies: 0, indicators: 0, projects: 0, surveyIndicators: 0 },
        }),
      ).engine,
    });
    const unknown = await screen.findByTestId('unknown-workbook', {}, { timeout: PATIENCE });
    expect(unknown).toHaveTextContent('協働推進計画の様式ではありません');
    expect(unknown).toHaveTextContent('配られた課別ブック（.xlsx）を開いてください');
    expect(screen.queryByRole('button', { name: '提出前チェック' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '進捗状況を記入' })).not.toBeInTheDocument();
    expect(screen.queryByText(/提出できます/)).not.toBeInTheDocument();
    // One message, not a list of everything missing under it.
    expect(screen.queryByText('見つからない項目があります')).not.toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['English', 'もう一度読み取る']);
    await user.click(screen.getByRole('button', { name: 'もう一度読み取る' }));
    await waitFor(() => expect(gateway.reads).toBe(2), { timeout: PATIENCE });
    expect(screen.queryByTestId('verdict')).not.toBeInTheDocument();
  });

  it('lists the parts of the template that are missing', async () => {
    const user = userEvent.setup();
    renderPane({ engine: fakeEngine(makeAnalysis({ missing: ['事業一覧の表', '全体指標の表'] })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByText('見つからない項目があります')).toBeInTheDocument();
    expect(screen.getByText('事業一覧の表')).toBeInTheDocument();
    expect(screen.getByText('全体指標の表')).toBeInTheDocument();
  });

  it('shows an engine failure instead of going blank', async () => {
    const user = userEvent.setup();
    const engine = {
      ...fakeEngine().engine,
      analyze: () => {
        throw new Error('boom');
      },
    };
    renderPane({ engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByText('処理できませんでした')).toBeInTheDocument();
    expect(screen.getByText(/boom/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '閉じる' }));
    expect(screen.queryByText('処理できませんでした')).not.toBeInTheDocument();
  });
});
