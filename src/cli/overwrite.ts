import * as fs from 'fs';
import { CliError, type ParsedArgs } from './args';

/** One overwrite rule for every command that writes a file: an existing file is replaced only with --force. */
export function refuseOverwrite(output: string, args: ParsedArgs): void {
  if (!fs.existsSync(output)) return;
  if (!args.options.has('force')) throw new CliError(`${output} は既にあります。上書きする場合は --force を付けてください。`);
}

const MAX_BACKUPS = 10000;

/**
 * Copies FILE to FILE.bak, or FILE.1.bak, FILE.2.bak … when that exists, so a second --in-place run
 * never replaces the copy of the original. Returns the backup's path. The copy is exclusive
 * (COPYFILE_EXCL), so two runs at once cannot write the same backup either.
 */
export function keepBackup(file: string): string {
  for (let n = 0; n < MAX_BACKUPS; n++) {
    const backup = n === 0 ? `${file}.bak` : `${file}.${n}.bak`;
    try {
      fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
      return backup;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new CliError(`${file} の控え ${backup} を作れませんでした（${code ?? String(err)}）。${file} は書き換えていません。`);
    }
  }
  throw new CliError(
    `${file} の控えが ${MAX_BACKUPS} 個あります。古い控え (${file}.*.bak) を整理してから実行してください。${file} は書き換えていません。`,
  );
}
