import fc from 'fast-check';
import { checkDepartment } from '../../src/cli/commands/check-department';
import { compile } from '../../src/plan/compile';
import { located } from '../../src/plan/compile/examine';
import { a1, type Scalar, type WorkbookGrid } from '../../src/plan/grid';
import type { InputCell } from '../../src/plan/split/manifest';
import { departmentVerdict } from '../../src/plan/verdict';
import {
  applyEdits,
  departmentGrid,
  fillValue,
  filled,
  manifestOf,
  setValue,
  split2024,
  submission,
  type Split2024,
} from './compile/helpers';

/** The value, or the test fails saying what was missing. */
function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`missing: ${what}`);
  return v;
}

const opts = { now: '2025-05-12 09:00:00', masterFile: 'master-2023.xlsx', year: 2024 };

interface CheckJson {
  status: string;
  findings: { severity: string; fixer: string; sheet: string | null; cell: string | null; message: string }[];
}

/** What `shinchoku check` prints (--json) for a department workbook. */
function check(grid: WorkbookGrid): { code: number; json: CheckJson } {
  let out = '';
  const code = checkDepartment(grid.source, grid, { json: true }, { out: (t) => (out += t), err: () => undefined, interactive: false });
  return { code, json: JSON.parse(out) as CheckJson };
}

function statusRow(master: WorkbookGrid, s: Split2024, subs: WorkbookGrid[], department: string): Scalar[] {
  const out = applyEdits(
    master,
    compile(
      master,
      subs.map((g) => submission(g)),
      opts,
    ).edits,
  );
  const rows = must(
    out.sheets.find((x) => x.name === '提出状況'),
    '提出状況',
  ).rows;
  return must(
    rows.map((r) => r.map((c) => c?.value ?? null)).find((r) => r[0] === department),
    department,
  );
}

describe('one verdict for check and compile', () => {
  let s: Split2024;
  let depts: string[];
  beforeAll(async () => {
    s = await split2024();
    depts = s.split.departments.map((d) => d.department);
  });
  const blankOf = (d: string) =>
    departmentGrid(
      must(
        s.split.departments.find((x) => x.department === d),
        d,
      ),
    );

  it('a changed locked cell: check says 差戻し (exit 1) with the cell, and compile rejects with the same message', () => {
    const d = depts[0];
    const g = filled(blankOf(d));
    const sheet = g.sheets[1];
    const bad = setValue(g, sheet.name, 0, 0, '書き換えた見出し');
    const run = check(bad);
    expect(run.code).toBe(1);
    expect(run.json.status).toBe('差戻し');
    const finding = must(
      run.json.findings.find((f) => f.cell === 'A1' && f.sheet === sheet.name),
      'finding on A1',
    );
    expect(finding.message).toContain('変更できないセルですが、内容が変わっています');
    const result = compile(s.master, [submission(bad)], opts);
    expect(result.submissions[0].status).toBe('rejected');
    expect(result.rejected[0].reasons.map((r) => r.text)).toContain(located(bad.source, sheet.name, 'A1', finding.message));
  });

  it('a blank workbook is 未記入 for check (exit 1), and compile leaves its 課 未提出 with the reason', () => {
    const d = depts[0];
    const g = blankOf(d);
    const run = check(g);
    expect(run.code).toBe(1);
    expect(run.json.status).toBe('未記入');
    const result = compile(s.master, [submission(g)], opts);
    expect(result.submissions[0].verdict).toBe('未記入');
    expect(result.unfilled.map((u) => ({ ...u, reason: u.reason.text }))).toEqual([
      { file: g.source, department: d, reason: expect.stringContaining('まだ何も記入されていません') as unknown },
    ]);
    expect(result.applied).toBe(0);
    const row = statusRow(s.master, s, [g], d);
    expect(row[1]).toBe('未提出');
    expect(String(row[6])).toContain('未記入');
  });

  it('reasons typed but no figure: 未記入 (実績値が1つも入力されていません)', () => {
    const fields = (x: (typeof s.split.departments)[number]) => new Set(manifestOf(departmentGrid(x)).inputs.map((i) => i.field));
    const d = must(
      s.split.departments.find((x) => fields(x).has('actual') && fields(x).has('reason')),
      'a 課 with figures and reasons',
    );
    const g = filled(departmentGrid(d), (i) => (i.field === 'reason' ? '理由だけ書きました' : undefined));
    const v = departmentVerdict(g);
    expect(v.status).toBe('未記入');
    expect(v.headline).toContain('実績値が1つも入力されていません');
  });

  it('a finding on a cell the clerk cannot edit goes to the coordinator and does not block the file', () => {
    // The FY2023 sample itself has such cells (an SDGs target such as 11.8 that does not exist).
    const withLocked = depts
      .map((d) => ({ d, g: filled(blankOf(d)) }))
      .map(({ d, g }) => ({ d, g, v: departmentVerdict(g) }))
      .find(({ v }) => v.findings.some((f) => f.fixer === 'coordinator'));
    const { g, v } = must(withLocked, 'a 課 with a finding on a locked cell');
    const f = must(
      v.findings.find((x) => x.fixer === 'coordinator'),
      'coordinator finding',
    );
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/取りまとめ担当に連絡してください。$/);
    expect(manifestOf(g).inputs.some((i) => i.sheet === f.sheet && a1(i.row, i.col) === f.cell)).toBe(false);
    expect(v.status).toBe('提出可');
    expect(compile(s.master, [submission(g)], opts).submissions[0].status).toBe('accepted');
  });

  const values: fc.Arbitrary<(g: WorkbookGrid, i: InputCell) => Scalar | undefined> = fc.constantFrom(
    (g: WorkbookGrid, i: InputCell) => fillValue(g, i),
    () => undefined,
    () => '',
    () => -5,
    () => 150,
    () => '約120人',
    () => '読めない値',
    () => '\u0001制御文字',
    (g: WorkbookGrid, i: InputCell) => fillValue(g, i, 7),
  );

  it('for random department workbooks, check’s verdict and findings are compile’s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(values, { minLength: 1, maxLength: 12 }),
        fc.option(fc.tuple(fc.nat(30), fc.nat(8)), { freq: 4 }),
        (which, fills, tamper) => {
          const d = depts[which % depts.length];
          const blank = blankOf(d);
          let g = filled(blank, (i) => fills[(i.row * 7 + i.col) % fills.length](blank, i));
          if (tamper) {
            const sheet = g.sheets[1];
            const m = manifestOf(g);
            const [row, col] = tamper;
            if (!m.inputs.some((i) => i.sheet === sheet.name && i.row === row && i.col === col))
              g = setValue(g, sheet.name, row, col, '改ざん');
          }
          const run = check(g);
          const result = compile(s.master, [submission(g)], opts);
          const report = result.submissions[0];
          const compiled = report.verdict === '未記入' ? '未記入' : report.status === 'rejected' ? '差戻し' : '提出可';
          expect(compiled).toBe(run.json.status);
          expect(run.code).toBe(run.json.status === '提出可' ? 0 : 1);
          if (compiled === '差戻し') {
            const errors = run.json.findings
              .filter((f) => f.severity === 'error')
              .map((f) => located(g.source, f.sheet ?? undefined, f.cell ?? undefined, f.message));
            expect(report.messages.slice(0, report.errors).map((m) => m.text)).toEqual(errors);
          }
          if (compiled === '提出可') {
            const warnings = run.json.findings.map((f) => located(g.source, f.sheet ?? undefined, f.cell ?? undefined, f.message));
            expect(report.messages.slice(0, warnings.length).map((m) => m.text)).toEqual(warnings);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
