import { parseArgs as parseTokens } from 'node:util';
import { DEFAULT_JUMP_RATIO } from '../plan';

/**
 * Command-line parsing on node:util.parseArgs. Each command declares one CommandSpec; adding an
 * option is one line in its `options` table. The parser is strict — an unknown option or a file
 * too many is a usage error — but the messages are ours, in Japanese, because parseArgs' own
 * strict errors are English and name neither the command nor what to type instead.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder for the value in help text, e.g. 'Y' for --year Y. */
  value?: string;
  help: string;
  /** For a switch: what to say when someone writes a value after it (e.g. a password typed on the command line). */
  refuseValue?: string;
}

export interface CommandSpec {
  name: string;
  /** Files and required options as the synopsis shows them, e.g. 'FILE -o OUT'. */
  operands: string;
  summary: string;
  /** How many files the command takes at most (Infinity for "one or more"). */
  maxFiles: number;
  options: Readonly<Record<string, OptionSpec>>;
  /** Options that cannot be given together. */
  exclusive?: readonly (readonly [string, string])[];
}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** A mistake in the command line: main prints the message, then the command's help, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A refusal that is not a typing mistake (e.g. the output exists): main prints the message alone and exits 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Every command answers --help; it is added here so no spec can forget it. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'このコマンドの説明を表示します。' };

export const YEAR_OPTION: OptionSpec = { type: 'string', short: 'y', value: 'Y', help: '対象の年度（例: 2024）。' };
export const JSON_OPTION: OptionSpec = { type: 'boolean', help: '結果を JSON で標準出力に書きます。' };
export const JUMP_RATIO_OPTION: OptionSpec = {
  type: 'string',
  value: 'R',
  help: `前年度からの増減がこの倍率を超える実績値を警告します（既定 ${DEFAULT_JUMP_RATIO}）。`,
};
export const FORCE_OPTION: OptionSpec = { type: 'boolean', help: '書き出し先に同じ名前のファイルがあっても上書きします。' };

export function optionsOf(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, help: HELP_OPTION };
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

function unknownOption(raw: string, name: string, spec: CommandSpec): UsageError {
  const near = Object.keys(optionsOf(spec)).find((o) => distance(o, name) <= 2);
  const hint = near ? `--${near} のことですか？` : '使えるオプションは下の説明のとおりです。';
  return new UsageError(`shinchoku ${spec.name} に ${raw} というオプションはありません。${hint}`);
}

function isOption(word: string, options: Record<string, OptionSpec>): boolean {
  const name = word.replace(/^--?/, '').split('=')[0];
  return Object.hasOwn(options, name) || Object.values(options).some((o) => o.short === name);
}

/** True when the arguments ask for the command's help, whatever else they contain. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function parseCommandArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const options = optionsOf(spec);
  const { tokens } = parseTokens({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const values = new Map<string, string | true>();
  for (const t of tokens) {
    if (t.kind === 'positional') positional.push(t.value);
    if (t.kind !== 'option') continue;
    const o = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (!o) throw unknownOption(t.rawName, t.name, spec);
    const label = `--${t.name}`;
    if (values.has(t.name)) throw new UsageError(`${label} が2回指定されています。1回だけ指定してください。`);
    if (o.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(o.refuseValue ?? `${label} には値を付けられません（「${t.value}」）。`);
      values.set(t.name, true);
      continue;
    }
    if (t.value === undefined) throw new UsageError(`${t.rawName} には値が必要です（例: ${t.rawName} ${o.value ?? '値'}）。`);
    // "-o --json" means the value was forgotten; a value that really starts with "-" is written --x=-value.
    if (!t.inlineValue && t.value.startsWith('-') && t.value !== '-') {
      const missing = `${t.rawName} には値が必要です（例: ${t.rawName} ${o.value ?? '値'}）。`;
      if (isOption(t.value, options)) throw new UsageError(missing);
      throw new UsageError(`${missing}「-」で始まる値は ${label}=${t.value} のように = でつないでください。`);
    }
    values.set(t.name, t.value);
  }
  if (positional.length > spec.maxFiles) {
    const extra = positional
      .slice(spec.maxFiles)
      .map((p) => `「${p}」`)
      .join('');
    const takes = spec.maxFiles === 0 ? 'ファイルを受け取りません' : `受け取るファイルは ${spec.operands.split(' -')[0]} だけです`;
    throw new UsageError(
      `余分な引数${extra}があります。shinchoku ${spec.name} が${takes}。名前に空白を含むファイルは "" で囲んでください。`,
    );
  }
  for (const [a, b] of spec.exclusive ?? []) {
    if (values.has(a) && values.has(b)) throw new UsageError(`--${a} と --${b} は同時に指定できません。`);
  }
  return { positional, options: values };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function yearOption(args: ParsedArgs): number | undefined {
  const v = stringOption(args, 'year');
  if (v === undefined) return undefined;
  // `２０２３` typed with a Japanese input method is the same year.
  const n = Number(v.normalize('NFKC').trim());
  if (!Number.isInteger(n) || n < 2016 || n > 2100) throw new UsageError(`--year「${v}」は年度（例: 2023）ではありません。`);
  return n;
}

export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 1) throw new UsageError(`--${name}「${v}」は1より大きい数値で指定してください。`);
  return n;
}
