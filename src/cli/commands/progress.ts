import * as fs from 'fs';
import * as path from 'path';
import { analyze, progressEdits } from '../../plan/engine';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { numberOption, stringOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { progressJson, progressText } from '../output';
import { notRecognised, sameFile } from './common';
import { coverageJson, coverageLine } from '../../plan/coverage';

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
  const analysis = analyze(await wb.read(), { year: yearOption(args), jumpRatio: numberOption(args, 'jump-ratio') });
  if (analysis.unrecognised) {
    io.err(notRecognised(file));
    return 2;
  }
  if (!analysis.progress) {
    io.err(`${path.basename(file)} には実績値の入った年度が見つからないため、進捗状況を判断できません。`);
    return 2;
  }
  const { coverage } = analysis;
  const partial = args.options.has('partial');
  if (!coverage.complete && !partial) {
    if (args.options.has('json')) io.out(JSON.stringify({ file: analysis.source, output: null, coverage: coverageJson(coverage) }, null, 2));
    io.err(`${coverageLine(coverage)}\n読み取れなかった部分があるため、何も書き出しませんでした。表を直すか、読めた分だけ書き出す場合は --partial を指定してください。`);
    return 1;
  }
  const edits = progressEdits(analysis, { overwriteFormulas: args.options.has('overwrite-formulas') });
  const arrows = edits.cells.filter((e) => e.mark === 'arrow').length;
  if (arrows === 0) {
    const kept = analysis.findings.some((f) => f.rule === 'progress-formula');
    io.err(
      `${path.basename(file)} の ${analysis.progress.year}年度について、書き込める進捗状況の矢印がありません。` +
        (kept ? '進捗状況のセルが数式のため残しました。置き換える場合は --overwrite-formulas を指定してください。' : '進捗状況の列と実績値を確認してください。'),
    );
    return 1;
  }
  await wb.apply(edits);
  if (inPlace) fs.copyFileSync(file, `${file}.bak`);
  await saveWorkbookFile(wb, output);
  if (args.options.has('json')) {
    io.out(JSON.stringify({ ...progressJson(analysis, analysis.progress, output), coverage: coverageJson(coverage) }, null, 2));
  } else {
    io.out(progressText(analysis.progress));
    io.out(coverageLine(coverage));
    for (const f of analysis.findings.filter((x) => ['progress-formula', 'progress-column-missing'].includes(x.rule))) {
      io.out(`${f.sheet}!${f.cell}: ${f.message}`);
    }
    io.out(`${output} に書き出しました。${inPlace ? `元のファイルは ${file}.bak に残しました。` : ''}`);
  }
  return coverage.complete ? 0 : 1;
}
