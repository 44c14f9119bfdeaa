import { defineConfig } from 'vitest/config';

// One config, two projects: `unit` holds the unit and integration tests beside each package
// (`*/tests/*.test.ts`) and beside the scripts (`scripts/tests/`); `e2e` the tests across the
// whole federation in test/ (`*.e2e.ts`). `npm test` runs both; `npm run test:unit` and
// `npm run test:e2e` one each (`vitest run --project <name>`).
export default defineConfig({
  // graphql 16 has no exports map: Vite would load index.mjs for our sources while Node loads
  // index.js for dependencies, and two graphql realms reject each other's schemas and errors.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite and the WASM schema engine are CPU-bound, so keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
    env: { SHEQU_LOG_LEVEL: process.env.SHEQU_LOG_LEVEL ?? 'silent' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/tests/**/*.test.ts',
            'subgraphs/*/tests/**/*.test.ts',
            'gateway/tests/**/*.test.ts',
            'examples/*/tests/**/*.test.ts',
            'dashboard/tests/**/*.test.ts',
            'scripts/tests/**/*.test.ts',
          ],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/**/*.e2e.ts'] } },
    ],
  },
});
