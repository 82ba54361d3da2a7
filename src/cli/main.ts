import { WorkbookError } from '../workbook/gateway';
import { parseArgs, UsageError } from './args';
import { checkCommand } from './commands/check';
import { compileCommand } from './commands/compile';
import { initCommand } from './commands/init';
import { progressCommand } from './commands/progress';
import { splitCommand } from './commands/split';
import { SUBMISSION_LIMITS } from '../plan/compile/limits';
import { processIo, type Io } from './io';
import { fsMessage, isFsError } from './fs-errors';

const MB = SUBMISSION_LIMITS.maxBytes / (1024 * 1024);
const CELLS = String(SUBMISSION_LIMITS.maxCells).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const USAGE = `協働推進計画 進捗チェック (shinchoku)

使い方:
  shinchoku init [--sample 2023] [--year Y] -o master.xlsx [--force]
      正規のレイアウトの取りまとめ用ブックを作成します。--sample 2023 で2023年度実施報告の全データを入れます。
  shinchoku check FILE [--year Y] [--json] [--jump-ratio R]
      入力値を検証します。終了コード 0: エラーなし、1: エラーあり、2: ファイルを読めない・表が見つからない。
  shinchoku progress FILE -o OUT [--year Y] [--json] [--in-place]
      進捗状況の矢印、施策のまとめ、◇の文章を OUT に書き出します。FILE は書き換えません。
  shinchoku split MASTER -o DIR [--year Y] [--key FILE] [--password] [--force] [--json]
      取りまとめ用ブックを課ごとの記入用ファイル DIR/<課名>.xlsx に分けます。その年度の入力セル（実績値、
      施策の実施状況・実績の増減理由等、取組状況、達成度、協働指標の内訳）だけが入力でき、シートは保護されます。
      --year の既定は取りまとめ用ブックの年度です。各ファイルには取りまとめ用ブックの鍵で署名し、シート保護には
      課ごとに別のパスワードを付けます。鍵は取りまとめ用ブックの非表示のシートに置きます（なければ追加して保存します）。
      --key FILE を付けると鍵をそのファイルに置き、取りまとめ用ブックは変更しません。--password を付けると
      環境変数 SHINCHOKU_PASSWORD のパスワードを全課に使います（パスワードはコマンドラインに書けません）。
  shinchoku compile MASTER SUBMISSION... -o OUT [--year Y] [--key FILE] [--json] [--prefer master|submission]
      各課の提出ファイルを検証し、担当のセルだけを取りまとめ用ブックに取り込んで OUT に書き出します（MASTER は変更しません）。
      署名が鍵と合わないファイル（改ざんまたは別の課のファイル）、別年度・別テンプレート・エラーのあるファイルは
      ファイルごと差し戻します。未記入のファイルは取り込まず、その課は未提出のままです。配布後に取りまとめ用ブックでも
      変わっていたセルは競合として残します（--prefer submission で提出値を優先）。OUT には提出履歴と提出状況のシートを書きます。
      提出ファイルは .xlsx・${MB} MB・${CELLS} セルまで。マクロ・外部リンク・DDE・埋め込みオブジェクトを含むものは受け付けません。
      --year の既定は提出ファイルの年度です。終了コード 0: すべて取り込み、1: 差戻しまたは競合あり、2: 取りまとめられない。

FILE には .xlsx のほか、報告書を貼り付けたタブ区切りテキスト (.txt/.tsv) も指定できます。`;

const VALUED = ['output', 'year', 'sample', 'jump-ratio', 'prefer', 'key'];

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
    if (err instanceof WorkbookError) {
      io.err(err.message);
      return 2;
    }
    if (isFsError(err)) {
      // A file-system failure anywhere (EACCES, EROFS, ENOSPC, ENAMETOOLONG…), in Japanese with its path.
      io.err(fsMessage((err as NodeJS.ErrnoException).path ?? '', err, 'ファイルを読み書きできません'));
      return 2;
    }
    io.err(`予期しないエラーが発生しました: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
