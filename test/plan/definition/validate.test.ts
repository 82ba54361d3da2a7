import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import {
  DEFAULT_PLAN,
  PlanDefinitionError,
  parsePlanDefinition,
  validatePlanDefinition,
  type PlanDefinition,
} from '../../../src/plan/definition';

const SHIPPED = path.join(__dirname, '..', '..', '..', 'plans', 'koriyama-kyodo-2.json');

function problems(value: unknown): string[] {
  try {
    validatePlanDefinition(value, 'plan.json');
  } catch (err) {
    if (err instanceof PlanDefinitionError) return err.problems;
    throw err;
  }
  return [];
}

const copy = (): PlanDefinition => structuredClone(DEFAULT_PLAN);

describe('plan definition', () => {
  it('accepts the shipped second Koriyama plan as written on disk', () => {
    const def = parsePlanDefinition(fs.readFileSync(SHIPPED, 'utf8'), 'koriyama-kyodo-2.json');
    expect(def.name).toBe('第二次郡山市協働推進基本計画');
    expect(def.policies.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(def.targetYear).toBe(2025);
  });

  it('names the field of a wrong type in Japanese', () => {
    const def = copy() as unknown as { policies: { title: unknown }[] };
    def.policies[2].title = 3;
    const out = problems(def);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^policies\[2\]\.title: /);
    expect(out[0]).toMatch(/文字列/);
  });

  it('names a missing field and an unknown one', () => {
    const rest: Partial<PlanDefinition> = copy();
    delete rest.targetYear;
    const out = problems({ ...rest, colour: 'blue' });
    expect(out).toContain('（全体）: 「targetYear」を書いてください。');
    expect(out).toContain('（全体）: 「colour」という項目はありません。綴りを確かめてください。');
  });

  describe('each schema rule has its own plain Japanese sentence', () => {
    const broken = (edit: (d: Record<string, unknown> & PlanDefinition) => void) => {
      const d = copy() as Record<string, unknown> & PlanDefinition;
      edit(d);
      return problems(d);
    };
    it('minItems', () => expect(broken((d) => (d.referencePoints = []))).toEqual(['referencePoints: 1 つ以上書いてください。']));
    it('maxItems', () => {
      const four = (['baseline', 'review', 'midterm', 'baseline'] as const).map((role, i) => ({ role, label: role, year: 2016 + i }));
      expect(broken((d) => (d.referencePoints = four))).toContain('referencePoints: 3 つまでにしてください。');
    });
    it('type', () =>
      expect(broken((d) => ((d as Record<string, unknown>).targetYear = '2025'))).toEqual(['targetYear: 整数で書いてください。']));
    it('required', () =>
      expect(broken((d) => delete (d as Partial<PlanDefinition>).name)).toEqual(['（全体）: 「name」を書いてください。']));
    it('additionalProperties', () =>
      expect(broken((d) => (d.colour = 'blue'))).toEqual(['（全体）: 「colour」という項目はありません。綴りを確かめてください。']));
    it('enum', () =>
      expect(broken((d) => ((d.policies[0].indicators![0] as unknown as Record<string, unknown>).direction = 'sideways'))).toEqual([
        'policies[0].indicators[0].direction: 「up」、「down」のどれかを書いてください。',
      ]));
    it('minimum', () => expect(broken((d) => (d.policies[0].number = 0))).toEqual(['policies[0].number: 1 以上にしてください。']));
    it('maximum', () => expect(broken((d) => (d.policies[0].number = 100))).toEqual(['policies[0].number: 99 以下にしてください。']));
    it('two owners of one indicator are refused, not made into one 課 named after both', () =>
      expect(broken((d) => (d.policies[0].indicators![0].owners = ['甲課', '丙課']))).toEqual([
        'policies[0].indicators[0].owners: 担当課は 1 つにしてください。複数の課で集計する指標は、取りまとめる課を 1 つ書いてください。',
      ]));
  });

  it('refuses a period that ends before it starts, a repeated 施策 and a 再掲 of nothing', () => {
    const def = copy();
    def.period = { first: 2030, last: 2026 };
    def.targetYear = 2030;
    def.policies[1].number = 1;
    def.policies[0].indicators = [{ name: '再掲の指標', repeatOf: { policy: 9, name: '存在しない指標' } }];
    const out = problems(def);
    expect(out.some((p) => p.startsWith('period:'))).toBe(true);
    expect(out.some((p) => p.startsWith('policies[1].number:'))).toBe(true);
    expect(out.some((p) => p.startsWith('policies[0].indicators[0].repeatOf:') && p.includes('存在しない指標'))).toBe(true);
  });

  it('names a coordinator that is not one 課', () => {
    expect(problems({ ...copy(), coordinator: 7 })).toEqual(['coordinator: 文字列で書いてください。']);
    expect(problems({ ...copy(), coordinator: '各課' })).toEqual([
      expect.stringMatching(/^coordinator: 「各課」ではなく、取りまとめる課の名前/),
    ]);
    expect(DEFAULT_PLAN.coordinator).toBe('市民・NPO活動推進課');
  });

  it('refuses grading bands not in descending order', () => {
    const def = {
      ...copy(),
      evaluation: {
        bands: [
          { grade: 'A', min: 80 },
          { grade: 'S', min: 100 },
        ],
      },
    };
    expect(problems(def)).toEqual([expect.stringMatching(/^evaluation\.bands\[1\]\.min:/)]);
  });

  it('says the file is not JSON, naming it', () => {
    expect(() => parsePlanDefinition('{ name: ', 'next-plan.json')).toThrow(/next-plan\.json.*JSON として読めません/s);
  });

  it('any valid-looking plan of the family passes, any year order broken fails', () => {
    const plan = fc.record({
      first: fc.integer({ min: 2000, max: 2090 }),
      length: fc.integer({ min: 1, max: 12 }),
      policies: fc.integer({ min: 1, max: 12 }),
      refs: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(plan, ({ first, length, policies, refs }) => {
        const last = first + length - 1;
        const def: PlanDefinition = {
          name: '次期計画',
          period: { first, last },
          referencePoints: (['baseline', 'review', 'midterm'] as const)
            .slice(0, refs)
            .map((role, i) => ({ role, label: role, year: first - 2 + i })),
          targetYear: last,
          policies: Array.from({ length: policies }, (_, i) => ({ number: i + 1, title: `施策${i + 1}` })),
        };
        expect(problems(def)).toEqual([]);
        expect(problems({ ...def, targetYear: first - 1 })).toContainEqual(expect.stringMatching(/^targetYear:/));
      }),
    );
  });
});
