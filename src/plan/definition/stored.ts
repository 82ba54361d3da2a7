import type { WorkbookGrid } from '../grid';
import type { Plan } from '../model';
import { readMetadata } from '../recognize/metadata';
import { DEFAULT_PLAN } from './default';
import { parsePlanDefinition } from './validate';
import type { PlanDefinition } from './types';

/** Metadata key of the definition; a long one continues in `planDefinition.2`, `.3`, … */
export const DEFINITION_KEY = 'planDefinition';
// An Excel cell holds at most 32,767 characters.
const CHUNK = 30000;

export function withoutSchemaPointer(definition: PlanDefinition): PlanDefinition {
  const plan: PlanDefinition & { $schema?: string } = { ...definition };
  delete plan.$schema;
  return plan;
}

/** Metadata rows that store the definition in the master itself, so every command reads the same plan. */
export function definitionEntries(definition: PlanDefinition): [string, string][] {
  // The schema pointer is for editors of the file, not part of the plan.
  const json = JSON.stringify(withoutSchemaPointer(definition));
  const out: [string, string][] = [['plan', definition.name]];
  for (let i = 0; i * CHUNK < json.length; i++)
    out.push([i === 0 ? DEFINITION_KEY : `${DEFINITION_KEY}.${i + 1}`, json.slice(i * CHUNK, (i + 1) * CHUNK)]);
  return out;
}

/** The definition the workbook carries, if any. A stored definition that is broken is an error, not a fallback. */
export function storedDefinition(grid: WorkbookGrid): PlanDefinition | undefined {
  const { entries } = readMetadata(grid);
  const first = entries.get(DEFINITION_KEY);
  if (first === undefined) return undefined;
  let json = first;
  for (let i = 2; entries.has(`${DEFINITION_KEY}.${i}`); i++) json += entries.get(`${DEFINITION_KEY}.${i}`) ?? '';
  return withShippedCoordinator(parsePlanDefinition(json, `${grid.source} の計画定義（非表示のメタデータ）`));
}

/**
 * Masters made before definitions named their coordinator store the shipped plan without one; read
 * as written, their 全体指標 and 各課 rows would belong to no one in the middle of a year. The shipped
 * plan's coordinator is theirs: same plan name, no coordinator of its own.
 */
function withShippedCoordinator(definition: PlanDefinition): PlanDefinition {
  if (definition.coordinator !== undefined || definition.name !== DEFAULT_PLAN.name) return definition;
  return { ...definition, coordinator: DEFAULT_PLAN.coordinator };
}

/** `--plan` first, then the workbook's own, then the shipped plan (masters made before definitions existed). */
export function resolveDefinition(grid: WorkbookGrid, given?: PlanDefinition): PlanDefinition {
  return given ?? storedDefinition(grid) ?? DEFAULT_PLAN;
}

export function definitionOf(plan: Plan): PlanDefinition {
  return plan.definition ?? DEFAULT_PLAN;
}
