/**
 * The FY2021 実施計画 (samples/seed/fy2021-plan.txt, text of the published PDF) publishes its
 * own summary: 事業数 per 施策 (5/4/5/15/9/19/15, 72 in all, 3 新規 in 施策6) and SDGs のべ121.
 * The summary worked from its project rows must give the same figures.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { GridCell, WorkbookGrid } from '../../../src/plan/grid';
import { recognize } from '../../../src/plan/recognize';
import { summarizeProjects, summarySheet, SDGS_GOALS } from '../../../src/plan/project-summary';
import type { Plan } from '../../../src/plan/model';

const SEED = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'seed', 'fy2021-plan.txt'), 'utf8');

/** The text's `| a | b |` tables as rows of cells, other lines as one cell; separator lines dropped. */
function gridOf(text: string): WorkbookGrid {
  const rows: (GridCell | null)[][] = [];
  for (const line of text.split('\n')) {
    if (/^\|[-\s|]+\|\s*$/.test(line)) continue;
    const cells = line.trim().startsWith('|')
      ? line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
      : [line];
    rows.push(cells.map((c) => (c.trim() ? { value: c.trim() } : null)));
  }
  return { source: 'fy2021-plan.txt', sheets: [{ name: '実施計画', rows }] };
}

/** The published 事業数 table: `| 施策 1 | 5 | - | 5 | …` → [1, 5, 新規 0]. */
function publishedCounts(text: string): { policy: number; total: number; added: number }[] {
  const out: { policy: number; total: number; added: number }[] = [];
  for (const m of text.matchAll(/^\|\s*施策\s*(\d)\s*\|\s*(\d+)\s*\|\s*([\d-]*)\s*\|/gmu)) {
    out.push({ policy: Number(m[1]), total: Number(m[2]), added: Number(m[3]) || 0 });
  }
  return out;
}

/** The published SDGs table: goal name → 事業数, and the のべ total in its heading. */
function publishedSdgs(text: string): { goals: Map<string, number>; total: number } {
  const goals = new Map<string, number>();
  const start = text.indexOf('【SDGsの取り組み数');
  const block = text.slice(start, text.indexOf('| No.', start));
  for (const m of block.matchAll(/\|\s*([^|\d]+?)\s*\|\s*(\d+)\s*/gu)) goals.set(m[1].replace(/\s+/g, ''), Number(m[2]));
  return { goals, total: Number(/のべ\s*(\d+)/u.exec(block)?.[1]) };
}

/** The goal a published name stands for (the PDF writes 陸の豊かさを守ろう for も). */
function goalNumber(name: string): number {
  const i = SDGS_GOALS.findIndex((g) => g.replace(/\s+/g, '').slice(0, 4) === name.slice(0, 4));
  if (i < 0) throw new Error(`unknown goal ${name}`);
  return i + 1;
}

describe('実施計画の集計 on the FY2021 plan', () => {
  const { plan } = recognize(gridOf(SEED));
  const published = publishedCounts(SEED);

  it('reads the 72 projects of the plan', () => {
    expect(published.map((p) => p.total)).toEqual([5, 4, 5, 15, 9, 19, 15]);
    expect(plan.projects?.projects).toHaveLength(72);
  });

  it('gives the published 事業数 per 施策 and the 新規 count', () => {
    const s = summarizeProjects(plan);
    expect(s.total).toBe(72);
    expect(s.policies.map((p) => ({ policy: p.policy, total: p.total, added: p.categories['新規'] ?? 0 }))).toEqual(published);
  });

  it('counts SDGs goals のべ as the plan publishes them, a project once per goal', () => {
    // The PDF shows each project's goals as icons, lost in its text: give the projects the
    // goals the published table counts (goal g on its first n_g projects), with targets
    // that repeat a goal, and the count must come back as published.
    const { goals, total } = publishedSdgs(SEED);
    expect(total).toBe(121);
    const projects = plan.projects?.projects ?? [];
    const codes = projects.map(() => [] as string[]);
    expect(goals.size).toBe(17);
    for (const [name, n] of goals) {
      const g = goalNumber(name);
      for (let k = 0; k < n; k++) codes[(k * 7 + g) % projects.length].push(`${g}.1`, `${g}.2`);
    }
    const withSdgs: Plan = {
      ...plan,
      projects: plan.projects && {
        ...plan.projects,
        projects: projects.map((p, j) => ({ ...p, sdgs: { ref: { sheet: p.sheet, row: p.row, col: 9 }, text: codes[j].join(' ') } })),
      },
    };
    const s = summarizeProjects(withSdgs);
    expect(s.sdgsTotal).toBe(total);
    for (const [name, n] of goals) expect([name, s.sdgsGoals[goalNumber(name)] ?? 0]).toEqual([name, n]);
    expect(s.unreadSdgs).toEqual([]);
  });

  it('lays the counts out on the 実施計画の集計 sheet with totals', () => {
    const sheet = summarySheet(summarizeProjects(plan), '第二次郡山市協働推進基本計画', ['継続', '新規']);
    expect(sheet.rows).toContainEqual(['施策6', 19, 3, 16]);
    expect(sheet.rows).toContainEqual(['計', 72, 3, 69]);
  });
});
