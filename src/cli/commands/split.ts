import * as fs from 'fs';
import * as path from 'path';
import type { WorkbookGrid } from '../../plan/grid';
import { splitMaster, SplitError } from '../../plan/split';
import { secretOf, signSplit } from '../../plan/split/signature';
import { FileWorkbook } from '../../workbook/file';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { stringOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { localTimestamp } from '../../plan/timestamp';
import { fsMessage } from '../fs-errors';
import { defaultKeyFile, keyFile, passwordOption } from '../secret';
import { terminalSafe } from '../terminal';
import { sameFile } from './common';

/**
 * The master's signing secret: from --key, else the master's own hidden sheet (init puts one
 * there), else the key file beside the master (created on the first split). MASTER is never written.
 */
function secretFor(args: ParsedArgs, master: string, grid: WorkbookGrid, io: Io): string {
  const flag = stringOption(args, 'key');
  const own = flag ? undefined : secretOf(grid);
  if (own) return own;
  const key = flag ?? defaultKeyFile(master);
  const { secret, created } = keyFile(key, true);
  if (created) io.err(`注意: 署名用の鍵を ${key} に作りました。取りまとめ（compile）に使います。各課には渡さないでください。`);
  return secret;
}

/** Writes every file into a new folder beside DIR first; only a complete set is moved into DIR. */
async function writeAll(dir: string, files: { name: string; write: (target: string) => Promise<void> }[]): Promise<void> {
  const parent = path.dirname(path.resolve(dir));
  let temp: string;
  try {
    fs.mkdirSync(parent, { recursive: true });
    temp = fs.mkdtempSync(path.join(parent, `.${path.basename(dir)}.tmp-`));
  } catch (err) {
    throw new UsageError(fsMessage(parent, err, 'フォルダーを作れません'));
  }
  try {
    for (const f of files) await f.write(path.join(temp, f.name));
    if (!fs.existsSync(dir)) fs.renameSync(temp, dir);
    else {
      for (const f of files) fs.renameSync(path.join(temp, f.name), path.join(dir, f.name));
      fs.rmdirSync(temp);
    }
  } catch (err) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (err instanceof Error && !(err as NodeJS.ErrnoException).code) throw err;
    throw new UsageError(fsMessage(dir, err, '各課のファイルを書き出せません'));
  }
}

/** `shinchoku split MASTER -o DIR [--year Y] [--key FILE] [--password] [--force] [--json]` */
export async function splitCommand(args: ParsedArgs, io: Io): Promise<number> {
  const master = args.positional[0];
  if (!master) throw new UsageError('分割する取りまとめ用ブックを指定してください。');
  if (args.positional.length > 1) throw new UsageError(`余分な引数があります: ${args.positional.slice(1).join(' ')}`);
  const dir = stringOption(args, 'output');
  if (!dir) throw new UsageError('各課のファイルを書き出すフォルダーを -o で指定してください（例: -o 各課）。');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} はフォルダーではありません。`);
  const password = passwordOption(args);
  const wb = await openWorkbookFile(master);
  const grid = await wb.read();
  let result;
  try {
    result = splitMaster(grid, {
      year: yearOption(args),
      password,
      masterFile: path.basename(master),
      splitAt: localTimestamp(new Date()),
    });
  } catch (err) {
    if (err instanceof SplitError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  const targets = result.departments.map((d) => path.join(dir, d.fileName));
  const onMaster = targets.find((t) => sameFile(master, t));
  if (onMaster) throw new UsageError(`${onMaster} は取りまとめ用ブックそのものです。別のフォルダーを -o で指定してください。`);
  const existing = targets.filter((t) => fs.existsSync(t));
  if (existing.length > 0 && !args.options.has('force')) {
    throw new UsageError(`${existing.map((t) => path.basename(t)).join('、')} は既に ${dir} にあります。上書きする場合は --force を付けてください。`);
  }
  result = await signSplit(result, secretFor(args, master, grid, io), password);
  await writeAll(
    dir,
    result.departments.map((d) => ({
      name: d.fileName,
      write: async (target: string) => {
        const out = FileWorkbook.create(d.fileName);
        await out.apply({ cells: d.cells, sheets: d.sheets });
        await saveWorkbookFile(out, target);
      },
    })),
  );
  for (const w of result.warnings) io.err(terminalSafe(`注意: ${w}`));
  if (args.options.has('json')) {
    io.out(JSON.stringify({
      year: result.year,
      directory: dir,
      departments: result.departments.map((d, i) => ({ department: d.department, file: targets[i], ...d.counts })),
      warnings: result.warnings,
    }, null, 2));
  } else {
    for (const [i, d] of result.departments.entries()) {
      const c = d.counts;
      io.out(terminalSafe(`  ${path.basename(targets[i])}  指標 ${c.indicatorRows} 行・実施計画 ${c.projects} 件・内訳 ${c.contributions} 行（入力セル ${c.inputs} 個）`));
    }
    io.out(terminalSafe(`${dir} に ${result.departments.length} 課の${result.year}年度記入用ファイルを作成しました。`));
  }
  return 0;
}
