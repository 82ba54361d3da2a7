import * as fs from 'fs';
import * as path from 'path';
import { localTimestamp, secretOf, signSplit, SplitError, splitMaster, type WorkbookGrid } from '../../plan';
import { FileWorkbook } from '../../workbook/file';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import {
  CliError,
  FORCE_OPTION,
  JSON_OPTION,
  stringOption,
  UsageError,
  YEAR_OPTION,
  yearOption,
  type CommandSpec,
  type ParsedArgs,
} from '../args';
import type { Io } from '../io';
import { PLAN_OPTION, withPlanOption } from './plan-option';
import { defaultKeyFile, keyFile, PASSWORD_ON_COMMAND_LINE, passwordOption } from '../secret';

export const splitSpec: CommandSpec = {
  name: 'split',
  operands: 'MASTER -o DIR',
  summary: [
    '取りまとめ用ブックを課ごとの記入用ファイル DIR/<課名>.xlsx に分けます。その年度の入力セル（実績値、',
    '施策の実施状況・実績の増減理由等、取組状況、達成度、協働指標の内訳）だけが入力でき、シートは保護されます。',
    'DIR に同じ名前のファイルがあれば、--force を付けない限り何も書きません。',
  ].join('\n'),
  maxFiles: 1,
  options: {
    plan: PLAN_OPTION,
    output: { type: 'string', short: 'o', value: 'DIR', help: '各課のファイルを書き出すフォルダー（なければ作ります）。' },
    year: { ...YEAR_OPTION, help: '記入してもらう年度。既定は取りまとめ用ブックの年度です。' },
    key: {
      type: 'string',
      value: 'FILE',
      help: '署名用の鍵のファイル。既定は取りまとめ用ブックの鍵、なければ MASTER.shinchoku-key です。',
    },
    password: {
      type: 'boolean',
      help: 'シート保護のパスワードを環境変数 SHINCHOKU_PASSWORD から、なければ端末で 2 回たずねて決めます（誤操作を防ぐためのもので、秘密を守るものではありません）。',
      refuseValue: PASSWORD_ON_COMMAND_LINE,
    },
    force: { ...FORCE_OPTION, help: 'DIR に同じ名前のファイルがあっても上書きします。' },
    json: JSON_OPTION,
  },
};

import { fsMessage } from '../fs-errors';
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
  const dir = stringOption(args, 'output');
  if (!dir) throw new UsageError('各課のファイルを書き出すフォルダーを -o で指定してください（例: -o 各課）。');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} はフォルダーではありません。`);
  // The master is opened first: a wrong path or a broken file is said before anyone types a password twice.
  const wb = await openWorkbookFile(master);
  const grid = await wb.read();
  const password = await passwordOption(args, io, { confirm: true });
  let result;
  try {
    result = splitMaster(withPlanOption(grid, args), {
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
    throw new CliError(
      `${existing.map((t) => path.basename(t)).join('、')} は既に ${dir} にあります。上書きする場合は --force を付けてください。`,
    );
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
    io.out(
      JSON.stringify(
        {
          year: result.year,
          directory: dir,
          departments: result.departments.map((d, i) => ({ department: d.department, file: targets[i], ...d.counts })),
          warnings: result.warnings,
        },
        null,
        2,
      ),
    );
  } else {
    for (const [i, d] of result.departments.entries()) {
      const c = d.counts;
      io.out(
        terminalSafe(
          `  ${path.basename(targets[i])}  指標 ${c.indicatorRows} 行・実施計画 ${c.projects} 件・内訳 ${c.contributions} 行（入力セル ${c.inputs} 個）`,
        ),
      );
    }
    io.out(terminalSafe(`${dir} に ${result.departments.length} 課の${result.year}年度記入用ファイルを作成しました。`));
  }
  return 0;
}
