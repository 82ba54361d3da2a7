import { DEFAULT_PLAN, type PlanDefinition } from '../../../src/plan/definition';
import { analyze } from '../../../src/plan/engine';
import { a1 } from '../../../src/plan/grid';
import { indicatorRow, policyBlock, workbook, type IndicatorInput } from '../build';

const ORIGINAL = 'きらめき出前講座実施件数';
const REPEAT = 'きらめき出前講座実施件数（再掲）';

const withRepeat: PlanDefinition = {
  ...DEFAULT_PLAN,
  policies: DEFAULT_PLAN.policies.map((p) =>
    p.number === 2 ? { ...p, indicators: [...(p.indicators ?? []), { name: REPEAT, repeatOf: { policy: 1, name: ORIGINAL } }] } : p,
  ),
};

const figures = (y2023: string): IndicatorInput['values'] => ({ 2016: '400件', 2020: '300件', 2021: '350件', 2022: '380件', 2023: y2023 });

function analyzed(repeat2023: string) {
  const rows = [
    ...policyBlock(1, [indicatorRow({ name: ORIGINAL, target: '500件', values: figures('420件') })]),
    ...policyBlock(2, [indicatorRow({ name: REPEAT, target: '500件', values: figures(repeat2023) })]),
  ];
  const grid = workbook(rows);
  return { a: analyze(grid, { year: 2023, definition: withRepeat }), rows };
}

describe('再掲', () => {
  it("a repeat with the original's figures raises nothing", () => {
    expect(analyzed('420件').a.findings.filter((f) => f.rule === 'repeat-mismatch')).toEqual([]);
  });

  it("a figure that differs from the original is a finding on the repeat's cell, naming both", () => {
    const { a, rows } = analyzed('42件');
    const row = rows.findIndex((r) => r[0] === REPEAT);
    const found = a.findings.filter((f) => f.rule === 'repeat-mismatch');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', cell: a1(row, 6) })]);
    expect(found[0].message).toContain(`基本施策1「${ORIGINAL}」の再掲`);
    expect(found[0].message).toContain('「42件」が再掲元の「420件」');
  });

  it('without a 再掲 in the definition the same rows are two indicators, not compared', () => {
    const rows = [
      ...policyBlock(1, [indicatorRow({ name: ORIGINAL, target: '500件', values: figures('420件') })]),
      ...policyBlock(2, [indicatorRow({ name: REPEAT, target: '500件', values: figures('42件') })]),
    ];
    expect(analyze(workbook(rows), { year: 2023 }).findings.filter((f) => f.rule === 'repeat-mismatch')).toEqual([]);
  });
});
