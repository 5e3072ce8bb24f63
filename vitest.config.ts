import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node — and so NestJS and Apollo —
    // load the CommonJS one; Vite would pick the ESM one for our files. Two copies of graphql
    // break its instanceof checks, so our files get the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globals: true,
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // vitest only counts skipped tests; this lists each one with its reason at the end of the run.
    reporters: ['default', './test/support/skip-reporter.ts'],
    // Suites start real apps on real databases and brokers: give them room, and run files in
    // separate processes (each suite has its own database, topics and process-wide state).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
