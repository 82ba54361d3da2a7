import { spawnSync } from 'child_process';
import * as path from 'path';
import { audit, manifestMinimum } from '../../../scripts/audit-office';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = 'test/workbook/office/fixtures/audit';
// One type-checked program over office-js is slow on a busy machine; nothing here is timed.
const SLOW = 300_000;

describe('audit:office, the requirement-set audit', () => {
  let result: ReturnType<typeof audit>;
  beforeAll(() => {
    result = audit([FIXTURES], '1.13');
  }, SLOW);
  const inFile = (file: string) => result.rows.filter((r) => r.at.startsWith(`${FIXTURES}/${file}:`));
  const failuresIn = (file: string) => inFile(file).filter((r) => r.status === 'UNGUARDED');

  it('reads the minimum from the manifest', () => {
    expect(manifestMinimum(path.join(ROOT, 'manifest.xml'))).toBe('1.13');
  });

  it('fails on an ExcelApi 1.18 member used without a guard, naming member, set and place', () => {
    expect(failuresIn('unguarded.ts')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ member: 'Excel.NoteCollection.add', set: 'ExcelApi 1.18', at: `${FIXTURES}/unguarded.ts:5` }),
        expect.objectContaining({ member: 'Excel.Worksheet.notes', set: 'ExcelApi 1.18' }),
      ]),
    );
  });

  it('accepts the same member inside requires() at its version', () => {
    expect(failuresIn('guarded.ts')).toEqual([]);
    expect(inFile('guarded.ts')).toContainEqual(expect.objectContaining({ member: 'Excel.NoteCollection.add', status: 'guarded' }));
  });

  it('does not take a guard for an older version as a guard for a newer member', () => {
    expect(failuresIn('too-old-guard.ts').map((r) => r.member)).toContain('Excel.NoteCollection.add');
  });

  it('follows a helper to its callers: guarded when its only caller is, reported at the one call that is not', () => {
    expect(failuresIn('guarded-helper.ts')).toEqual([]);
    // notesOf (line 14) is never called inline: it is handed to requires() by name.
    expect(inFile('guarded-helper.ts')).toContainEqual(
      expect.objectContaining({ member: 'Excel.Worksheet.notes', at: `${FIXTURES}/guarded-helper.ts:14`, status: 'guarded' }),
    );
    const leaks = failuresIn('callers.ts');
    expect(leaks.length).toBeGreaterThan(0);
    // Line 16 is unguardedCaller's call; the guarded call on line 12 is not blamed.
    expect(leaks.every((r) => r.reachedFrom === `${FIXTURES}/callers.ts:16`)).toBe(true);
  });

  it('reads the members named in load() strings, not only property accesses', () => {
    expect(failuresIn('load-string.ts')).toContainEqual(
      expect.objectContaining({ member: 'Excel.Range.valuesAsJson', set: 'ExcelApi 1.16' }),
    );
    expect(inFile('load-string.ts')).toContainEqual(expect.objectContaining({ member: 'Excel.Range.address', status: 'minimum' }));
  });

  it('finds members reached without a dot: element access, destructuring, keys of the object given to set()', () => {
    const found = failuresIn('other-forms.ts').map((r) => `${r.member}@${r.at.split(':').pop()}`);
    expect(found).toEqual(
      expect.arrayContaining(['Excel.Worksheet.notes@6', 'Excel.Worksheet.notes@10', 'Excel.Interfaces.RangeUpdateData.valuesAsJson@15']),
    );
  });

  it(
    'treats a member as within the minimum when the manifest asks for its set',
    () => {
      const newer = audit([`${FIXTURES}/unguarded.ts`], '1.18');
      expect(newer.failures).toEqual([]);
    },
    SLOW,
  );

  it(
    'as a command: prints the table and exits non-zero on the unguarded fixture',
    () => {
      const run = spawnSync(process.execPath, ['scripts/audit-office.js', `${FIXTURES}/unguarded.ts`], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/Excel\.NoteCollection\.add\s+ExcelApi 1\.18\s+UNGUARDED/);
      expect(run.stderr).toContain('requires() のガードなしで使われています');
      expect(run.stderr).toContain(`${FIXTURES}/unguarded.ts:5`);
    },
    SLOW,
  );
});
