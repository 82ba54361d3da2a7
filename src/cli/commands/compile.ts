import * as path from 'path';
import { cellKeyAt, compile, CompileError, type CompileResult, localTimestamp, type SubmissionInput } from '../../plan';
import { openWorkbookFile, saveWorkbookFile } from '../../workbook/file/node';
import { SUBMISSION_LIMITS } from '../../plan';
import { FORCE_OPTION, JSON_OPTION, stringOption, UsageError, YEAR_OPTION, yearOption, type CommandSpec, type ParsedArgs } from '../args';
import { refuseOverwrite } from '../overwrite';
import type { Io } from '../io';
import { progressBar } from '../progress-bar';
import { openSubmission } from '../submissions';
import { sameFile } from './common';
import { PLAN_OPTION, withPlanOption } from './plan-option';
import { authenticate, secretOf, type WorkbookGrid } from '../../plan';
import { defaultKeyFile, keyFile } from '../secret';
import * as fs from 'fs';
import { terminalSafe } from '../terminal';

function preferOption(args: ParsedArgs): 'master' | 'submission' {
  const v = args.options.get('prefer');
  if (v === undefined) return 'master';
  if (v === 'master' || v === 'submission') return v;
  throw new UsageError(`--prefer には master か submission を指定してください（「${v === true ? '' : v}」は指定できません）。`);
}

/** --key, else the master's hidden sheet, else the key file split left beside the master; none: not checked. */
function secretFor(args: ParsedArgs, master: string, grid: WorkbookGrid): string | undefined {
  const key = stringOption(args, 'key');
  if (key) return keyFile(key, false).secret;
  const own = secretOf(grid);
  if (own) return own;
  const beside = defaultKeyFile(master);
  return fs.existsSync(beside) ? keyFile(beside, false).secret : undefined;
}

const STATUS_WORDS = { accepted: '取込', unchanged: '変更なし', rejected: '差戻し', setAside: '保留' } as const;

function textReport(result: CompileResult, output: string, master: string): string {
  const lines: string[] = [];
  for (const n of result.notices) lines.push(`注意: ${n.text}`);
  for (const s of result.submissions) {
    const who = s.department ? `（${s.department}）` : '';
    if (s.verdict === '未記入') {
      lines.push(`－ ${s.file}${who}: 未記入のため取り込んでいません（この課は未提出のままです）。`);
      for (const m of s.messages.slice(0, 1)) lines.push(`    - ${m.text}`);
    } else if (s.status === 'rejected' || s.status === 'setAside') {
      lines.push(`✗ ${s.file}${who}: ${STATUS_WORDS[s.status]}。このファイルの内容は取り込んでいません。`);
      for (const m of s.messages.slice(0, s.errors)) lines.push(`    - ${m.text}`);
    } else {
      lines.push(`✓ ${s.file}${who}: ${s.status === 'accepted' ? `${s.applied} セルを取り込みました` : '変更はありません'}`);
    }
    for (const m of s.messages.slice(s.errors)) lines.push(`    警告: ${m.text}`);
  }
  if (result.conflicts.length > 0) {
    lines.push(`競合 ${result.conflicts.length} 件（配布後に取りまとめ用ブックでも変わっていたセル）:`);
    for (const c of result.conflicts) {
      lines.push(
        `    ${cellKeyAt(c.sheet, c.cell)} ${c.item}: 取りまとめ用ブック「${c.master}」／${c.department}「${c.submission}」→ ${c.kept === 'master' ? '取りまとめ用ブックの値を残しました' : '提出された値を入れました'}`,
      );
    }
  }
  if (result.missingDepartments.length > 0)
    lines.push(`未提出・差戻し ${result.missingDepartments.length} 課: ${result.missingDepartments.join('、')}`);
  const accepted = result.submissions.filter((s) => s.status === 'accepted' || s.status === 'unchanged').length;
  lines.push(
    `${result.year}年度: ${result.submissions.length} ファイル中 ${accepted} 件を取り込み、${result.rejected.length} 件を差し戻しました。` +
      `変更したセル ${result.applied} 個、競合 ${result.conflicts.length} 件。${output} に書き出しました（${path.basename(master)} は変更していません）。`,
  );
  return lines.join('\n');
}

const MB = SUBMISSION_LIMITS.maxBytes / (1024 * 1024);
const CELLS = SUBMISSION_LIMITS.maxCells.toLocaleString('en-US');

