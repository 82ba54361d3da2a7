import * as path from 'path';
import { analyze, progressEdits } from '../../plan';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import {
  FORCE_OPTION,
  JSON_OPTION,
  JUMP_RATIO_OPTION,
  numberOption,
  stringOption,
  UsageError,
  YEAR_OPTION,
  yearOption,
  type CommandSpec,
  type ParsedArgs,
} from '../args';
import { keepBackup, refuseOverwrite } from '../overwrite';
import type { Io } from '../io';
import { progressJson, progressText } from '../output';
import { notRecognised, sameFile } from './common';

export const progressSpec: CommandSpec = {
  name: 'progress',
  operands: 'FILE -o OUT',
  summary: [
    '進捗状況の矢印、施策のまとめ、◇の文章を OUT に書き出します。FILE は書き換えません。',
    '--in-place では FILE に書き込み、元の内容を FILE.bak（既にあれば FILE.1.bak、FILE.2.bak …）に残します。',
  ].join('\n'),
  maxFiles: 1,
  options: {
    output: { type: 'string', short: 'o', value: 'OUT', help: '書き出すファイル (.xlsx)。' },
    year: { ...YEAR_OPTION, help: '進捗を判断する年度。既定は実績値の入った最新の年度です。' },
    json: JSON_OPTION,
    'in-place': { type: 'boolean', help: 'FILE そのものに書き込みます（控えを FILE.bak などに残します）。' },
    force: FORCE_OPTION,
    'jump-ratio': JUMP_RATIO_OPTION,
  },
  exclusive: [['in-place', 'output']],
};

export async function progressCommand(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('進捗状況を記入するファイルを指定してください。');
  const inPlace = args.options.has('in-place');
  let output = stringOption(args, 'output');
  if (inPlace) output = file;
  if (!output) throw new UsageError('書き出すファイルを -o で指定してください（元のファイルは書き換えません）。');
  if (!inPlace && sameFile(file, output)) {
    throw new UsageError('-o に元のファイルと同じ名前は指定できません。上書きする場合は --in-place を付けてください（.bak に控えを残します）。');
  }
  if (!inPlace) refuseOverwrite(output, args);
  const wb = await openWorkbookFile(file);
  const analysis = analyze(await wb.read(), { year: yearOption(args), jumpRatio: numberOption(args, 'jump-ratio') });
  if (analysis.unrecognised) {
    io.err(notRecognised(file));
    return 2;
  }
  if (!analysis.progress) {
    io.err(`${path.basename(file)} には実績値の入った年度が見つからないため、進捗状況を判断できません。`);
    return 2;
  }
  await wb.apply(progressEdits(analysis));
  const backup = inPlace ? keepBackup(file) : undefined;
  await saveWorkbookFile(wb, output);
  if (args.options.has('json')) io.out(JSON.stringify(progressJson(analysis, analysis.progress, output), null, 2));
  else {
    io.out(progressText(analysis.progress));
    io.out(`${output} に書き出しました。${inPlace ? `元のファイルは ${backup} に残しました。` : ''}`);
  }
  return 0;
}
