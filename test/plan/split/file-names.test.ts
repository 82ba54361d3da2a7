import fc from 'fast-check';
import { departmentFileNames, safeFileStem } from '../../../src/plan/split/owners';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('department file names', () => {
  it('three 課 names that sanitise alike get three files', () => {
    expect(departmentFileNames(['総務/課', '総務:課', '総務?課'])).toEqual(['総務_課.xlsx', '総務_課_2.xlsx', '総務_課_3.xlsx']);
  });

  it('names that differ only in case do not share a file (Windows and macOS ignore case)', () => {
    expect(departmentFileNames(['ABC課', 'abc課'])).toEqual(['ABC課.xlsx', 'abc課_2.xlsx']);
  });

  it('avoids Windows device names and trailing dots or spaces', () => {
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('com1')).toBe('_com1');
    expect(safeFileStem('nul.課')).toBe('_nul.課');
    expect(safeFileStem('課名. ')).toBe('課名');
    expect(safeFileStem('..')).toBe('_');
  });

  it('for any names: unique, safe characters, at most 200 UTF-8 bytes before the suffix', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 150 }), { maxLength: 20 }), (names) => {
        const files = departmentFileNames(names);
        expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
        for (const f of files) {
          const stem = f.replace(/(_\d+)?\.xlsx$/, '');
          expect(bytes(stem)).toBeLessThanOrEqual(200);
          // eslint-disable-next-line no-control-regex -- control characters must not reach a file name
          expect(f).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
          expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
          expect(stem).not.toMatch(/[ .]$/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
