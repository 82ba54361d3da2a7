import * as fs from 'fs';
import { inferPlanDefinition, withoutSchemaPointer } from '../../plan';
import { openWorkbookFile } from '../../workbook/file/node';
import { FORCE_OPTION, stringOption, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import { refuseOverwrite } from '../overwrite';

export const planSpec: CommandSpec = {
  name: 'plan infer',
  operands: 'FILE -o plan.json',
  summary: '報告書または取りまとめ用ブックから計画定義（JSON）を作ります。推定した項目を一覧にします。',
  maxFiles: 1,
  options: {
    output: { type: 'string', short: 'o', value: 'plan.json', help: '書き出す計画定義のファイル。' },
    force: FORCE_OPTION,
  },
};
import type { Io } from '../io';

/** `shinchoku plan infer FILE -o plan.json [--force]`: a definition read back from a report or master. */
export async function planCommand(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional.at(0);
  if (!file) throw new UsageError('計画定義を読み取るファイルを指定してください。');
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('書き出す計画定義のファイルを -o で指定してください（例: -o plan.json）。');
  refuseOverwrite(output, args);
  const wb = await openWorkbookFile(file);
  const { definition, guesses } = inferPlanDefinition(await wb.read());
  if (definition.policies.length === 0) {
    io.err(`${file} に基本指標の表が見つからないため、計画定義を作れません。`);
    return 2;
  }
  const text = JSON.stringify(
    { $schema: 'https://koriyama-kyodo.example/plans/plan.schema.json', ...withoutSchemaPointer(definition) },
    null,
    2,
  );
  fs.writeFileSync(output, `${text}\n`);
  const indicators = definition.policies.reduce((n, p) => n + (p.indicators?.length ?? 0), 0);
  io.out(
    `${output} に「${definition.name}」の計画定義を書き出しました（基本施策 ${definition.policies.length}、基本指標 ${indicators}、全体指標 ${definition.surveyIndicators?.length ?? 0}）。`,
  );
  if (guesses.length) io.out(`推定した項目（確かめてください）:\n${guesses.map((g) => `  ・${g}`).join('\n')}`);
  return 0;
}
