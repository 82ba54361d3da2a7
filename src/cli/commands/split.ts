import * as fs from 'fs';
import * as path from 'path';
import { localTimestamp, SplitError, splitMaster } from '../../plan';
import { FileWorkbook } from '../../workbook/file';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { CliError, FORCE_OPTION, JSON_OPTION, stringOption, UsageError, YEAR_OPTION, yearOption, type CommandSpec, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { PLAN_OPTION, withPlanOption } from './plan-option';

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
    password: { type: 'string', value: 'P', help: 'シート保護のパスワード（誤操作を防ぐためのもので、秘密を守るものではありません）。' },
    force: { ...FORCE_OPTION, help: 'DIR に同じ名前のファイルがあっても上書きします。' },
    json: JSON_OPTION,
  },
};

export async function splitCommand(args: ParsedArgs, io: Io): Promise<number> {
  const master = args.positional[0];
  if (!master) throw new UsageError('分割する取りまとめ用ブックを指定してください。');
  const dir = stringOption(args, 'output');
  if (!dir) throw new UsageError('各課のファイルを書き出すフォルダーを -o で指定してください（例: -o 各課）。');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} はフォルダーではありません。`);
  const password = stringOption(args, 'password');
  const wb = await openWorkbookFile(master);
  let result;
  try {
    result = splitMaster(withPlanOption(await wb.read(), args), {
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
  const existing = targets.filter((t) => fs.existsSync(t));
  if (existing.length > 0 && !args.options.has('force')) {
    throw new CliError(`${existing.map((t) => path.basename(t)).join('、')} は既に ${dir} にあります。上書きする場合は --force を付けてください。`);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, d] of result.departments.entries()) {
    const out = FileWorkbook.create(d.fileName);
    await out.apply({ cells: d.cells, sheets: d.sheets });
    await saveWorkbookFile(out, targets[i]);
  }
  for (const w of result.warnings) io.err(`注意: ${w}`);
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
      io.out(`  ${path.basename(targets[i])}  指標 ${c.indicatorRows} 行・実施計画 ${c.projects} 件・内訳 ${c.contributions} 行（入力セル ${c.inputs} 個）`);
    }
    io.out(`${dir} に ${result.departments.length} 課の${result.year}年度記入用ファイルを作成しました。`);
  }
  return 0;
}
