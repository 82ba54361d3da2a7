import type { Plan, Project } from '../model';
import { isSdgsTarget, splitSdgsCodes } from '../sdgs';

/**
 * The 実施計画's own summary tables, as the plan publishes them: 事業数 per 施策 and 区分,
 * 達成度 per 施策, and how many projects take up each SDGs goal (のべ件数).
 */
export interface PolicyProjects {
  policy: number;
  title: string;
  total: number;
  /** 区分 as written (継続, 新規, 拡充 …); an empty cell counts as `（区分なし）`. */
  categories: Record<string, number>;
  /** 達成度 1–4; `未記入` for an empty or unreadable cell. */
  achievement: Record<string, number>;
}

export interface ProjectSummary {
  year?: number;
  total: number;
  policies: PolicyProjects[];
  /** Goal number (1–17) → projects that take it up. */
  sdgsGoals: Record<number, number>;
  /** Sum over goals: a project counts once per goal it takes up. */
  sdgsTotal: number;
  /** Projects whose SDGs cell holds something that is not a target code (so the goal counts miss it). */
  unreadSdgs: { no: number; name: string; text: string }[];
}

export const NO_CATEGORY = '（区分なし）';
export const NO_ACHIEVEMENT = '未記入';

function achievementLevel(text: string | undefined): string {
  // As validate.ts reads it: `4 予定どおり…`, `4（75%以上）`; not `10`, `4.5`.
  const m = /^([1-4])(?!\d|\.\d)/.exec((text ?? '').normalize('NFKC').trim());
  return m ? m[1] : NO_ACHIEVEMENT;
}

/** Goals a project takes up: `11.2 11.7 17.17` is goals 11 and 17; a bare goal number counts too. */
export function sdgsGoalsOf(project: Project): { goals: number[]; unread: string[] } {
  const goals = new Set<number>();
  const unread: string[] = [];
  for (const code of splitSdgsCodes(project.sdgs?.text ?? '')) {
    const goal = Number(code.split('.')[0]);
    const ok = isSdgsTarget(code) || (/^\d+$/.test(code) && goal >= 1 && goal <= 17);
    if (ok) goals.add(goal);
    else unread.push(code);
  }
  return { goals: [...goals].sort((a, b) => a - b), unread };
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export function summarizeProjects(plan: Plan, titles: ReadonlyMap<number, string> = new Map()): ProjectSummary {
  const projects = plan.projects?.projects ?? [];
  const numbers = [...new Set([...titles.keys(), ...projects.map((p) => p.policy)])].sort((a, b) => a - b);
  const policies = numbers.map((n): PolicyProjects => ({
    policy: n,
    title: titles.get(n) ?? plan.policies.find((p) => p.number === n)?.title ?? '',
    total: 0,
    categories: {},
    achievement: {},
  }));
  const sdgsGoals: Record<number, number> = {};
  const unreadSdgs: ProjectSummary['unreadSdgs'] = [];
  for (const p of projects) {
    const row = policies.find((x) => x.policy === p.policy);
    if (row) {
      row.total++;
      bump(row.categories, p.category.trim() || NO_CATEGORY);
      bump(row.achievement, achievementLevel(p.achievement?.text));
    }
    const { goals, unread } = sdgsGoalsOf(p);
    for (const g of goals) sdgsGoals[g] = (sdgsGoals[g] ?? 0) + 1;
    if (unread.length) unreadSdgs.push({ no: p.no, name: p.name, text: unread.join(' ') });
  }
  const sdgsTotal = Object.values(sdgsGoals).reduce((a, b) => a + b, 0);
  return { year: plan.projects?.year, total: projects.length, policies, sdgsGoals, sdgsTotal, unreadSdgs };
}
