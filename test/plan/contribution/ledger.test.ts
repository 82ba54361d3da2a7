import fc from 'fast-check';
import { compile, CompileError } from '../../../src/plan/compile';
import {
  contributionLedgerSheet,
  ContributionLedgerError,
  readContributionLedger,
  sortLedger,
  type LedgerContribution,
} from '../../../src/plan/contribution/ledger';
import {
  CONTRIBUTION_LEDGER_HEADER,
  DEPARTMENT_CONTRIBUTION_SHEET,
  MASTER_CONTRIBUTION_SHEET,
} from '../../../src/plan/contribution/sheets';
import type { SheetGrid, WorkbookGrid } from '../../../src/plan/grid';
import { splitMaster, SplitError } from '../../../src/plan/split';
import { applyEdits, clone, departmentGrid, specsToGrid, split2024, type Split2024 } from '../compile/helpers';

const opts = { now: '2025-05-12 09:00:00', masterFile: 'master-2023.xlsx' };

function withSheet(grid: WorkbookGrid, sheet: SheetGrid): WorkbookGrid {
  const out = clone(grid);
  out.sheets = [...out.sheets.filter((s) => s.name !== sheet.name), { ...sheet, rows: sheet.rows.map((r) => [...r]) }];
  return out;
}

describe('the two 内訳 sheets share a name; reading one as the other is refused', () => {
  let s: Split2024;
  let departmentSheet: SheetGrid;
  beforeAll(async () => {
    s = await split2024();
    const coordinator = s.split.departments.find((d) => d.department === '市民・NPO活動推進課')!;
    departmentSheet = departmentGrid(coordinator).sheets.find((x) => x.name === DEPARTMENT_CONTRIBUTION_SHEET)!;
  });

  it('a department’s 内訳 sheet copied into the master stops split and compile, naming the file and the sheet', () => {
    expect(DEPARTMENT_CONTRIBUTION_SHEET).toBe(MASTER_CONTRIBUTION_SHEET); // why the layouts must be told apart
    const master = withSheet(s.master, departmentSheet);
    const said = '取りまとめ用ブック.xlsx のシート「協働指標の内訳」は各課の記入用ファイルの内訳の様式です';
    master.source = '取りまとめ用ブック.xlsx';
    expect(() => readContributionLedger(master)).toThrow(ContributionLedgerError);
    expect(() => splitMaster(master, { year: 2024 })).toThrow(SplitError);
    expect(() => splitMaster(master, { year: 2024 })).toThrow(said);
    expect(() => compile(master, [s.filledByDept.get('市民課')!], opts)).toThrow(CompileError);
    expect(() => compile(master, [s.filledByDept.get('市民課')!], opts)).toThrow(said);
  });

  it('any other first row is refused too, quoting what is there', () => {
    const notLedger = fc
      .array(fc.oneof(fc.constantFrom(...CONTRIBUTION_LEDGER_HEADER, '課名', '合計'), fc.string({ maxLength: 6 })), {
        minLength: 1,
        maxLength: 9,
      })
      .filter((row) => row.some((t) => t.trim() !== ''))
      .filter((row) => CONTRIBUTION_LEDGER_HEADER.some((h, i) => (row[i] ?? '').trim() !== h));
    fc.assert(
      fc.property(notLedger, (row) => {
        const grid: WorkbookGrid = {
          source: 'm.xlsx',
          sheets: [{ name: MASTER_CONTRIBUTION_SHEET, rows: [row.map((value) => ({ value }))] }],
        };
        expect(() => readContributionLedger(grid)).toThrow('m.xlsx のシート「協働指標の内訳」');
      }),
      { numRuns: 60 },
    );
  });

  it('the master’s ledger given as a department’s file is sent back, and nothing of it is taken', () => {
    const once = compile(s.master, [s.filledByDept.get('市民・NPO活動推進課')!], opts);
    const master = applyEdits(s.master, once.edits);
    expect(readContributionLedger(master).length).toBeGreaterThan(0);
    const again = compile(master, [{ file: 'ledger.xlsx', sha256: 'sha-ledger', grid: { ...master, source: 'ledger.xlsx' } }], opts);
    expect(again.applied).toBe(0);
    expect(again.rejected.map((r) => r.file)).toEqual(['ledger.xlsx']);
    expect(again.rejected[0].reasons.map((r) => r.text).join('\n')).toContain('ledger.xlsx');
  });
});

describe('the contribution ledger', () => {
  const entry = fc.record({
    year: fc.integer({ min: 2018, max: 2030 }),
    indicatorKey: fc.constantFrom('3:ICT活用講習会受講者数', '1:a|b', '2:x#1'),
    indicatorName: fc.constantFrom('ICT活用講習会受講者数', '指標'),
    department: fc.constantFrom('市民・NPO活動推進課', '健康長寿課', '中央公民館'),
    n: fc.integer({ min: 0, max: 3 }),
    name: fc.constantFrom('町内会DX推進実証事業', 'スマートシニア応援事業', ''),
    value: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
    unit: fc.option(fc.constantFrom('人', '%', '回'), { nil: undefined }),
  });

  it('reads back what compile writes, whatever it holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => `${e.year}|${e.indicatorKey}|${e.department}|${e.n}` }), (list) => {
        const grid = specsToGrid('m.xlsx', [contributionLedgerSheet(list, '市民・NPO活動推進課')]);
        const read = readContributionLedger(grid);
        const expected: LedgerContribution[] = sortLedger(list, '市民・NPO活動推進課').map((e) => ({ ...e, value: e.value }));
        expect(read).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('reads an empty 協働指標の内訳 sheet as an empty ledger', () => {
    expect(readContributionLedger({ source: 'm.xlsx', sheets: [{ name: MASTER_CONTRIBUTION_SHEET, rows: [[null], []] }] })).toEqual([]);
  });
});
