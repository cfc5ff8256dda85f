// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// A sibling module's file other than its index.js, e.g. `../accounts/accounts.service.js`.
const moduleInternals = {
  regex: '^\\.\\./(modules/)?[^/.][^/]*/(?!index\\.js$)[^/]+$',
  message: 'Import another module through its index.js, not its internals.',
};

const webLayer = {
  regex: '^(fastify|@fastify/.*|.*/app\\.js|.*/http/(auth|errors)\\.js|.*\\.routes\\.js)$',
  message: 'Domain and storage code must not import the web layer.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'packages/*/dist/', '.test-build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A module reaches another module only through that module's index.ts.
    files: ['src/modules/**/*.ts', 'src/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleInternals] }] },
  },
  {
    // Domain and storage code (services, repositories, tables, db/) never depends on the web layer.
    files: [
      'src/modules/**/*.service.ts',
      'src/modules/**/*.repository.ts',
      'src/modules/**/*.table.ts',
      'src/db/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleInternals, webLayer] }] },
  },
  {
    // Migrations take an untyped database, as Kysely recommends, and never import application code.
    files: ['src/db/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', message: 'Migrations never import application code.' }] },
      ],
    },
  },
  {
    // The dashboard runs in the browser: React's rules of hooks, and the accessibility checks of JSX.
    files: ['dashboard/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The embeddable widget runs in the browser of a customer's page.
    files: ['widget/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['dashboard/src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Labels wrap their control and a title and hint in spans of their own.
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
    },
  },
  {
    files: ['src/db/migrate.ts', 'src/db/prepared.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
