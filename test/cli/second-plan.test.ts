/**
 * A plan that exists only as this definition — three 施策, FY2026–2030, one reference point
 * (策定時 2024), five 実績値 columns — goes through init → split → compile → progress.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { PlanDefinition } from '../../src/plan/definition';
import { cli, editFile, fillFile, readGrid, tempDir } from './helpers';
import { cellAt, type SheetGrid, type WorkbookGrid } from '../../src/plan/grid';
import { scalarText } from '../../src/plan/text';

const NEXT_PLAN: PlanDefinition = {
  name: '第三次みらい協働プラン',
  period: { first: 2026, last: 2030 },
  referencePoints: [{ role: 'baseline', label: '策定時', year: 2024 }],
  targetYear: 2030,
  policies: [
    {
      number: 1,
      title: '地域の担い手づくり',
      keyPoints: ['担い手講座の開催'],
      indicators: [
        { name: '担い手講座の受講者数', unit: '人', direction: 'up', owners: ['生涯学習課'] },
        { name: '地域行事の中止件数', unit: '件', direction: 'down', owners: ['生涯学習課'] },
      ],
    },
    {
      number: 2,
      title: '情報の共有',
      keyPoints: ['オープンデータの公開'],
      indicators: [{ name: '公開データセット数', unit: '件', owners: ['DX戦略課'] }],
    },
    {
      number: 3,
      title: '安全・安心な地域',
      keyPoints: ['防災訓練の実施'],
      indicators: [{ name: '防災訓練の参加者数', unit: '人', direction: 'up', owners: ['防災危機管理課'] }],
    },
  ],
  departments: ['生涯学習課', 'DX戦略課', '防災危機管理課'],
};

/** 策定時, 2026 実績, 目標 (2030) of each indicator; 2027 comes back from the departments. */
const FIGURES: Partial<Record<string, { base: number; y2026: number; target: number; y2027: number; arrow: string }>> = {
  担い手講座の受講者数: { base: 100, y2026: 120, target: 200, y2027: 150, arrow: '↑' },
  地域行事の中止件数: { base: 10, y2026: 8, target: 2, y2027: 9, arrow: '↓' },
  公開データセット数: { base: 30, y2026: 40, target: 80, y2027: 40, arrow: '→' },
  防災訓練の参加者数: { base: 500, y2026: 900, target: 800, y2027: 850, arrow: '↑' },
};

function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function colOf(cols: Map<string, number>, label: string): number {
  const c = cols.get(label);
  if (c === undefined) throw new Error(`no column ${label}`);
  return c;
}

function headerCols(grid: WorkbookGrid, sheet: string): { row: number; cols: Map<string, number> } {
  const s = sheetOf(grid, sheet);
  const row = s.rows.findIndex((r) => scalarText(r[0]?.value) === '基本指標項目');
  const cols = new Map<string, number>();
  s.rows[row + 1].forEach((c, i) => {
    const t = scalarText(c?.value);
    if (t && !cols.has(t)) cols.set(t, i);
  });
  s.rows[row].forEach((c, i) => cols.set(scalarText(c?.value), i));
  return { row, cols };
}

