import * as fs from 'fs';
import { renderMaster } from '../../plan/layout/master';
import { PLAN_LAST_YEAR } from '../../plan/policies';
import { METADATA_SHEET } from '../../plan/recognize/metadata';
import { newSecret, SECRET_ENTRY } from '../../plan/split/signature';
import { FileWorkbook } from '../../workbook/file';
import { saveWorkbookFile } from '../../workbook/file/node';
import { stringOption, UsageError, yearOption, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { SAMPLE_REPORTS, sampleMaster } from '../sample';
import * as path from 'path';

/** The report is written the year after: in FY2026 one reports on FY2025. */
function defaultYear(now = new Date()): number {
  const fiscal = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return Math.min(fiscal - 1, PLAN_LAST_YEAR);
}

export async function initCommand(args: ParsedArgs, io: Io): Promise<number> {
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('作成するファイルを -o で指定してください（例: -o master.xlsx）。');
  if (fs.existsSync(output) && !args.options.has('force')) {
    throw new UsageError(`${output} は既にあります。上書きする場合は --force を付けてください。`);
  }
  const sample = args.options.get('sample');
  let sheets;
  if (sample !== undefined) {
    const year = sample === true ? 2023 : Number(sample);
    if (!SAMPLE_REPORTS[year]) throw new UsageError(`--sample に指定できる年度は ${Object.keys(SAMPLE_REPORTS).join('、')} です。`);
    sheets = sampleMaster(year);
  } else {
    sheets = renderMaster({ year: yearOption(args) ?? defaultYear() });
  }
  // The secret department workbooks are signed with (split) and checked against (compile). A
  // sample is published, so it carries none: split keeps a key file beside it instead.
  if (sample === undefined) sheets = sheets.map((s) => (s.name === METADATA_SHEET ? { ...s, rows: [...s.rows, [SECRET_ENTRY, newSecret()]] } : s));
  const wb = FileWorkbook.create(path.basename(output));
  await wb.apply({ cells: [], sheets });
  await saveWorkbookFile(wb, output);
  io.out(`${output} を作成しました（${sheets.filter((s) => s.state === undefined).map((s) => s.name).join('、')}）。`);
  return 0;
}
