import * as fs from 'fs';
import * as path from 'path';
import { PassThrough } from 'stream';
import type { PlanDefinition } from '../../src/plan/definition';
import { UsageError, type ParsedArgs } from '../../src/cli/args';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { askHidden, promptPassword } from '../../src/cli/password-prompt';
import { passwordOption } from '../../src/cli/secret';
import { opensWith, sheetProtections } from '../workbook/file/protection';
import { cli, sha, tempDir } from './helpers';

/** A terminal stand-in: what is typed goes into `input`; `shown()` is everything written to the screen. */
function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (c: Buffer) => (screen += c.toString('utf8')));
  return { input, output, shown: () => screen };
}

/** An Io whose terminal answers from `answers`, in order, recording each question. */
function ioAnswering(answers: string[]) {
  const questions: string[] = [];
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    interactive: false,
    askSecret: (q) => {
      questions.push(q);
      const a = answers.shift();
      return a === undefined ? Promise.reject(new Error('asked once too often')) : Promise.resolve(a);
    },
  };
  return { io, questions, output: () => ({ out, err }) };
}

const withPassword: ParsedArgs = { positional: [], options: new Map([['password', true]]) };

describe('askHidden: reading a password at the terminal', () => {
  it('shows the question, returns the typed line, and never shows what was typed', async () => {
    const t = terminal();
    const answer = askHidden('パスワード: ', t.input, t.output);
    t.input.write('協働Kyodo-2024\r');
    await expect(answer).resolves.toBe('協働Kyodo-2024');
    expect(t.shown()).toContain('パスワード: ');
    expect(t.shown()).not.toContain('Kyodo');
    expect(t.shown()).not.toContain('協働');
  });

  it('keeps line editing: a backspace removes the last character', async () => {
    const t = terminal();
    const answer = askHidden('パスワード: ', t.input, t.output);
    t.input.write('kyodox\x7f\n');
    await expect(answer).resolves.toBe('kyodo');
  });

  it('says so in Japanese when input ends (Ctrl+D) or is cancelled (Ctrl+C)', async () => {
    const ended = terminal();
    const none = askHidden('パスワード: ', ended.input, ended.output);
    ended.input.end();
    await expect(none).rejects.toThrow('パスワードが入力されませんでした');
    const cancelled = terminal();
    const stop = askHidden('パスワード: ', cancelled.input, cancelled.output);
    cancelled.input.write('\x03');
    await expect(stop).rejects.toThrow('パスワードの入力を取り消しました');
  });
});

describe('promptPassword: setting a password', () => {
  it('asks twice and accepts two equal answers', async () => {
    const { io, questions } = ioAnswering(['kyodo', 'kyodo']);
    await expect(promptPassword(io.askSecret!, true)).resolves.toBe('kyodo');
    expect(questions).toEqual(['シート保護のパスワード（入力した文字は表示されません）: ', '確認のため、もう一度入力してください: ']);
  });

  it('refuses two different answers, and an empty one', async () => {
    await expect(promptPassword(ioAnswering(['kyodo', 'kyoudo']).io.askSecret!, true)).rejects.toThrow(
      '2 回入力したパスワードが一致しません',
    );
    await expect(promptPassword(ioAnswering(['']).io.askSecret!, true)).rejects.toThrow('パスワードが空です');
  });

  it('asks once when the password is not being set', async () => {
    const { io, questions } = ioAnswering(['kyodo']);
    await expect(promptPassword(io.askSecret!, false)).resolves.toBe('kyodo');
    expect(questions).toHaveLength(1);
  });
});

