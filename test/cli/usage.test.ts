import * as fs from 'fs';
import * as path from 'path';
import { optionsOf } from '../../src/cli/args';
import { COMMAND_SPECS } from '../../src/cli/main';
import { SAMPLE_MASTER, cli, tempDir } from './helpers';

const version = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('usage mistakes are refused before anything is read or written', () => {
  test('an unknown option: exit 2, the option named, the command help shown, the file not even opened', async () => {
    const run = await cli('check', 'does-not-exist.xlsx', '--josn');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--josn というオプションはありません');
    expect(run.err).toContain('使い方: shinchoku check');
    expect(run.err).not.toContain('見つかりません');
    expect(run.out).toBe('');
  });

  test('an extra file: exit 2 naming it, and progress writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.xlsx');
    const run = await cli('progress', SAMPLE_MASTER, 'second.xlsx', '-o', out);
    expect(run.code).toBe(2);
    expect(run.err).toContain('余分な引数「second.xlsx」');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('--in-place and -o together are refused', async () => {
    const run = await cli('progress', 'a.xlsx', '--in-place', '-o', 'b.xlsx');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--in-place と --output は同時に指定できません');
  });

  test('no command: the overview on stderr and exit 2; an option before the command is explained', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toContain('shinchoku compile MASTER SUBMISSION...');
    const early = await cli('--json', 'check');
    expect(early.code).toBe(2);
    expect(early.err).toContain('先にコマンド');
  });
});

describe('help and version', () => {
  test.each(COMMAND_SPECS.map((s) => [s.name, s] as const))(
    "shinchoku %s --help, -h and help %s print that command's options and exit 0",
    async (name, spec) => {
      for (const argv of [
        [...name.split(' '), '--help'],
        [...name.split(' '), '-h'],
        ['help', ...name.split(' ')],
      ]) {
        const run = await cli(...argv);
        expect(run.code).toBe(0);
        expect(run.out.startsWith(`使い方: shinchoku ${name}`)).toBe(true);
        for (const option of Object.keys(optionsOf(spec))) expect(run.out).toContain(`--${option}`);
        expect(run.err).toBe('');
      }
    },
  );

  test('help wins over whatever else is on the line', async () => {
    const run = await cli('compile', '--help', '--no-such-option');
    expect(run.code).toBe(0);
    expect(run.out).toContain('使い方: shinchoku compile');
  });

  test('shinchoku --help lists every command and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const s of COMMAND_SPECS) expect(run.out).toContain(`shinchoku ${s.name} `);
  });

  test('--version prints the package version', async () => {
    const run = await cli('--version');
    expect(run.code).toBe(0);
    expect(run.out.trim()).toBe(`shinchoku ${version}`);
  });
});

describe('one overwrite rule for every command that writes a file', () => {
  // Each is refused before its inputs are opened, so the inputs need not exist.
  const writers: Record<string, (out: string) => string[]> = {
    init: (out) => ['init', '-o', out],
    progress: (out) => ['progress', 'input.xlsx', '-o', out],
    compile: (out) => ['compile', 'master.xlsx', '河川課.xlsx', '-o', out],
  };

  test.each(Object.keys(writers))('%s -o EXISTING without --force: exit 2, the file kept as it was', async (name) => {
    const out = path.join(tempDir(), 'exists.xlsx');
    fs.writeFileSync(out, 'keep me');
    const run = await cli(...writers[name](out));
    expect(run.code).toBe(2);
    expect(run.err).toContain('既にあります');
    expect(run.err).toContain('--force');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
  });

  test('progress -o EXISTING --force replaces it', async () => {
    const out = path.join(tempDir(), 'exists.xlsx');
    fs.writeFileSync(out, 'old');
    const run = await cli('progress', SAMPLE_MASTER, '-o', out, '--force');
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

test('--in-place keeps numbered backups and never overwrites an older one', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'master.xlsx');
  fs.copyFileSync(SAMPLE_MASTER, file);
  const states = [fs.readFileSync(file)];
  const backups = [`${file}.bak`, `${file}.1.bak`, `${file}.2.bak`];
  for (const backup of backups) {
    const run = await cli('progress', file, '--in-place');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`元のファイルは ${backup} に残しました`);
    states.push(fs.readFileSync(file));
  }
  // Each backup holds the file as it was just before that run.
  backups.forEach((b, i) => {
    expect(fs.readFileSync(b).equals(states[i])).toBe(true);
  });
  expect(fs.readdirSync(dir).sort()).toEqual(['master.xlsx', 'master.xlsx.1.bak', 'master.xlsx.2.bak', 'master.xlsx.bak']);
});
