import * as fs from 'fs';
import * as path from 'path';
import { parsePlanDefinition, type PlanDefinition } from '../../plan/definition';
import { gridWithDefinition } from '../../plan/definition/override';
import type { WorkbookGrid } from '../../plan/grid';
import { stringOption, UsageError, type ParsedArgs } from '../args';

/** `--plan FILE`: the plan definition to use instead of the one stored in the workbook. */
export function planOption(args: ParsedArgs): PlanDefinition | undefined {
  const file = stringOption(args, 'plan');
  if (args.options.get('plan') === true) throw new UsageError('--plan には計画定義のファイル（例: plans/koriyama-kyodo-2.json）を指定してください。');
  if (file === undefined) return undefined;
  if (!fs.existsSync(file)) throw new UsageError(`計画定義 ${file} がありません。`);
  return parsePlanDefinition(fs.readFileSync(file, 'utf8'), path.basename(file));
}

/** The workbook read under `--plan` when given. */
export function withPlanOption(grid: WorkbookGrid, args: ParsedArgs): WorkbookGrid {
  const definition = planOption(args);
  return definition ? gridWithDefinition(grid, definition) : grid;
}
