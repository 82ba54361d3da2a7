/**
 * Who fills which row comes from the plan's definition — its coordinator and its 課 — not
 * from one city's names in code: a second plan's `各課` rows go to its own coordinator and
 * its shortened or 部-prefixed names to its own 課.
 */
import { planDepartments } from '../../../src/plan/departments';
import type { PlanDefinition } from '../../../src/plan/definition';
import { DEFAULT_PLAN } from '../../../src/plan/definition/default';
import { scalarText } from '../../../src/plan/text';
import { renderMaster } from '../../../src/plan/layout/master';
import { splitMaster } from '../../../src/plan/split';
import { ownerOf } from '../../../src/plan/split/owners';
import type { WorkbookGrid } from '../../../src/plan/grid';
import { departmentGrid, manifestOf, sampleMaster, setValue, specsToGrid } from '../compile/helpers';

const MINAMI: PlanDefinition = {
  name: '第一次みなみ市協働のまちづくり計画',
  period: { first: 2026, last: 2030 },
  referencePoints: [{ role: 'baseline', label: '策定時', year: 2024 }],
  targetYear: 2030,
  coordinator: '地域協働課',
  policies: [
    {
      number: 1,
      title: '担い手を育てる',
      indicators: [
        { name: '協働講座の受講者数', unit: '人', direction: 'up', owners: ['地域協働課'] },
        { name: 'ICT講座の受講者数', unit: '人', direction: 'up', owners: ['地域協働課'] },
        { name: '子育てサロンの参加者数', unit: '人', direction: 'up', owners: ['子育て応援課'] },
        { name: '地区防災訓練の回数', unit: '回', direction: 'up', owners: ['地域防災課'] },
      ],
    },
  ],
  surveyIndicators: [{ name: '協働の満足度', unit: '%', direction: 'up' }],
  departments: ['地域協働課', '子育て応援課', '地域防災課'],
};

/** The 担当 cell of each indicator as the city writes it, and the 課 it belongs to. */
const OWNER_CELLS: Record<string, [string, string]> = {
  協働講座の受講者数: ['各課', '地域協働課'],
  ICT講座の受講者数: ['各課（地域協働課取りまとめ）', '地域協働課'],
  子育てサロンの参加者数: ['みらい子育て応援課', '子育て応援課'],
  地区防災訓練の回数: ['危機管理部地域防災課', '地域防災課'],
};

/** A master of the plan above, its 担当 cells written as above and one shared breakdown. */
function minamiMaster(): WorkbookGrid {
  let grid = specsToGrid('minami.xlsx', renderMaster({ year: 2027, definition: MINAMI }));
  const sheet = grid.sheets.find((s) => s.name === '基本施策1')!;
  const header = sheet.rows.findIndex((r) => scalarText(r[0]?.value) === '基本指標項目');
  const col = (re: RegExp) => sheet.rows[header].findIndex((c) => re.test(scalarText(c?.value)));
  const [ownerCol, reasonCol] = [col(/担当/), col(/理由/)];
  expect([ownerCol, reasonCol].every((c) => c >= 0)).toBe(true);
  sheet.rows.forEach((r, i) => {
    const cells = OWNER_CELLS[scalarText(r[0]?.value)] as [string, string] | undefined;
    if (!cells || i <= header) return;
    grid = setValue(grid, '基本施策1', i, ownerCol, cells[0]);
    if (cells[0].includes('取りまとめ'))
      grid = setValue(
        grid,
        '基本施策1',
        i,
        reasonCol,
        '講座を開いた。 ◆スマホ講座（みらい子育て応援課） 5人 ◆防災アプリ講座（危機管理部地域防災課） 7人',
      );
  });
  return grid;
}

