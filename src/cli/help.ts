import { optionsOf, type CommandSpec, type OptionSpec } from './args';

/** Help text is built from the specs, so a new option shows up in help without a second edit. */

function flag(name: string, o: OptionSpec): string {
  const long = `--${name}${o.type === 'string' ? ` ${o.value ?? '値'}` : ''}`;
  return o.short ? `-${o.short}, ${long}` : long;
}

function mentioned(operands: string, name: string, o: OptionSpec): boolean {
  const words = operands.split(/[\s[\]|]+/);
  return words.includes(`--${name}`) || (o.short !== undefined && words.includes(`-${o.short}`));
}

export function synopsis(spec: CommandSpec): string {
  const optional = Object.entries(spec.options)
    .filter(([name, o]) => !mentioned(spec.operands, name, o))
    .map(([name, o]) => `[--${name}${o.type === 'string' ? ` ${o.value ?? '値'}` : ''}]`);
  return ['shinchoku', spec.name, spec.operands, ...optional].filter((w) => w !== '').join(' ');
}

export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(optionsOf(spec)).map(([name, o]) => [flag(name, o), o.help] as const);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return [`使い方: ${synopsis(spec)}`, '', spec.summary, '', 'オプション:', ...rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`)].join('\n');
}

export function overview(specs: readonly CommandSpec[]): string {
  return [
    '協働推進計画 進捗チェック (shinchoku)',
    '',
    '使い方:',
    ...specs.flatMap((s) => [`  ${synopsis(s)}`, ...s.summary.split('\n').map((l) => `      ${l}`)]),
    '',
    'FILE には .xlsx のほか、報告書を貼り付けたタブ区切りテキスト (.txt/.tsv) も指定できます。',
    '各コマンドの詳しい説明: shinchoku <コマンド> --help　　バージョン: shinchoku --version',
  ].join('\n');
}
