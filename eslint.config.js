// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { architecture } from './eslint.architecture.js';

/** Code that ships in the extension: no console output, and only the store touches IndexedDB. */
const SHIPPED = ['src/**', 'background/**', 'popup/**', 'options/**', 'offscreen/**', 'ui/**'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-e2e/**',
      'dist-enterprise/**',
      'dist-e2e-*/**',
      'dist-firefox/**',
      'dist-firefox-e2e/**',
      'packages/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.tmp/**',
      'demo-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      // Event handlers may be async in JSX: Preact ignores their return value, by design.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: SHIPPED,
    rules: {
      // A log line could carry a secret; errors travel as codes instead (DESIGN.md "Errors").
      'no-console': 'error',
      // Markup from strings: none, so the one innerHTML write AMO's linter finds (Preact's
      // dangerouslySetInnerHTML support) never runs (docs/stores.md).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No markup from strings (docs/stores.md).',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No markup from strings (docs/stores.md).',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No markup from strings (docs/stores.md).',
        },
      ],
    },
  },
  ...architecture,
  {
    files: ['test/**', 'scripts/**'],
    rules: {
      // Tests assert on values typed by the page under test; the checks below add noise there.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off', // expect.any() and asymmetric matchers are typed any
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
