import { analyze } from '../../plan/engine';
import { countBySeverity } from '../../plan/findings';
import { openWorkbookFile } from '../../workbook/file/node';
import { numberOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { findingsJson, findingsText } from '../output';
import { notRecognised } from './common';
import { withPlanOption } from './plan-option';

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('確認するファイルを指定してください。');
  const wb = await openWorkbookFile(file);
  const analysis = analyze(withPlanOption(await wb.read(), args), { year: yearOption(args), jumpRatio: numberOption(args, 'jump-ratio') });
  if (analysis.unrecognised) {
    io.err(notRecognised(file));
    return 2;
  }
  if (args.options.has('json')) io.out(JSON.stringify(findingsJson(analysis), null, 2));
  else io.out(findingsText(analysis));
  return countBySeverity(analysis.findings).errors > 0 ? 1 : 0;
}
