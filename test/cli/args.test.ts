import fc from 'fast-check';
import { optionsOf, parseCommandArgs, UsageError, type CommandSpec } from '../../src/cli/args';
import { COMMAND_SPECS } from '../../src/cli/main';

/** Every (command, option) pair the CLI declares, so the properties cover options added later too. */
const PAIRS = COMMAND_SPECS.flatMap((spec) => Object.entries(spec.options).map(([name, o]) => ({ spec, name, o })));

const value = fc.string({ minLength: 1, maxLength: 12 }).filter((v) => !v.startsWith('-'));
const fileName = fc.stringMatching(/^[a-zA-Z0-9_一-龠ぁ-ん]{1,10}\.xlsx$/);

function specNamed(name: string): CommandSpec {
  const spec = COMMAND_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no command ${name}`);
  return spec;
}

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('no usage error');
}

describe('parseCommandArgs', () => {
  test('every declared option is read the same written --name v, --name=v or -s v', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAIRS), value, ({ spec, name, o }, v) => {
        const forms: string[][] =
          o.type === 'boolean'
            ? [[`--${name}`], ...(o.short ? [[`-${o.short}`]] : [])]
            : [[`--${name}`, v], [`--${name}=${v}`], ...(o.short ? [[`-${o.short}`, v]] : [])];
        for (const form of forms) {
          expect(parseCommandArgs(form, spec).options.get(name)).toBe(o.type === 'boolean' ? true : v);
        }
      }),
    );
  });

  test('an option no command declares is refused, naming what was typed', () => {
    const declared = new Set(COMMAND_SPECS.flatMap((s) => Object.keys(optionsOf(s))));
    const name = fc.stringMatching(/^[a-z][a-z-]{1,12}$/).filter((n) => !declared.has(n));
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_SPECS), name, (spec, n) => {
        expect(usageMessage(() => parseCommandArgs(['x.xlsx', `--${n}`], spec))).toContain(
          `shinchoku ${spec.name} に --${n} というオプションはありません`,
        );
      }),
    );
  });

  test('a misspelt option is refused with the option that was probably meant', () => {
    const check = specNamed('check');
    expect(usageMessage(() => parseCommandArgs(['a.xlsx', '--josn'], check))).toContain('--json のことですか');
  });

  test('files beyond what the command takes are refused, naming the first extra one', () => {
    const bounded = COMMAND_SPECS.filter((s) => Number.isFinite(s.maxFiles));
    fc.assert(
      fc.property(fc.constantFrom(...bounded), fc.array(fileName, { minLength: 1, maxLength: 4 }), (spec, extra) => {
        const files = [...Array.from({ length: spec.maxFiles }, (_, i) => `f${i}.xlsx`), ...extra];
        expect(usageMessage(() => parseCommandArgs(files, spec))).toContain(`余分な引数「${extra[0]}」`);
        expect(parseCommandArgs(files.slice(0, spec.maxFiles), spec).positional).toEqual(files.slice(0, spec.maxFiles));
      }),
    );
  });

  test('compile takes any number of submissions', () => {
    const compile = specNamed('compile');
    const files = Array.from({ length: 60 }, (_, i) => `課${i}.xlsx`);
    expect(parseCommandArgs(['master.xlsx', ...files, '-o', 'out.xlsx'], compile).positional).toHaveLength(61);
  });

  test('a valued option without its value is refused, whether at the end or before another option', () => {
    const valued = PAIRS.filter((p) => p.o.type === 'string');
    fc.assert(
      fc.property(fc.constantFrom(...valued), ({ spec, name }) => {
        expect(usageMessage(() => parseCommandArgs([`--${name}`], spec))).toContain(`--${name} には値が必要です`);
        expect(usageMessage(() => parseCommandArgs([`--${name}`, '--help'], spec))).toContain(`--${name} には値が必要です`);
      }),
    );
  });

  test('a value that starts with "-" is taken when joined with =, and explained when not', () => {
    const split = specNamed('split');
    expect(parseCommandArgs(['m.xlsx', '--key=-abc'], split).options.get('key')).toBe('-abc');
    expect(usageMessage(() => parseCommandArgs(['m.xlsx', '--key', '-abc'], split))).toContain('--key=-abc');
  });

  test('a switch given a value, or an option given twice, is refused rather than guessed', () => {
    const check = specNamed('check');
    expect(usageMessage(() => parseCommandArgs(['a.xlsx', '--json=yes'], check))).toContain('--json には値を付けられません');
    expect(usageMessage(() => parseCommandArgs(['a.xlsx', '-y', '2023', '--year', '2024'], check))).toContain(
      '--year が2回指定されています',
    );
  });

  test('after "--" everything is a file, even a name starting with "-"', () => {
    const check = specNamed('check');
    expect(parseCommandArgs(['--json', '--', '-report.xlsx'], check)).toEqual({
      positional: ['-report.xlsx'],
      options: new Map([['json', true]]),
    });
  });
});
