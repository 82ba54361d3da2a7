/** A small argument parser: positional arguments, `--flag`, `--key value`, `-o value`. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

const ALIASES: Record<string, string> = { o: 'output', y: 'year', h: 'help' };

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(a);
    const inline = m?.at(2);
    if (!m || a === '-') {
      positional.push(a);
      continue;
    }
    const name = ALIASES[m[1]] ?? m[1];
    if (inline !== undefined) options.set(name, inline);
    else if (valued.includes(name)) {
      const v = argv.at(i + 1);
      if (v === undefined) throw new UsageError(`--${name} には値が必要です。`);
      options.set(name, v);
      i++;
    } else options.set(name, true);
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function yearOption(args: ParsedArgs): number | undefined {
  const v = stringOption(args, 'year');
  if (v === undefined) return undefined;
  const n = Number(v);
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