export const compileSpec: CommandSpec = {
  name: 'compile',
  operands: 'MASTER SUBMISSION... -o OUT',
  summary: [
    '各課の提出ファイルを検証し、担当のセルだけを取りまとめ用ブックに取り込んで OUT に書き出します（MASTER は変更しません）。',
    '改ざん・別年度・別テンプレート・エラーのあるファイルはファイルごと差し戻します。配布後に取りまとめ用ブックでも',
    '変わっていたセルは競合として残します（--prefer submission で提出値を優先）。OUT には提出履歴と提出状況のシートを書きます。',
    `提出ファイルは .xlsx・${MB} MB・${CELLS} セルまで。マクロ・外部リンク・DDE・埋め込みオブジェクトを含むものは受け付けません。`,
    '終了コード 0: すべて取り込み、1: 差戻しまたは競合あり、2: 取りまとめられない。',
  ].join('\n'),
  maxFiles: Infinity,
  options: {
    key: {
      type: 'string',
      value: 'FILE',
      help: '署名を確かめる鍵のファイル。既定は取りまとめ用ブックの鍵、なければ MASTER.shinchoku-key です。',
    },
    plan: PLAN_OPTION,
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      help: '書き出すファイル (.xlsx)。MASTER や提出ファイルと同じ名前は指定できません。',
    },
    year: { ...YEAR_OPTION, help: '取りまとめる年度。既定は提出ファイルの年度です。' },
    json: JSON_OPTION,
    prefer: { type: 'string', value: 'master|submission', help: '競合したセルにどちらの値を残すか（既定 master）。' },
    force: FORCE_OPTION,
  },
};

export async function compileCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [master, ...files] = args.positional;
  if (!master) throw new UsageError('取りまとめ用ブックと、各課から提出されたファイルを指定してください。');
  if (files.length === 0) throw new UsageError('各課から提出されたファイルを1つ以上指定してください。');
  const output = stringOption(args, 'output');
  if (!output) throw new UsageError('書き出すファイルを -o で指定してください（取りまとめ用ブックは書き換えません）。');
  if (sameFile(master, output))
    throw new UsageError(
      '-o に取りまとめ用ブックと同じファイルは指定できません。取りまとめ用ブックは書き換えません。別の名前を指定してください。',
    );
  const clash = files.find((f) => sameFile(f, output));
  if (clash) throw new UsageError(`-o に提出されたファイル (${clash}) と同じファイルは指定できません。`);
  refuseOverwrite(output, args);
  const prefer = preferOption(args);
  const year = yearOption(args);
  const json = args.options.has('json');

  const wb = await openWorkbookFile(master);
  const grid = withPlanOption(await wb.read(), args);
  const screen = json ? { ...io, interactive: false } : io;
  const bar = progressBar(screen, files.length, '読み込み中');
  const opened: SubmissionInput[] = [];
  for (const f of files) {
    opened.push(await openSubmission(f));
    bar.tick(path.basename(f));
  }
  const submissions = await authenticate(opened, secretFor(args, master, grid));
  const phase = (text: string) => screen.interactive && screen.progress?.(text);
  phase('取りまとめ中…');
  let result: CompileResult;
  try {
    result = compile(grid, submissions, { year, prefer, now: localTimestamp(new Date()), masterFile: path.basename(master) });
    phase(`${path.basename(output)} に書き出し中…`);
    await wb.apply(result.edits);
    await saveWorkbookFile(wb, output);
  } catch (err) {
    if (err instanceof CompileError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  } finally {
    bar.done();
  }
  if (json) {
    io.out(
      JSON.stringify(
        {
          year: result.year,
          output,
          applied: result.applied,
          conflicts: result.conflicts,
          rejected: result.rejected.map(({ file, reasons }) => ({ file, reasons: reasons.map((r) => r.text) })),
          submissions: result.submissions.map(({ file, department, status, verdict, errors, warnings, applied }) => ({
            file,
            department: department ?? null,
            status,
            verdict: verdict ?? null,
            errors,
            warnings,
            applied,
          })),
          unfilled: result.unfilled.map(({ file, department, reason }) => ({ file, department, reason: reason.text })),
          missingDepartments: result.missingDepartments,
          notices: result.notices.map((n) => n.text),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(terminalSafe(textReport(result, output, master)));
  }
  return result.rejected.length > 0 || result.unfilled.length > 0 || result.conflicts.length > 0 ? 1 : 0;
}
