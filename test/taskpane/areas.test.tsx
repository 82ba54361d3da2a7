/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkbookError } from '../../src/workbook/gateway';
import { FakeGateway, fakeEngine, makeAnalysis, renderPane, sampleGrid, sampleReport, FLAGS } from './fakes';

const PROTECTED = '実施報告.xlsx の「施策1」シートは保護されているため書き込めません';

/** A workbook whose sheets are protected for the first `failures` writes. */
function protectedFor(failures: number) {
  const gateway = new FakeGateway(sampleGrid());
  const apply = gateway.apply.bind(gateway);
  let left = failures;
  gateway.apply = async (edits) => {
    if (left-- > 0) throw new WorkbookError(PROTECTED, 'protected');
    return apply(edits);
  };
  return gateway;
}

/** The section whose heading is `name` (each area's spinner and errors show inside its section). */
const section = (name: string) => screen.getByRole('heading', { name }).closest('section') as HTMLElement;

describe('each area keeps its own error', () => {
  it('a failed write stays shown while another area works, and goes when its own area runs again', async () => {
    const user = userEvent.setup();
    const gateway = protectedFor(1);
    renderPane({ gateway, engine: fakeEngine(makeAnalysis({ progress: sampleReport() })).engine });

    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));
    expect(await within(section('進捗状況')).findByText(PROTECTED)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '提出前チェック' }));
    expect(await screen.findByTestId('verdict')).toHaveTextContent('エラーはありません。提出できます。');
    expect(within(section('進捗状況')).getByText(PROTECTED)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '進捗状況を記入' }));
    expect(await screen.findByText('2 か所に記入しました。')).toBeInTheDocument();
    expect(screen.queryByText(PROTECTED)).not.toBeInTheDocument();
  });

  it('closing one area’s error leaves the other’s', async () => {
    const user = userEvent.setup();
    renderPane({ gateway: protectedFor(2), engine: fakeEngine(makeAnalysis({ progress: sampleReport(), flags: FLAGS })).engine });

    await user.click(await screen.findByRole('button', { name: '進捗状況を記入' }));
    await within(section('進捗状況')).findByText(PROTECTED);
    await user.click(screen.getByRole('button', { name: '見直し指標に印を付ける' }));
    await within(section('見直し指標')).findByText(PROTECTED);

    await user.click(within(section('進捗状況')).getByRole('button', { name: '閉じる' }));
    await waitFor(() => expect(within(section('進捗状況')).queryByText(PROTECTED)).not.toBeInTheDocument());
    expect(within(section('見直し指標')).getByText(PROTECTED)).toBeInTheDocument();
  });
});
