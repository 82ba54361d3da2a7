// Lint for the whole tree. Type-aware rules need the project's tsconfig; formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'coverage/**', 'node_modules/**', 'samples/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Numbers and years are interpolated into Japanese messages everywhere; that is intended.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` is the React idiom; a one-line arrow that returns void hides nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A pane task returns a change to the state or nothing, and an async function with no return is Promise<void>.
      '@typescript-eslint/no-invalid-void-type': 'off',
      // `const { fill: _fill, ...rest } = style` drops a key; `_name` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // A null where a test expects a value throws at that line and fails the test, which is the check wanted.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fakes stand in for async gateways and hosts, and answer at once.
      '@typescript-eslint/require-await': 'off',
      // Tests read the CLI's --json output and ExcelJS cell values; their shape is what the test asserts.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // jest's expect(fake.method) passes a method without calling it.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'test/taskpane/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.configs.recommended.rules },
  },
  prettier,
);
