import fc from 'fast-check';
import { compile, type SubmissionInput } from '../../../src/plan/compile';
import type { WorkbookGrid } from '../../../src/plan/grid';
import { applyEdits, clone, contentOf, manifestOf, setValue, split2024, submission, withManifest, type Split2024 } from './helpers';

const opts = { now: '2025-05-12 09:00:00', masterFile: 'master-2023.xlsx', year: 2024 };

function run(master: WorkbookGrid, subs: readonly SubmissionInput[]): WorkbookGrid {
  return applyEdits(master, compile(master, subs, opts).edits);
}

/** The report and the contribution ledger, plus who has submitted; not the history, not warning counts or times. */
function values(grid: WorkbookGrid) {
  const content = contentOf(grid, ['提出履歴']);
  content['提出状況'] = (content['提出状況'] ?? []).map((r) => r.slice(0, 2));
  return content;
}

describe('compile properties (fast-check)', () => {
  let s: Split2024;
  let depts: string[];
  beforeAll(async () => {
    s = await split2024();
    depts = [...s.filledByDept.keys()];
  });

  const subsOf = (names: readonly string[]) => names.map((d) => s.filledByDept.get(d)!);

  it('any subset of submissions, in any order, in one compile gives the same OUT', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(depts), (names) => {
        const sorted = run(s.master, subsOf([...names].sort()));
        const shuffled = run(s.master, subsOf(names));
        expect(contentOf(shuffled, [])).toEqual(contentOf(sorted, []));
      }),
      { numRuns: 25 },
    );
  });

  it('compiling a subset file by file, in any order, gives the same values as all at once', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(depts, { minLength: 1, maxLength: 12 }), (names) => {
        const once = run(s.master, subsOf(names));
        let stepwise = s.master;
        for (const sub of subsOf(names)) stepwise = run(stepwise, [sub]);
        expect(values(stepwise)).toEqual(values(once));
      }),
      { numRuns: 15 },
    );
  });

  it('compiling the same submissions twice is a no-op', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(depts, { minLength: 1 }), (names) => {
        const first = run(s.master, subsOf(names));
        const again = compile(first, subsOf(names), opts);
        expect(again.applied).toBe(0);
        expect(again.edits.appends?.flatMap((a) => a.rows)).toEqual([]);
        expect(again.edits.cells.filter((c) => c.value !== undefined)).toEqual([]);
        expect(contentOf(applyEdits(first, again.edits), ['提出履歴'])).toEqual(contentOf(first, ['提出履歴']));
      }),
      { numRuns: 15 },
    );
  });

  const tamperings: [string, (g: WorkbookGrid) => WorkbookGrid][] = [
    ['locked cell', (g) => setValue(g, g.sheets[1].name, 0, 0, '改ざん')],
    ['another year', (g) => withManifest(g, (m) => (m.fiscalYear = 2025))],
    ['another plan', (g) => withManifest(g, (m) => (m.plan = '別の計画'))],
    [
      'control character',
      (g) => {
        const i = manifestOf(g).inputs.find((x) => x.field !== 'actual' && x.field !== 'contribValue')!;
        return setValue(g, i.sheet, i.row, i.col, '\u0001');
      },
    ],
    [
      'not a number',
      (g) => {
        const i = manifestOf(g).inputs.find((x) => x.field === 'actual' || x.field === 'contribValue' || x.field === 'achievement')!;
        return setValue(g, i.sheet, i.row, i.col, '=1+1');
      },
    ],
    ['sheet deleted', (g) => ({ ...clone(g), sheets: g.sheets.filter((x) => x.name !== g.sheets[1].name) })],
  ];

  it('a rejected submission leaves OUT as compiling without it would', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(depts, { maxLength: 20 }), fc.constantFrom(...tamperings), fc.nat(), (names, [, tamper], pick) => {
        const others = depts.filter((d) => !names.includes(d));
        fc.pre(others.length > 0);
        const victim = s.filledByDept.get(others[pick % others.length])!;
        const bad = submission(tamper(victim.grid!), victim.file, 'sha-tampered');
        const without = compile(s.master, subsOf(names), opts);
        const withBad = compile(s.master, [...subsOf(names), bad], opts);
        expect(withBad.rejected.map((r) => r.file)).toEqual([victim.file]);
        const skip = ['提出履歴', '提出状況'];
        expect(contentOf(applyEdits(s.master, withBad.edits), skip)).toEqual(contentOf(applyEdits(s.master, without.edits), skip));
        expect(withBad.edits.cells).toEqual(without.edits.cells);
      }),
      { numRuns: 25 },
    );
  });
});
