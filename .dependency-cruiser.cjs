/**
 * The layering of the product, checked by `npm run lint:layers` (part of `npm test`):
 * the plan is the domain and knows nothing of Excel, files or screens; the workbook gateway
 * serves the surfaces and never reaches back into them; the surfaces (pane, CLI, ribbon)
 * see the domain only through its entry module, so its inside can be rearranged freely.
 * The rules match paths from the cruised root, so test/fixtures/layers can be checked the same way.
 */
const SURFACES = '(^|/)src/(taskpane|cli|commands)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'plan-stays-pure',
      comment:
        'src/plan is the domain: it imports only itself, pure libraries and the plan definitions (plans/*.json), no Node, Office, Excel or React code.',
      severity: 'error',
      from: { path: '(^|/)src/plan/' },
      to: {
        pathNot: ['(^|/)src/plan/', '^plans/[^/]+[.]json$', '(^|/)node_modules/(ajv|ajv-formats|ajv-i18n)/'],
      },
    },
    {
      name: 'gateway-does-not-know-surfaces',
      comment: 'src/workbook is used by the surfaces and must not import the pane, the CLI or the ribbon.',
      severity: 'error',
      from: { path: '(^|/)src/workbook/' },
      to: { path: SURFACES },
    },
    {
      name: 'surfaces-use-plan-entry',
      comment: 'The pane, the CLI and the ribbon import the domain only through src/plan/index.ts.',
      severity: 'error',
      from: { path: SURFACES },
      to: { path: '(^|/)src/plan/', pathNot: '(^|/)src/plan/index\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that does not resolve would hide a layer crossing.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
