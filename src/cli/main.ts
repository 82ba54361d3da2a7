import { WorkbookError } from '../workbook/gateway';
import { parseArgs, UsageError } from './args';
import { checkCommand } from './commands/check';
import { initCommand } from './commands/init';
import { progressCommand } from './commands/progress';
import { processIo, type Io } from './io';

export const USAGE = `協働推進計画 進捗チェック (shinchoku)

使い方:
  shinchoku init [--sample 2023] [--year Y] -o master.xlsx [--force]
      正規のレイアウトの取りまとめ用ブックを作成します。--sample 2023 で2023年度実施報告の全データを入れます。
  shinchoku check FILE [--year Y] [--json] [--jump-ratio R]
      入力値を検証します。終了コード 0: エラーなし、1: エラーあり、2: ファイルを読めない・表が見つからない。
  shinchoku progress FILE -o OUT [--year Y] [--json] [--in-place]
      進捗状況の矢印、施策のまとめ、◇の文章を OUT に書き出します。FILE は書き換えません。

FILE には .xlsx のほか、報告書を貼り付けたタブ区切りテキスト (.txt/.tsv) も指定できます。`;

const VALUED = ['output', 'year', 'sample', 'jump-ratio'];

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
    io.err(`予期しないエラーが発生しました: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
