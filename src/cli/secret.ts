import * as fs from 'fs';
import { isSecret, newSecret } from '../plan';
import { UsageError, type ParsedArgs } from './args';
import { fsMessage } from './fs-errors';
import type { Io } from './io';
import { promptPassword } from './password-prompt';

/** The environment variable --password reads: a password on the command line is seen by every user of the machine. */
export const PASSWORD_ENV = 'SHINCHOKU_PASSWORD';

/** What --password=VALUE is answered with. */
export const PASSWORD_ON_COMMAND_LINE = `パスワードはコマンドラインには書けません（ほかの利用者からも見えます）。--password だけを付けて聞かれたときに入力するか、環境変数 ${PASSWORD_ENV} に設定してください。`;

/** Where split keeps the secret of a master that has none in its hidden sheet: beside it. */
export function defaultKeyFile(master: string): string {
  return `${master}.shinchoku-key`;
}

/**
 * The signing secret from a key file (--key). split creates the file when it does not exist
 * (readable by its owner only); compile requires it.
 */
export function keyFile(file: string, create: boolean): { secret: string; created: boolean } {
  if (!fs.existsSync(file)) {
    if (!create) throw new UsageError(`鍵ファイル ${file} がありません。split のときに --key で指定したファイルを指定してください。`);
    const secret = newSecret();
    try {
      fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      throw new UsageError(fsMessage(file, err, '鍵ファイルを作れません'));
    }
    return { secret, created: true };
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new UsageError(fsMessage(file, err, '鍵ファイルを読めません'));
  }
  if (!isSecret(text))
    throw new UsageError(`${file} は shinchoku の鍵ファイルではありません（64 桁の16進数が1行だけ書かれたファイルです）。`);
  return { secret: text, created: false };
}

/**
 * --password: taken from SHINCHOKU_PASSWORD, else asked at the terminal (twice when `confirm`,
 * i.e. when the password is being set), never from the command line.
 */
export async function passwordOption(
  args: ParsedArgs,
  io: Io,
  { confirm }: { confirm: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const v = args.options.get('password');
  if (v === undefined) return undefined;
  if (v !== true) throw new UsageError(PASSWORD_ON_COMMAND_LINE);
  const p = env[PASSWORD_ENV];
  if (p) return p;
  if (!io.askSecret) {
    throw new UsageError(
      `--password を付けたときは、端末から実行してパスワードを入力するか、環境変数 ${PASSWORD_ENV} にシート保護のパスワードを設定してください（入力できる端末がありません）。`,
    );
  }
  return promptPassword(io.askSecret, confirm);
}
