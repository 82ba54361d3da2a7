import shipped from '../../../plans/koriyama-kyodo-2.json';
import type { PlanDefinition } from './types';

/**
 * The plan a workbook without a stored definition belongs to: every master made before
 * definitions existed is a 第二次郡山市協働推進基本計画 master.
 */
export const DEFAULT_PLAN: PlanDefinition = shipped as PlanDefinition;