test('a three-施策 plan defined only as data goes through init, split, compile and progress', async () => {
  const dir = tempDir();
  const planFile = path.join(dir, 'next-plan.json');
  fs.writeFileSync(planFile, JSON.stringify(NEXT_PLAN));
  const master = path.join(dir, 'master.xlsx');
  expect((await cli('init', '--plan', planFile, '--year', '2027', '-o', master)).code).toBe(0);

  const blank = await readGrid(master);
  expect(blank.sheets.map((s) => s.name)).toEqual(['概要', '基本施策1', '基本施策2', '基本施策3', '全体指標', '実施計画', '_shinchoku']);
  const { row: header, cols } = headerCols(blank, '基本施策1');
  expect([...cols.keys()]).toEqual(expect.arrayContaining(['策定時', '2024年度', '2026年度', '2030年度', '目標値']));

  // The coordinator fills in the reference points, FY2026 and the targets.
  await editFile(master, master, (wb) => {
    for (const p of NEXT_PLAN.policies) {
      wb.getWorksheet(`基本施策${p.number}`)?.eachRow((row, r) => {
        const f = FIGURES[row.getCell(1).text];
        if (!f || r <= header + 2) return;
        row.getCell(colOf(cols, '2024年度') + 1).value = f.base;
        row.getCell(colOf(cols, '2026年度') + 1).value = f.y2026;
        row.getCell(colOf(cols, '目標値') + 1).value = f.target;
      });
    }
  });

  const out = path.join(dir, '各課');
  const split = await cli('split', master, '-o', out);
  expect(split.err).toBe('');
  expect(split.code).toBe(0);
  const files = fs.readdirSync(out).sort();
  expect(files).toEqual(['DX戦略課.xlsx', '生涯学習課.xlsx', '防災危機管理課.xlsx'].sort());

  for (const f of files) {
    await fillFile(path.join(out, f), (input, grid) => {
      if (input.field === 'reason') return '事業を継続しました。';
      if (input.field !== 'actual') return undefined;
      return FIGURES[scalarText(cellAt(sheetOf(grid, input.sheet), input.row, 0)?.value)]?.y2027;
    });
  }
  const compiled = path.join(dir, 'compiled.xlsx');
  const comp = await cli('compile', master, ...files.map((f) => path.join(out, f)), '-o', compiled);
  expect(comp.err).toBe('');
  expect(comp.code).toBe(0);

  const done = path.join(dir, 'progress.xlsx');
  const prog = await cli('progress', compiled, '-o', done, '--year', '2027');
  expect(prog.err).toBe('');
  expect(prog.code).toBe(0);
  const grid = await readGrid(done);
  for (const p of NEXT_PLAN.policies) {
    const s = sheetOf(grid, `基本施策${p.number}`);
    for (const ind of p.indicators ?? []) {
      const r = s.rows.findIndex((row) => scalarText(row[0]?.value) === ind.name);
      expect([ind.name, scalarText(cellAt(s, r, colOf(cols, '進捗状況'))?.value)]).toEqual([ind.name, FIGURES[ind.name]?.arrow]);
    }
  }

  // The plan travels with the workbook: infer reads the same plan back from the result.
  const inferred = path.join(dir, 'inferred.json');
  expect((await cli('plan', 'infer', done, '-o', inferred)).code).toBe(0);
  const back = JSON.parse(fs.readFileSync(inferred, 'utf8')) as PlanDefinition;
  expect(back.name).toBe(NEXT_PLAN.name);
  expect(back.referencePoints).toEqual(NEXT_PLAN.referencePoints);
  expect(back.targetYear).toBe(2030);
  expect(back.policies.map((p) => [p.number, p.title, p.indicators?.map((i) => i.name)])).toEqual(
    NEXT_PLAN.policies.map((p) => [p.number, p.title, p.indicators?.map((i) => i.name)]),
  );
});

test('--plan with a broken definition names the file and the field, and writes nothing', async () => {
  const dir = tempDir();
  const planFile = path.join(dir, 'broken.json');
  fs.writeFileSync(planFile, JSON.stringify({ ...NEXT_PLAN, period: { first: '2026', last: 2030 } }));
  const master = path.join(dir, 'master.xlsx');
  const run = await cli('init', '--plan', planFile, '-o', master);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/broken\.json.*period\.first: 整数で書いてください/s);
  expect(fs.existsSync(master)).toBe(false);
});

test('every indicator of the definition is in the new master, even one with no owner, unit or direction', async () => {
  const dir = tempDir();
  const planFile = path.join(dir, 'bare.json');
  const bare: PlanDefinition = {
    ...NEXT_PLAN,
    policies: [{ number: 1, title: '施策', indicators: [{ name: '名前だけの指標' }, { name: '単位だけの指標', unit: '件' }] }],
  };
  fs.writeFileSync(planFile, JSON.stringify(bare));
  const master = path.join(dir, 'bare.xlsx');
  expect((await cli('init', '--plan', planFile, '-o', master)).code).toBe(0);
  const run = await cli('check', master, '--json', '--year', '2026');
  const issues = (JSON.parse(run.out) as { issues: { rule: string; message: string }[] }).issues.filter((i) => i.rule === 'actual-missing');
  expect(issues.map((i) => i.message.split('の2026年度')[0]).sort()).toEqual(['単位だけの指標', '名前だけの指標'].sort());
});

test('the departments a definition names are the known ones: 甲課・乙課・丙課 are not unknown, a 課 of another plan is', async () => {
  const dir = tempDir();
  const planFile = path.join(dir, 'kou.json');
  const own: PlanDefinition = {
    ...NEXT_PLAN,
    policies: [
      {
        number: 1,
        title: '施策',
        indicators: [
          { name: '甲の指標', unit: '件', owners: ['甲課'] },
          { name: '乙の指標', unit: '件', owners: ['乙課'] },
          { name: '他の指標', unit: '件', owners: ['丙課'] },
        ],
      },
    ],
    departments: ['甲課', '乙課'],
  };
  fs.writeFileSync(planFile, JSON.stringify(own));
  const master = path.join(dir, 'kou.xlsx');
  expect((await cli('init', '--plan', planFile, '-o', master)).code).toBe(0);
  const rulesOf = async (file: string) => {
    const run = await cli('check', file, '--json', '--year', '2026');
    return (JSON.parse(run.out) as { issues: { rule: string; message: string }[] }).issues.filter((i) => i.rule === 'unknown-department');
  };
  // 丙課 is an owner in the definition, though not in its list: known too.
  expect(await rulesOf(master)).toEqual([]);
  const renamed = await editFile(master, path.join(dir, 'renamed.xlsx'), (wb) => {
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value === '乙課') c.value = '河川課';
        }),
      ),
    );
  });
  const unknown = await rulesOf(renamed);
  expect(unknown).toHaveLength(1);
  expect(unknown[0].message).toContain('河川課');
});
