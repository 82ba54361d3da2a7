import { DEFAULT_PLAN, renderMaster } from '../../plan';
import { PLAN_OPTION, planOption } from './plan-option';
import { METADATA_SHEET, newSecret, SECRET_ENTRY } from '../../plan';
import { FileWorkbook } from '../../workbook/file';
import { saveWorkbookFile } from '../../workbook/file/node';
import { FORCE_OPTION, stringOption, UsageError, YEAR_OPTION, yearOption, type CommandSpec, type ParsedArgs } from '../args';
import { refuseOverwrite } from '../overwrite';
import type { Io } from '../io';
import { SAMPLE_REPORTS, sampleMaster } from '../sample';
import * as path from 'path';

/** The report is written the year after: in FY2026 one reports on FY2025. */
function defaultYear(last: number, now = new Date()): number {
  const fiscal = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return Math.min(fiscal - 1, last);
}

export const initSpec: CommandSpec = {
  name: 'init',
  operands: '-o master.xlsx',
  summary: '正規のレイアウトの取りまとめ用ブックを作成します。--sample 2023 で2023年度実施報告の全データを入れます。',
  maxFiles: 0,
  options: {
    plan: PLAN_OPTION,
    output: { type: 'string', short: 'o', value: 'FILE', help: '作成するファイル (.xlsx)。' },
    sample: { type: 'string', value: '2023', help: 'その年度の実施報告の全データを入れて作成します。' },
    year: { ...YEAR_OPTION, help: '報告する年度。既定は今の年度の前年度です。' },
    force: FORCE_OPTION,
  },
  // The sample carries its own year; a --year beside it would be silently ignored.
  exclusive: [['sample', 'year']],
};

export async function initCommand(args: ParsedArgs, io: Io): Promise<number> {
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('作成するファイルを -o で指定してください（例: -o master.xlsx）。');
  refuseOverwrite(output, args);
  const sample = stringOption(args, 'sample');
  const definition = planOption(args);
  if (definition && sample !== undefined)
    throw new UsageError('--sample と --plan は一緒に指定できません（サンプルは第二次郡山市協働推進基本計画のものです）。');
  let sheets;
  if (sample !== undefined) {
    const year = Number(sample);
    if (!SAMPLE_REPORTS[year]) throw new UsageError(`--sample に指定できる年度は ${Object.keys(SAMPLE_REPORTS).join('、')} です。`);
    sheets = sampleMaster(year);
  } else {
    const plan = definition ?? DEFAULT_PLAN;
    sheets = renderMaster({ year: yearOption(args) ?? Math.max(plan.period.first, defaultYear(plan.period.last)), definition: plan });
  }
  // The secret department workbooks are signed with (split) and checked against (compile). A
  // sample is published, so it carries none: split keeps a key file beside it instead.
  if (sample === undefined)
    sheets = sheets.map((s) => (s.name === METADATA_SHEET ? { ...s, rows: [...s.rows, [SECRET_ENTRY, newSecret()]] } : s));
  const wb = FileWorkbook.create(path.basename(output));
  await wb.apply({ cells: [], sheets });
  await saveWorkbookFile(wb, output);
  io.out(
    `${output} を作成しました（${sheets
      .filter((s) => s.state === undefined)
      .map((s) => s.name)
      .join('、')}）。`,
  );
  return 0;
}
