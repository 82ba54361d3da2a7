import { analyze } from '../../plan/engine';
import { countBySeverity } from '../../plan/findings';
import { openWorkbookFile } from '../../workbook/file/node';
import { numberOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { findingsJson, findingsText } from '../output';
import { readMetadata } from '../../plan/recognize/metadata';
import { DEPARTMENT_KIND } from '../../plan/split/manifest';
import { checkDepartment } from './check-department';
import { notRecognised } from './common';
import { terminalSafe } from '../terminal';

export async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('確認するファイルを指定してください。');
  const wb = await openWorkbookFile(file);
  const grid = await wb.read();
  if (readMetadata(grid).entries.get('kind') === DEPARTMENT_KIND) {
    return checkDepartment(file, grid, { jumpRatio: numberOption(args, 'jump-ratio'), json: args.options.has('json') }, io);
  }
  const analysis = analyze(grid, { year: yearOption(args), jumpRatio: numberOption(args, 'jump-ratio') });
  if (analysis.unrecognised) {
    io.err(notRecognised(file));
    return 2;
  }
  if (args.options.has('json')) io.out(JSON.stringify(findingsJson(analysis), null, 2));
  else io.out(terminalSafe(findingsText(analysis)));
  return countBySeverity(analysis.findings).errors > 0 ? 1 : 0;
}
