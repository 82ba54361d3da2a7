import * as path from 'path';
import {
  analyze,
  categoryOrder,
  definitionOf,
  SDGS_GOALS,
  SUMMARY_SHEET,
  summarizeProjects,
  summarySheet,
  type ProjectSummary,
} from '../../plan';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { FORCE_OPTION, JSON_OPTION, stringOption, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import { refuseOverwrite } from '../overwrite';
import type { Io } from '../io';
import { sameFile } from './common';
import { PLAN_OPTION, withPlanOption } from './plan-option';

export const summarySpec: CommandSpec = {
  name: 'summary',
  operands: 'FILE',
  summary: [
    '実施計画の事業数（施策・区分ごと）、達成度の分布、SDGs ゴールごとの事業数（のべ件数）を集計します。',
    '-o を付けると「実施計画の集計」シートを加えたブックを OUT に書き出します。読めない SDGs の番号があると終了コード 1。',
  ].join('\n'),
  maxFiles: 1,
  options: {
    output: { type: 'string', short: 'o', value: 'OUT', help: '集計のシートを加えて書き出すファイル (.xlsx)。' },
    json: JSON_OPTION,
    force: FORCE_OPTION,
    plan: PLAN_OPTION,
  },
};

function summaryText(s: ProjectSummary, categories: readonly string[]): string {
  const cats = categoryOrder(s, categories);
  const lines = [`実施計画 ${s.year ? `${s.year}年度 ` : ''}事業数 ${s.total}`];
  for (const p of s.policies) lines.push(`  施策${p.policy}: ${p.total}（${cats.map((c) => `${c} ${p.categories[c] ?? 0}`).join('、')}）`);
  lines.push(`SDGsの取り組み のべ${s.sdgsTotal}`);
  for (const [goal, n] of Object.entries(s.sdgsGoals)) lines.push(`  ${goal} ${SDGS_GOALS[Number(goal) - 1]}: ${n}`);
  for (const u of s.unreadSdgs)
    lines.push(`注意: 事業 ${u.no}「${u.name}」のSDGs「${u.text}」はゴール・ターゲットとして読めないため数えていません。`);
  return lines.join('\n');
}

/** `shinchoku summary FILE [--json] [-o OUT]`: the 実施計画's 事業数, 達成度 and SDGs のべ件数. */
export async function summaryCommand(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new UsageError('集計するファイルを指定してください。');
  const output = stringOption(args, 'output');
  if (output && sameFile(file, output)) throw new UsageError('-o に元のファイルと同じ名前は指定できません。');
  if (output) refuseOverwrite(output, args);
  const wb = await openWorkbookFile(file);
  const analysis = analyze(withPlanOption(await wb.read(), args));
  if (!analysis.plan.projects) {
    io.err(`${path.basename(file)} に実施計画の表（「No.」「事業名」「担当課」の見出し）が見つかりません。`);
    return 2;
  }
  const definition = definitionOf(analysis.plan);
  const titles = new Map(definition.policies.map((p) => [p.number, p.title]));
  const summary = summarizeProjects(analysis.plan, titles);
  const categories = definition.projects?.categories ?? [];
  if (args.options.has('json')) io.out(JSON.stringify({ source: path.basename(file), ...summary }, null, 2));
  else io.out(summaryText(summary, categories));
  if (output) {
    await wb.apply({ cells: [], sheets: [summarySheet(summary, definition.name, categories)] });
    await saveWorkbookFile(wb, output);
    if (!args.options.has('json')) io.out(`${output} にシート「${SUMMARY_SHEET}」を書き出しました。`);
  }
  // A project outside any 施策 section was read but cannot be placed in the per-施策 table.
  const unplaced = summary.total - summary.policies.reduce((n, p) => n + p.total, 0);
  if (unplaced > 0) {
    io.err(`${unplaced} 件の事業が「◆基本施策」の見出しの下にないため、施策ごとの事業数に入っていません。`);
    return 1;
  }
  return summary.unreadSdgs.length > 0 ? 1 : 0;
}
