import * as fs from 'fs';
import * as path from 'path';
import { splitMaster, SplitError } from '../../plan/split';
import { FileWorkbook } from '../../workbook/file';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { stringOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { localTimestamp } from '../../plan/timestamp';
import { withPlanOption } from './plan-option';

/** `shinchoku split MASTER -o DIR [--year Y] [--password P] [--force] [--json]` */
export async function splitCommand(args: ParsedArgs, io: Io): Promise<number> {
  const master = args.positional[0];
  if (!master) throw new UsageError('分割する取りまとめ用ブックを指定してください。');
  if (args.positional.length > 1) throw new UsageError(`余分な引数があります: ${args.positional.slice(1).join(' ')}`);
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
    throw new UsageError(`${existing.map((t) => path.basename(t)).join('、')} は既に ${dir} にあります。上書きする場合は --force を付けてください。`);
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
