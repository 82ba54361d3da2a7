import { WorkbookError } from '../workbook/gateway';
import { parseArgs, UsageError } from './args';
import { checkCommand } from './commands/check';
import { compileCommand } from './commands/compile';
import { initCommand } from './commands/init';
import { planCommand } from './commands/plan';
import { summaryCommand } from './commands/summary';
import { rolloverCommand } from './commands/rollover';
import { PlanDefinitionError } from '../plan/definition/validate';
import { progressCommand } from './commands/progress';
import { splitCommand } from './commands/split';
import { SUBMISSION_LIMITS } from '../plan/compile/limits';
import { processIo, type Io } from './io';

const MB = SUBMISSION_LIMITS.maxBytes / (1024 * 1024);
const CELLS = String(SUBMISSION_LIMITS.maxCells).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const USAGE = `協働推進計画 進捗チェック (shinchoku)

使い方:
  shinchoku init [--sample 2023] [--plan plan.json] [--year Y] -o master.xlsx [--force]
      正規のレイアウトの取りまとめ用ブックを作成します。--sample 2023 で2023年度実施報告の全データを入れます。
  shinchoku check FILE [--year Y] [--json] [--jump-ratio R]
      入力値を検証します。終了コード 0: エラーなし、1: エラーあり、2: ファイルを読めない・表が見つからない。
  shinchoku progress FILE -o OUT [--year Y] [--json] [--in-place]
      進捗状況の矢印、施策のまとめ、◇の文章を OUT に書き出します。FILE は書き換えません。
  shinchoku split MASTER -o DIR [--year Y] [--password P] [--force] [--json]
      取りまとめ用ブックを課ごとの記入用ファイル DIR/<課名>.xlsx に分けます。その年度の入力セル（実績値、
      施策の実施状況・実績の増減理由等、取組状況、達成度、協働指標の内訳）だけが入力でき、シートは保護されます。
      --year の既定は取りまとめ用ブックの年度です。--password はシート保護のパスワードです。
  shinchoku compile MASTER SUBMISSION... -o OUT [--year Y] [--json] [--prefer master|submission]
      各課の提出ファイルを検証し、担当のセルだけを取りまとめ用ブックに取り込んで OUT に書き出します（MASTER は変更しません）。
      改ざん・別年度・別テンプレート・エラーのあるファイルはファイルごと差し戻します。配布後に取りまとめ用ブックでも
      変わっていたセルは競合として残します（--prefer submission で提出値を優先）。OUT には提出履歴と提出状況のシートを書きます。
      提出ファイルは .xlsx・${MB} MB・${CELLS} セルまで。マクロ・外部リンク・DDE・埋め込みオブジェクトを含むものは受け付けません。
      --year の既定は提出ファイルの年度です。終了コード 0: すべて取り込み、1: 差戻しまたは競合あり、2: 取りまとめられない。

  shinchoku summary FILE [--json] [-o OUT]
      実施計画の事業数（施策・区分ごと）、達成度の分布、SDGs ゴールごとの事業数（のべ件数）を集計します。
      -o を付けると「実施計画の集計」シートを加えたブックを OUT に書き出します。
  shinchoku rollover MASTER --to YEAR -o OUT
      取りまとめ用ブックを次の年度に切り替えます。実施計画の見出しと年度を改め、前年度の取組状況・達成度・増減理由を
      空欄にし（増減理由はセルのメモに参考として残します）、「年度切替の記録」シートに記録します。
  shinchoku plan infer FILE -o plan.json [--force]
      報告書または取りまとめ用ブックから計画定義（JSON）を作ります。推定した項目を一覧にします。

どのコマンドも --plan plan.json で計画定義を指定できます（既定: ブックに保存された計画定義、なければ第二次郡山市協働推進基本計画）。
init --plan は、その計画の空の取りまとめ用ブックを作ります。

FILE には .xlsx のほか、報告書を貼り付けたタブ区切りテキスト (.txt/.tsv) も指定できます。`;

const VALUED = ['output', 'year', 'sample', 'jump-ratio', 'password', 'prefer', 'plan', 'to'];

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const args = parseArgs(rest, VALUED);
    switch (command) {
      case 'init':
        return await initCommand(args, io);
      case 'check':
        return await checkCommand(args, io);
      case 'progress':
        return await progressCommand(args, io);
      case 'split':
        return await splitCommand(args, io);
      case 'compile':
        return await compileCommand(args, io);
      case 'plan':
        return await planCommand(args, io);
      case 'summary':
        return await summaryCommand(args, io);
      case 'rollover':
        return await rolloverCommand(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`「${command}」というコマンドはありません。`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof PlanDefinitionError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof WorkbookError) {
      io.err(err.message);
      return 2;
    }
    io.err(`予期しないエラーが発生しました: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
