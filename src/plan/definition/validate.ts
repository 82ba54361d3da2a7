import Ajv, { type ErrorObject } from 'ajv';
import localizeJa from 'ajv-i18n/localize/ja';
import schema from '../../../plans/plan.schema.json';
import type { PlanDefinition } from './types';

/** A definition that cannot be used, with one Japanese line per problem naming the field. */
export class PlanDefinitionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`計画定義 ${source} を使えません:\n${problems.map((p) => `  ・${p}`).join('\n')}`);
    this.name = 'PlanDefinitionError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile<PlanDefinition>(schema);

/** `/policies/2/title` → `policies[2].title`: the spelling a person finds in the JSON file. */
export function fieldName(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '（全体）';
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字列',
  integer: '整数',
  number: '数値',
  boolean: 'true か false',
  array: '配列',
  object: 'オブジェクト',
};

/** The project's own sentence for each keyword a definition file is likely to break; others keep ajv-i18n's text. */
function schemaProblem(e: ErrorObject): string {
  const field = fieldName(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join('または');
      return `${field}: ${types}で書いてください。`;
    }
    case 'minItems':
      return `${field}: ${String(p.limit)} つ以上書いてください。`;
    case 'maxItems':
      // Two owners would become one 課 named 「甲課、丙課」 in every split and compile.
      if (field.endsWith('.owners'))
        return `${field}: 担当課は 1 つにしてください。複数の課で集計する指標は、取りまとめる課を 1 つ書いてください。`;
      return `${field}: ${String(p.limit)} つまでにしてください。`;
    case 'required':
      return `${field}: 「${String(p.missingProperty)}」を書いてください。`;
    case 'additionalProperties':
      return `${field}: 「${String(p.additionalProperty)}」という項目はありません。綴りを確かめてください。`;
    case 'enum':
      return `${field}: ${(p.allowedValues as unknown[]).map((v) => `「${String(v)}」`).join('、')}のどれかを書いてください。`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${field}: ${String(p.limit)} ${e.keyword === 'minimum' ? '以上' : 'より大きい値'}にしてください。`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${field}: ${String(p.limit)} ${e.keyword === 'maximum' ? '以下' : 'より小さい値'}にしてください。`;
    case 'minLength':
      return `${field}: 空にせず書いてください。`;
    default:
      return `${field}: ${e.message}`;
  }
}

/** Rules JSON Schema cannot state: order of years, unique numbers, the 再掲 target exists. */
function consistencyProblems(d: PlanDefinition): string[] {
  const out: string[] = [];
  if (d.period.first > d.period.last) out.push(`period: 最初の年度 ${d.period.first} が最後の年度 ${d.period.last} より後です。`);
  if (d.targetYear < d.period.first)
    out.push(`targetYear: 目標年度 ${d.targetYear} が計画期間（${d.period.first}〜${d.period.last}年度）より前です。`);
  if (d.coordinator && /^各課/u.test(d.coordinator.trim()))
    out.push(`coordinator: 「${d.coordinator}」ではなく、取りまとめる課の名前を書いてください（例: 市民・NPO活動推進課）。`);
  const roles = new Set<string>();
  d.referencePoints.forEach((r, i) => {
    if (roles.has(r.role)) out.push(`referencePoints[${i}].role: 「${r.role}」が2回あります。`);
    roles.add(r.role);
    if (r.year > d.targetYear) out.push(`referencePoints[${i}].year: 基準の年度 ${r.year} が目標年度 ${d.targetYear} より後です。`);
  });
  const numbers = new Set<number>();
  d.policies.forEach((p, i) => {
    if (numbers.has(p.number)) out.push(`policies[${i}].number: 基本施策${p.number}が2回あります。`);
    numbers.add(p.number);
  });
  const names = new Set<string>();
  const indicators = [
    ...d.policies.flatMap((p) =>
      (p.indicators ?? []).map((ind, j) => ({ ind, policy: p.number, at: `policies[${d.policies.indexOf(p)}].indicators[${j}]` })),
    ),
    ...(d.surveyIndicators ?? []).map((ind, j) => ({ ind, policy: 0, at: `surveyIndicators[${j}]` })),
  ];
  for (const { ind, policy } of indicators) names.add(`${policy}:${ind.name}`);
  for (const { ind, at } of indicators) {
    if (ind.repeatOf && !names.has(`${ind.repeatOf.policy}:${ind.repeatOf.name}`)) {
      out.push(
        `${at}.repeatOf: 再掲元「${ind.repeatOf.name}」が${ind.repeatOf.policy === 0 ? '全体指標' : `基本施策${ind.repeatOf.policy}`}にありません。`,
      );
    }
  }
  const bands = d.evaluation?.bands ?? [];
  bands.forEach((b, i) => {
    if (i > 0 && b.min >= bands[i - 1].min)
      out.push(`evaluation.bands[${i}].min: 区分は min の大きい順に並べてください（${bands[i - 1].min} の次が ${b.min}）。`);
  });
  return out;
}

/**
 * Checks a parsed definition file; `source` names it in the messages. Pure: reading the
 * file is the caller's job.
 */
export function validatePlanDefinition(value: unknown, source: string): PlanDefinition {
  if (!check(value)) {
    const errors = check.errors ?? [];
    localizeJa(errors);
    throw new PlanDefinitionError(source, errors.map(schemaProblem));
  }
  const problems = consistencyProblems(value);
  if (problems.length) throw new PlanDefinitionError(source, problems);
  return value;
}

/** Parses and checks the text of a definition file. */
export function parsePlanDefinition(text: string, source: string): PlanDefinition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PlanDefinitionError(source, [`JSON として読めません（${err instanceof Error ? err.message : String(err)}）。`]);
  }
  return validatePlanDefinition(value, source);
}
