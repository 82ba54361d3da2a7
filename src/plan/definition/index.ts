export type { GradeBand, IndicatorDefinition, PlanDefinition, PolicyDefinition, ReferencePoint, ReferenceRole } from './types';
export { DEFAULT_PLAN } from './default';
export { PlanDefinitionError, parsePlanDefinition, validatePlanDefinition } from './validate';
export { definitionEntries, definitionOf, resolveDefinition, storedDefinition } from './stored';
export { inferPlanDefinition, type Inference } from './infer';
