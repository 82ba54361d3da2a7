/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ja from '../../src/taskpane/i18n/ja.json';
import en from '../../src/taskpane/i18n/en.json';
import { FINDINGS, fakeEngine, makeAnalysis, renderPane } from './fakes';

beforeEach(() => localStorage.clear());

describe('language', () => {
  it('is Japanese by default, with the exact button names', async () => {
    renderPane({ language: undefined });
    for (const name of ['提出前チェック', '進捗状況を記入']) {
      expect(await screen.findByRole('button', { name })).toBeInTheDocument();
    }
    expect(document.documentElement.lang).toBe('ja');
  });

  it('switches to English and back, and remembers the choice', async () => {
    const user = userEvent.setup();
    const first = renderPane({ engine: fakeEngine(makeAnalysis({ findings: FINDINGS })).engine });
    await user.click(await screen.findByRole('button', { name: '提出前チェック' }));
    await screen.findByText('エラー 2 件・注意 3 件');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Pre-submission check' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Write progress' })).toBeInTheDocument();
    expect(screen.getByText('2 errors, 3 warnings')).toBeInTheDocument();
    expect(screen.getByTestId('verdict')).toHaveTextContent('There are 2 errors. Fix them before submitting.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Collaboration Plan Progress Check');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Collaboration Plan Progress Check');
    // Messages from the engine stay as the engine wrote them.
    expect(screen.getByText('「三十」を数値として読めません')).toBeInTheDocument();
    first.unmount();

    renderPane({ language: undefined });
    expect(await screen.findByRole('button', { name: 'Pre-submission check' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '日本語' }));
    expect(screen.getByRole('button', { name: '提出前チェック' })).toBeInTheDocument();
  });

  it('no-host mode in English', async () => {
    renderPane({ mode: 'none', language: 'en' });
    expect(await screen.findByRole('button', { name: 'Open a file' })).toBeInTheDocument();
  });

  it('has the same keys in both resource files', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|other)$/, '')],
      );
    // Findings are worded in Japanese by src/plan/rules.ts itself; only the other language needs `rules.*`.
    const notRules = (k: string) => !k.startsWith('rules.');
    expect([...new Set(keys(en).filter(notRules))].sort()).toEqual([...new Set(keys(ja))].sort());
  });

  it('carries the exact Japanese names of the four main buttons', () => {
    expect(ja.check.button).toBe('提出前チェック');
    expect(ja.progress.button).toBe('進捗状況を記入');
    expect(ja.file.open).toBe('ファイルを開く');
    expect(ja.file.download).toBe('結果をダウンロード');
  });
});
