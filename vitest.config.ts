import { defineConfig } from 'vitest/config';

// One config for the whole repository: unit and integration tests beside each package
// (`*/tests/*.test.ts`), end-to-end tests across the federation in test/ (`*.e2e.ts`).
export default defineConfig({
  test: {
    include: ['packages/*/tests/**/*.test.ts', 'subgraphs/*/tests/**/*.test.ts', 'gateway/tests/**/*.test.ts', 'examples/*/tests/**/*.test.ts', 'test/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite and the WASM schema engine are CPU-bound, so keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
    env: { SHEQU_LOG_LEVEL: process.env.SHEQU_LOG_LEVEL ?? 'silent' },
  },
});
