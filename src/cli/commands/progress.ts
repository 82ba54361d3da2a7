import * as fs from 'fs';
import * as path from 'path';
import { analyze, progressEdits } from '../../plan/engine';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { numberOption, stringOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { progressJson, progressText } from '../output';
import { notRecognised, sameFile } from './common';
import { withPlanOption } from './plan-option';
import { FINAL_SHEET, finalEvaluationFor } from '../../plan/evaluation';

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
  const wb = await openWorkbookFile(file);
  const grid = withPlanOption(await wb.read(), args);
  const analysis = analyze(grid, { year: yearOption(args), jumpRatio: numberOption(args, 'jump-ratio') });
  if (analysis.unrecognised) {
    io.err(notRecognised(file));
    return 2;
  }
  if (!analysis.progress) {
    io.err(`${path.basename(file)} には実績値の入った年度が見つからないため、進捗状況を判断できません。`);
    return 2;
  }
  await wb.apply(progressEdits(analysis));
  const final = finalEvaluationFor(grid, analysis.plan, analysis.year);
  if (final) await wb.apply(final.edits);
  if (inPlace) fs.copyFileSync(file, `${file}.bak`);
  await saveWorkbookFile(wb, output);
  if (args.options.has('json')) io.out(JSON.stringify(progressJson(analysis, analysis.progress, output), null, 2));
  else {
    io.out(progressText(analysis.progress));
    if (final) io.out(`最終評価（シート「${FINAL_SHEET}」）: ${final.evaluation.sentence}`);
    io.out(`${output} に書き出しました。${inPlace ? `元のファイルは ${file}.bak に残しました。` : ''}`);
  }
  return 0;
}
