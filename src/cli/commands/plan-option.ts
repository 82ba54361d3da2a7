import * as fs from 'fs';
import * as path from 'path';
import { gridWithDefinition, parsePlanDefinition, type PlanDefinition, type WorkbookGrid } from '../../plan';
import { stringOption, UsageError, type OptionSpec, type ParsedArgs } from '../args';

export const PLAN_OPTION: OptionSpec = {
  type: 'string',
  value: 'plan.json',
  help: '計画定義のファイル。既定はブックに保存された計画定義（なければ第二次郡山市協働推進基本計画）です。',
};

/** `--plan FILE`: the plan definition to use instead of the one stored in the workbook. */
export function planOption(args: ParsedArgs): PlanDefinition | undefined {
  const file = stringOption(args, 'plan');
  if (file === undefined) return undefined;
  if (!fs.existsSync(file)) throw new UsageError(`計画定義 ${file} がありません。`);
  return parsePlanDefinition(fs.readFileSync(file, 'utf8'), path.basename(file));
}

/** The workbook read under `--plan` when given. */
export function withPlanOption(grid: WorkbookGrid, args: ParsedArgs): WorkbookGrid {
  const definition = planOption(args);
  return definition ? gridWithDefinition(grid, definition) : grid;
}
