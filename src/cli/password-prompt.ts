import * as readline from 'readline';
import { Writable } from 'stream';
import { CliError } from './args';

/** Asks one question and resolves with the answer; the answer is never shown. */
export type AskSecret = (question: string) => Promise<string>;

/**
 * Reads one line from `input` without echoing it. readline in terminal mode puts a TTY into
 * raw mode (so the terminal does not echo either) and keeps line editing; its own echo goes
 * to a sink. The question and the line break after the answer go to `output`.
 */
export function askHidden(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<string> {
  output.write(question);
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input, output: sink, terminal: true });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      output.write('\n');
      rl.close();
      fn();
    };
    rl.once('line', (line) => settle(() => resolve(line)));
    rl.once('SIGINT', () => settle(() => reject(new CliError('パスワードの入力を取り消しました。何も書き出していません。'))));
    rl.once('close', () => settle(() => reject(new CliError('パスワードが入力されませんでした。何も書き出していません。'))));
  });
}

/**
 * The sheet-protection password typed at the terminal. When it is being set (`confirm`), it
 * is asked twice: a typo nobody saw would lock the coordinator out of the sheets.
 */
export async function promptPassword(ask: AskSecret, confirm: boolean): Promise<string> {
  const first = await ask('シート保護のパスワード（入力した文字は表示されません）: ');
  if (first === '') throw new CliError('パスワードが空です。何も書き出していません。');
  if (confirm) {
    const second = await ask('確認のため、もう一度入力してください: ');
    if (second !== first) throw new CliError('2 回入力したパスワードが一致しません。何も書き出していません。もう一度やり直してください。');
  }
  return first;
}
