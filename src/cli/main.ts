import * as fs from 'fs';
import * as path from 'path';
import { WorkbookError } from '../workbook/gateway';
import { CliError, parseCommandArgs, UsageError, wantsHelp, type CommandSpec, type ParsedArgs } from './args';
import { checkCommand, checkSpec } from './commands/check';
import { compileCommand, compileSpec } from './commands/compile';
import { initCommand, initSpec } from './commands/init';
import { progressCommand, progressSpec } from './commands/progress';
import { splitCommand, splitSpec } from './commands/split';
import { commandHelp, overview } from './help';
import { planCommand, planSpec } from './commands/plan';
import { summaryCommand, summarySpec } from './commands/summary';
import { rolloverCommand, rolloverSpec } from './commands/rollover';
import { PlanDefinitionError } from '../plan';
import { processIo, type Io } from './io';
import { fsMessage, isFsError } from './fs-errors';

interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** Adding a command is one row here; its options live in its own spec. */
const COMMANDS: readonly Command[] = [
  { spec: initSpec, run: initCommand },
  { spec: checkSpec, run: checkCommand },
  { spec: progressSpec, run: progressCommand },
  { spec: splitSpec, run: splitCommand },
  { spec: compileSpec, run: compileCommand },
  { spec: summarySpec, run: summaryCommand },
  { spec: rolloverSpec, run: rolloverCommand },
  { spec: planSpec, run: planCommand },
];

export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.spec);
export const USAGE = overview(COMMAND_SPECS);

/** package.json sits two folders up both from src/cli (tests) and from dist-cli/cli (the installed command). */
export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** A two-word command ("plan infer") is found before a one-word one. */
function findCommand(argv: readonly string[]): { command: Command; rest: readonly string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command && argv.length >= words) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

function topLevel(argv: readonly string[], io: Io): number {
  const first = argv.at(0);
  const topic = argv.at(1);
  if (first === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (first === '--version' || first === '-v') {
    io.out(`shinchoku ${packageVersion()}`);
    return 0;
  }
  if (first === 'help' || first === '--help' || first === '-h') {
    const found = topic === undefined ? undefined : findCommand(argv.slice(1));
    if (topic !== undefined && !found) throw new UsageError(`「${topic}」というコマンドはありません。`);
    io.out(found ? commandHelp(found.command.spec) : USAGE);
    return 0;
  }
  if (first.startsWith('-')) {
    const names = COMMANDS.map((c) => c.spec.name).join('、');
    throw new UsageError(`先にコマンド（${names}）を指定してください。「${first}」はオプションです。`);
  }
  throw new UsageError(`「${first}」というコマンドはありません。`);
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const found = findCommand(argv);
  try {
    if (!found) return topLevel(argv, io);
    if (wantsHelp(found.rest)) {
      io.out(commandHelp(found.command.spec));
      return 0;
    }
    return await found.command.run(parseCommandArgs(found.rest, found.command.spec), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${found ? commandHelp(found.command.spec) : USAGE}`);
      return 2;
    }
    if (err instanceof CliError || err instanceof WorkbookError || err instanceof PlanDefinitionError) {
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
