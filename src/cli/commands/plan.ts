import * as fs from 'fs';
import { inferPlanDefinition } from '../../plan/definition';
import { withoutSchemaPointer } from '../../plan/definition/stored';
import { openWorkbookFile } from '../../workbook/file/node';
import { stringOption, UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';

/** `shinchoku plan infer FILE -o plan.json [--force]`: a definition read back from a report or master. */
export async function planCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [action, file] = args.positional;
  if (action !== 'infer') throw new UsageError(`plan の後には infer を指定してください（例: shinchoku plan infer 報告書.xlsx -o plan.json）。`);
  if (!file) throw new UsageError('計画定義を読み取るファイルを指定してください。');
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('書き出す計画定義のファイルを -o で指定してください（例: -o plan.json）。');
  if (fs.existsSync(output) && !args.options.has('force')) throw new UsageError(`${output} は既にあります。上書きする場合は --force を付けてください。`);
  const wb = await openWorkbookFile(file);
  const { definition, guesses } = inferPlanDefinition(await wb.read());
  if (definition.policies.length === 0) {
    io.err(`${file} に基本指標の表が見つからないため、計画定義を作れません。`);
    return 2;
  }
  const text = JSON.stringify({ $schema: 'https://koriyama-kyodo.example/plans/plan.schema.json', ...withoutSchemaPointer(definition) }, null, 2);
  fs.writeFileSync(output, `${text}\n`);
  const indicators = definition.policies.reduce((n, p) => n + (p.indicators?.length ?? 0), 0);
  io.out(`${output} に「${definition.name}」の計画定義を書き出しました（基本施策 ${definition.policies.length}、基本指標 ${indicators}、全体指標 ${definition.surveyIndicators?.length ?? 0}）。`);
  if (guesses.length) io.out(`推定した項目（確かめてください）:\n${guesses.map((g) => `  ・${g}`).join('\n')}`);
  return 0;
}
