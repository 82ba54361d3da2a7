import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rule of `npm run lint:layers` (.dependency-cruiser.cjs), run on two small trees:
 * one that keeps the layering and one that breaks each rule once. The real tree is checked by
 * the same command in `npm test`; this shows the command would notice a wrong import.
 */
const ROOT = join(__dirname, '..');
const FIXTURES = 'test/fixtures/layers';

/** Runs the command as `npm run lint:layers` does; returns its exit status and the violations it printed. */
function cruise(tree: string): { status: number | null; violations: string[] } {
  const bin = join(ROOT, 'node_modules', '.bin', 'depcruise');
  const run = spawnSync(bin, [`${FIXTURES}/${tree}`, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const violations = run.stdout
    .split('\n')
    .map((line) => /^\s*error (.+)$/.exec(line)?.[1])
    .filter((v): v is string => v !== undefined)
    .map((v) => v.replaceAll(`${FIXTURES}/${tree}/`, ''));
  return { status: run.status, violations: violations.sort() };
}

describe('layer rule', () => {
  it('accepts a tree where the surfaces use the plan entry and the plan imports only itself', () => {
    const good = cruise('good');
    expect(good.violations).toEqual([]);
    expect(good.status).toBe(0);
  });

  it('fails, naming rule and files, on each kind of wrong import', () => {
    const bad = cruise('bad');
    expect(bad.violations).toEqual([
      'gateway-does-not-know-surfaces: src/workbook/gateway.ts → src/taskpane/title.ts',
      'plan-stays-pure: src/plan/model.ts → fs',
      'plan-stays-pure: src/plan/model.ts → src/workbook/gateway.ts',
      'surfaces-use-plan-entry: src/cli/main.ts → src/plan/model.ts',
    ]);
    expect(bad.status).not.toBe(0);
  });
});
