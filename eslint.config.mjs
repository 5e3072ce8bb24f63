// Lint rules of the hub. The rule that shapes the architecture: a library is reached only through
// its public surface (`@hub/<lib>`), never through a path into its internals, and libraries never
// reach into apps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const libInternals = {
  group: ['@hub/*/*', '**/libs/*/src', '**/libs/*/src/**', 'libs/**'],
  message: 'Import a library through its public surface: `@hub/<lib>`, not a path inside it.',
};
const otherApps = {
  group: ['**/apps/**', 'apps/**', '../../*/src', '../../*/src/**'],
  message: 'An app does not import another app: share code through a library in `libs/`.',
};

export default tseslint.config(
  { ignores: ['dist/**', '.test-build-*/**', 'node_modules/**', 'coverage/**', '.data/**', 'infra/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [libInternals] }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [libInternals, otherApps] }] },
  },
  {
    // Browser code, bundled by esbuild; not type-checked by the server's tsconfig.
    files: ['apps/gateway/graphiql/**'],
    rules: { '@typescript-eslint/ban-ts-comment': 'off' },
  },
  {
    // The all-in-one launcher is the one app that composes the others.
    files: ['apps/**/*.ts'],
    ignores: ['apps/hub/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [libInternals, otherApps] }] },
  },
);
