import * as path from 'path';
import { analyze, progressEdits } from '../../plan';
import { openWorkbookFile, refuseUnsupportedTarget, saveWorkbookFile } from '../../workbook/file/node';
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
import { cellKeyAt, coverageJson, coverageLine, FINAL_SHEET, finalEvaluationFor } from '../../plan';
import { PLAN_OPTION, withPlanOption } from './plan-option';

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
    partial: { type: 'boolean', help: '読み取れなかった表や行があっても、読めた分だけ書き出します（終了コードは 1）。' },
    plan: PLAN_OPTION,
    'overwrite-formulas': { type: 'boolean', help: '進捗状況のセルにある数式を矢印で置き換えます。' },
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
    throw new UsageError(
      '-o に元のファイルと同じ名前は指定できません。上書きする場合は --in-place を付けてください（.bak に控えを残します）。',
    );
  }
  // Before the analysis and before any .bak: a target that cannot be written is refused at once.
  refuseUnsupportedTarget(output);
  if (!inPlace) refuseOverwrite(output, args);
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
  const { coverage } = analysis;
  const partial = args.options.has('partial');
  if (!coverage.complete && !partial) {
    if (args.options.has('json'))
      io.out(JSON.stringify({ file: analysis.source, output: null, coverage: coverageJson(coverage) }, null, 2));
    io.err(
      `${coverageLine(coverage)}\n読み取れなかった部分があるため、何も書き出しませんでした。表を直すか、読めた分だけ書き出す場合は --partial を指定してください。`,
    );
    return 1;
  }
  const edits = progressEdits(analysis, { overwriteFormulas: args.options.has('overwrite-formulas') });
  const arrows = edits.cells.filter((e) => e.mark === 'arrow').length;
  if (arrows === 0) {
    const kept = analysis.findings.some((f) => f.rule === 'progress-formula');
    io.err(
      `${path.basename(file)} の ${analysis.progress.year}年度について、書き込める進捗状況の矢印がありません。` +
        (kept
          ? '進捗状況のセルが数式のため残しました。置き換える場合は --overwrite-formulas を指定してください。'
          : '進捗状況の列と実績値を確認してください。'),
    );
    return 1;
  }
  await wb.apply(edits);
  // In the plan's target year the report is its final evaluation: 達成/未達成 per indicator on a sheet of its own.
  const final = finalEvaluationFor(grid, analysis.plan, analysis.year);
  if (final) await wb.apply(final.edits);
  const backup = inPlace ? keepBackup(file) : undefined;
  await saveWorkbookFile(wb, output);
  if (args.options.has('json')) {
    io.out(
      JSON.stringify(
        {
          ...progressJson(analysis, analysis.progress, output),
          coverage: coverageJson(coverage),
          ...(final ? { finalEvaluation: final.evaluation } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(progressText(analysis.progress));
    if (final) io.out(`最終評価（シート「${FINAL_SHEET}」）: ${final.evaluation.sentence}`);
    io.out(coverageLine(coverage));
    for (const f of analysis.findings.filter((x) =>
      ['progress-formula', 'progress-column-missing', 'progress-column-protected'].includes(x.rule),
    )) {
      io.out(`${cellKeyAt(f.sheet, f.cell)}: ${f.message}`);
    }
    io.out(`${output} に書き出しました。${inPlace ? `元のファイルは ${backup} に残しました。` : ''}`);
  }
  // A table whose arrows could not be written (protected, no 進捗状況 column) is no full success.
  return coverage.complete && !analysis.findings.some((f) => f.rule === 'progress-column-protected') ? 0 : 1;
}
