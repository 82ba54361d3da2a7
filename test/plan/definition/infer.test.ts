import * as fs from 'fs';
import * as path from 'path';
import { inferPlanDefinition, parsePlanDefinition, storedDefinition, type PlanDefinition } from '../../../src/plan/definition';
import { withoutSchemaPointer } from '../../../src/plan/definition/stored';
import { renderMaster } from '../../../src/plan/layout/master';
import { readGrid, SAMPLE_MASTER } from '../../cli/helpers';
import type { WorkbookGrid } from '../../../src/plan/grid';

const SHIPPED = path.join(__dirname, '..', '..', '..', 'plans', 'koriyama-kyodo-2.json');
const shippedPlan = (): PlanDefinition => parsePlanDefinition(fs.readFileSync(SHIPPED, 'utf8'), SHIPPED);

describe('plan infer', () => {
  it('reads the shipped definition back from the FY2023 sample, saying what it guessed', async () => {
    const { definition, guesses } = inferPlanDefinition(await readGrid(SAMPLE_MASTER));
    const shipped = withoutSchemaPointer(shippedPlan());
    // The shipped plan also lists 課 of the FY2021 plan that the FY2023 report no longer names.
    expect({ ...definition, departments: undefined }).toEqual({ ...shipped, departments: undefined });
    expect(shipped.departments).toEqual(expect.arrayContaining(definition.departments ?? ['(none)']));
    expect(guesses).toEqual([expect.stringMatching(/^period\.first: .*2018/)]);
  });
});

describe('stored definition', () => {
  it('a master keeps its definition in its metadata, long or short', () => {
    const shipped = shippedPlan();
    const long: PlanDefinition = { ...shipped, name: '長い計画', departments: Array.from({ length: 4000 }, (_, i) => `第${i}課`) };
    for (const def of [shipped, long]) {
      const sheets = renderMaster({ year: 2024, definition: def });
      const grid: WorkbookGrid = {
        source: 'master.xlsx',
        sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((v) => (v === '' ? null : { value: v }))) })),
      };
      expect(storedDefinition(grid)).toEqual(withoutSchemaPointer(def));
    }
  });

  it('a broken stored definition is an error naming the workbook, not the shipped plan in its place', () => {
    const grid: WorkbookGrid = {
      source: 'master.xlsx',
      sheets: [{ name: '_shinchoku', rows: [[{ value: 'planDefinition' }, { value: '{"name":""}' }]] }],
    };
    expect(() => storedDefinition(grid)).toThrow(/master\.xlsx の計画定義/);
  });
});
