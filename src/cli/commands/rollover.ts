import * as path from 'path';
import { localTimestamp, rolloverMaster, SplitError } from '../../plan';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { FORCE_OPTION, stringOption, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import { refuseOverwrite } from '../overwrite';
import type { Io } from '../io';
import { sameFile } from './common';
import { PLAN_OPTION, withPlanOption } from './plan-option';

export const rolloverSpec: CommandSpec = {
  name: 'rollover',
  operands: 'MASTER --to YEAR -o OUT',
  summary: [
    '取りまとめ用ブックを次の年度に切り替えます。実施計画の見出しと年度を改め、前年度の取組状況・達成度・増減理由を',
    '空欄にし（増減理由はセルのメモに参考として残します）、「年度切替の記録」シートに記録します。MASTER は書き換えません。',
  ].join('\n'),
  maxFiles: 1,
  options: {
    to: { type: 'string', value: 'YEAR', help: '切り替え先の年度（例: 2026）。' },
    output: { type: 'string', short: 'o', value: 'OUT', help: '書き出すファイル (.xlsx)。' },
    force: FORCE_OPTION,
    plan: PLAN_OPTION,
  },
};

/** `shinchoku rollover MASTER --to YEAR -o OUT`: the master carried into the next fiscal year. */
export async function rolloverCommand(args: ParsedArgs, io: Io): Promise<number> {
  const master = args.positional[0];
  if (!master) throw new UsageError('年度を切り替える取りまとめ用ブックを指定してください。');
  const toText = stringOption(args, 'to');
  const to = Number(toText);
  if (!toText || !Number.isInteger(to) || to < 2000 || to > 2200)
    throw new UsageError(`--to には切り替え先の年度（例: --to 2025）を指定してください。`);
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('書き出すファイルを -o で指定してください（元のファイルは書き換えません）。');
  if (sameFile(master, output)) throw new UsageError('-o に元のファイルと同じ名前は指定できません。');
  refuseOverwrite(output, args);
  const wb = await openWorkbookFile(master);
  let result;
  try {
    result = rolloverMaster(withPlanOption(await wb.read(), args), to, localTimestamp(new Date()), path.basename(master));
  } catch (err) {
    if (err instanceof SplitError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  await wb.apply(result.edits);
  await saveWorkbookFile(wb, output);
  for (const n of result.notices) io.out(n);
  io.out(`${result.from}年度から${result.to}年度に切り替えたブックを ${output} に書き出しました。`);
  return 0;
}