describe('passwordOption: where --password comes from', () => {
  it('takes SHINCHOKU_PASSWORD first, without asking', async () => {
    const { io, questions } = ioAnswering([]);
    await expect(passwordOption(withPassword, io, { confirm: true }, { SHINCHOKU_PASSWORD: 'env-pw' })).resolves.toBe('env-pw');
    expect(questions).toEqual([]);
  });

  it('asks at the terminal when the variable is unset', async () => {
    const { io, questions } = ioAnswering(['typed', 'typed']);
    await expect(passwordOption(withPassword, io, { confirm: true }, {})).resolves.toBe('typed');
    expect(questions).toHaveLength(2);
  });

  it('without a terminal and without the variable: a Japanese usage error', async () => {
    const io: Io = { out: () => undefined, err: () => undefined, interactive: false };
    const err = await passwordOption(withPassword, io, { confirm: true }, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('環境変数 SHINCHOKU_PASSWORD');
    expect((err as Error).message).toContain('端末から実行してパスワードを入力する');
  });

  it('without --password: no password, nothing asked', async () => {
    const { io, questions } = ioAnswering([]);
    const none: ParsedArgs = { positional: [], options: new Map() };
    await expect(passwordOption(none, io, { confirm: true }, {})).resolves.toBeUndefined();
    expect(questions).toEqual([]);
  });
});

/** One 施策, two 課: a master small enough to split in a few seconds. */
const SMALL_PLAN: PlanDefinition = {
  name: 'パスワード確認用の計画',
  period: { first: 2024, last: 2026 },
  referencePoints: [{ role: 'baseline', label: '策定時', year: 2023 }],
  targetYear: 2026,
  policies: [
    {
      number: 1,
      title: '地域の担い手づくり',
      keyPoints: ['担い手講座の開催'],
      indicators: [
        { name: '担い手講座の受講者数', unit: '人', direction: 'up', owners: ['生涯学習課'] },
        { name: '防災訓練の参加者数', unit: '人', direction: 'up', owners: ['防災危機管理課'] },
      ],
    },
  ],
  departments: ['生涯学習課', '防災危機管理課'],
};

describe('shinchoku split --password at a terminal', () => {
  const dir = tempDir('shinchoku-prompt-');
  const master = path.join(dir, 'master.xlsx');

  beforeAll(async () => {
    const planFile = path.join(dir, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(SMALL_PLAN));
    expect((await cli('init', '--plan', planFile, '--year', '2024', '-o', master)).code).toBe(0);
  });

  afterEach(() => {
    delete process.env.SHINCHOKU_PASSWORD;
  });

  it('protects every 課 workbook with the password typed twice', async () => {
    delete process.env.SHINCHOKU_PASSWORD;
    const out = path.join(dir, 'typed');
    const { io, questions, output } = ioAnswering(['協働2024', '協働2024']);
    const code = await main(['split', master, '-o', out, '--password'], io);
    expect({ code, err: output().err }).toEqual({ code: 0, err: '' });
    expect(questions).toHaveLength(2);
    expect(fs.readdirSync(out).sort()).toEqual(['生涯学習課.xlsx', '防災危機管理課.xlsx']);
    for (const file of fs.readdirSync(out)) {
      const found = await sheetProtections(fs.readFileSync(path.join(out, file)));
      expect(found.length).toBeGreaterThan(0);
      for (const { attributes } of found) expect(opensWith('協働2024', attributes)).toBe(true);
    }
  }, 120_000);

  it('two different answers end with exit 2, a Japanese message, nothing written and MASTER unchanged', async () => {
    delete process.env.SHINCHOKU_PASSWORD;
    const before = sha(master);
    const out = path.join(dir, 'mismatch');
    const { io, output } = ioAnswering(['協働2024', '協働2025']);
    expect(await main(['split', master, '-o', out, '--password'], io)).toBe(2);
    expect(output().err).toContain('2 回入力したパスワードが一致しません');
    expect(fs.existsSync(out)).toBe(false);
    expect(sha(master)).toBe(before);
  });

  it('without a terminal and without SHINCHOKU_PASSWORD: exit 2 and nothing written', async () => {
    delete process.env.SHINCHOKU_PASSWORD;
    const out = path.join(dir, 'no-tty');
    const run = await cli('split', master, '-o', out, '--password');
    expect(run.code).toBe(2);
    expect(run.err).toContain('環境変数 SHINCHOKU_PASSWORD');
    expect(fs.existsSync(out)).toBe(false);
  });
});