describe('split reads owners against the plan’s own definition', () => {
  it('a second plan’s 各課 and 部-prefixed owners go to ITS coordinator and departments', () => {
    const result = splitMaster(minamiMaster(), { year: 2027 });
    expect(result.warnings).toEqual([]);
    expect(result.departments.map((d) => d.department).sort()).toEqual(['地域協働課', '地域防災課', '子育て応援課'].sort());
    const keysOf = (department: string) => {
      const d = result.departments.find((x) => x.department === department);
      return new Set(manifestOf(departmentGrid(d!)).rows.map((r) => r.key));
    };
    for (const [name, [, owner]] of Object.entries(OWNER_CELLS)) expect([name, keysOf(owner).has(`ind:1:${name}#0`)]).toEqual([name, true]);
    // The 全体指標 is the coordinator's, and the shared indicator's breakdown names the plan's 課.
    expect([...keysOf('地域協働課')].some((k) => k.startsWith('ind:0:協働の満足度'))).toBe(true);
    expect(result.departments.find((d) => d.department === '子育て応援課')?.counts.contributions).toBe(1);
    expect(result.departments.find((d) => d.department === '地域防災課')?.counts.contributions).toBe(1);
    expect(result.departments.some((d) => d.department === '市民・NPO活動推進課')).toBe(false);
  });

  it('the same cells read against the shipped plan keep the shipped coordinator and 課', () => {
    const shipped = planDepartments(DEFAULT_PLAN);
    const minami = planDepartments(MINAMI);
    // One cache per definition: the answer for one plan never leaks into the other.
    expect(ownerOf('各課', minami)).toBe('地域協働課');
    expect(ownerOf('各課', shipped)).toBe('市民・NPO活動推進課');
    expect(ownerOf('みらい子育て応援課', minami)).toBe('子育て応援課');
    expect(ownerOf('みらい子育て応援課', shipped)).toBe('みらい子育て応援課');
    expect(ownerOf('こども子育て給付課', shipped)).toBe('子育て給付課');
    expect(ownerOf('こども子育て給付課', minami)).toBe('こども子育て給付課');
  });

  it('a definition without a coordinator hands its 全体指標 and bare 各課 rows to no one, and says so', () => {
    const rest: PlanDefinition = { ...MINAMI };
    delete rest.coordinator;
    let grid = minamiMaster();
    const meta = specsToGrid('minami.xlsx', renderMaster({ year: 2027, definition: rest })).sheets.find((s) => s.name === '_shinchoku')!;
    grid = { ...grid, sheets: grid.sheets.map((s) => (s.name === '_shinchoku' ? meta : s)) };
    const result = splitMaster(grid, { year: 2027 });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/協働講座の受講者数.*coordinator/),
        expect.stringMatching(/協働の満足度.*coordinator/),
      ]),
    );
    expect(result.departments.map((d) => d.department)).not.toContain('各課');
  });

  it('a master made before definitions named a coordinator keeps the shipped one: its 全体指標 still goes to 市民・NPO活動推進課', async () => {
    const older: PlanDefinition = { ...DEFAULT_PLAN };
    delete older.coordinator;
    const grid = await sampleMaster();
    const meta = specsToGrid('master-2023.xlsx', renderMaster({ year: 2023, definition: older })).sheets.find(
      (s) => s.name === '_shinchoku',
    )!;
    const stored = JSON.stringify(meta.rows.map((r) => r.map((c) => c?.value)));
    expect(stored).not.toContain('"coordinator"');
    const result = splitMaster({ ...grid, sheets: grid.sheets.map((s) => (s.name === '_shinchoku' ? meta : s)) }, { year: 2024 });
    expect(result.warnings.filter((w) => /coordinator/.test(w))).toEqual([]);
    const coordinator = result.departments.find((d) => d.department === '市民・NPO活動推進課');
    expect(manifestOf(departmentGrid(coordinator!)).rows.some((r) => r.key.startsWith('ind:0:'))).toBe(true);
  });

  it('the shipped plan is unchanged: the FY2023 sample’s 全体指標 goes to 市民・NPO活動推進課', async () => {
    const result = splitMaster(await sampleMaster(), { year: 2024 });
    const coordinator = result.departments.find((d) => d.department === '市民・NPO活動推進課');
    const keys = manifestOf(departmentGrid(coordinator!)).rows.map((r) => r.key);
    expect(keys.some((k) => k.startsWith('ind:0:'))).toBe(true);
    expect(result.departments.map((d) => d.department)).toContain('子育て給付課');
    expect(result.departments.map((d) => d.department)).not.toContain('こども子育て給付課');
  });
});
