import { analyze, countBySeverity, DEPARTMENT_KIND, readMetadata } from '../../plan';
import { readWorkbookFile } from '../../workbook/file/node';
import {
  JSON_OPTION,
  JUMP_RATIO_OPTION,
  numberOption,
  UsageError,
  YEAR_OPTION,
  yearOption,
  type CommandSpec,
  type ParsedArgs,
} from '../args';
import type { Io } from '../io';
import { findingsJson, findingsText } from '../output';
import { openSubmissionRead } from '../submissions';
import { checkDepartment, refuseDepartment } from './check-department';
import { notRecognised } from './common';
import { coverageJson } from '../../plan';
import { PLAN_OPTION, withPlanOption } from './plan-option';

export const checkSpec: CommandSpec = {
  name: 'check',
  operands: 'FILE',
  summary:
    '入力値を検証します。終了コード 0: エラーなし、1: エラーあり、または読み取れなかった表・行・列がある、2: ファイルを読めない・表が見つからない。',
  maxFiles: 1,
  options: {
    year: { ...YEAR_OPTION, help: '検証する年度。既定は、半数を超える指標に実績値が入っている最新の年度です。' },
    json: JSON_OPTION,
    'jump-ratio': JUMP_RATIO_OPTION,
    plan: PLAN_OPTION,
  },
};
import { terminalSafe } from '../terminal';

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('確認するファイルを指定してください。');
  const { workbook, data } = await readWorkbookFile(file);
  const grid = withPlanOption(await workbook.read(), args);
  if (readMetadata(grid).entries.get('kind') === DEPARTMENT_KIND) {
    // The same bytes opened exactly as compile opens a submission (its limits, no active
    // content), so check cannot say 提出可 for a file compile refuses.
    const submission = await openSubmissionRead(file, data);
    const options = { jumpRatio: numberOption(args, 'jump-ratio'), json: args.options.has('json') };
    if (!submission.grid) return refuseDepartment(file, submission.problems ?? [], options, io);
    return checkDepartment(file, withPlanOption(submission.grid, args), options, io);
  }
  const analysis = analyze(grid, { year: yearOption(args), jumpRatio: numberOption(args, 'jump-ratio') });
  if (analysis.unrecognised) {
    io.err(notRecognised(file));
    return 2;
  }
  const { coverage } = analysis;
  if (args.options.has('json')) io.out(JSON.stringify({ ...findingsJson(analysis), coverage: coverageJson(coverage) }, null, 2));
  else io.out(terminalSafe(findingsText(analysis)));
  // A check that rests on part of the workbook is no pass.
  return countBySeverity(analysis.findings).errors > 0 || !coverage.complete ? 1 : 0;
}
