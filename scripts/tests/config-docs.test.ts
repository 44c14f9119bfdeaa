import { readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentTable, withEnvironmentTable } from '@shequ/kit/config/docs';
import { repoRoot } from '@shequ/kit/paths';
import { describe, expect, it } from 'vitest';

describe("README's environment reference", () => {
  it('is what the schemas generate (npm run config:docs)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    // Equal, not contained: a row left behind by a removed variable fails too.
    expect(withEnvironmentTable(readme), 'README.md is out of date: run `npm run config:docs`').toBe(readme);
  });

  it('lists the variables that were undocumented before the schemas', () => {
    const table = environmentTable();
    for (const name of [
      'QUERY_PLANNER',
      'SHEQU_SERVICE_TOKEN',
      'DATABASE_SCHEMA',
      'GATEWAY_PORT',
      'HOST',
      'SEED',
      'LOG_LEVEL',
      'SHEQU_START_TIMEOUT_MS',
      'SUBGRAPH_<NAME>_URL',
      'TEST_REDIS_URL',
    ]) {
      expect(table).toContain(`| \`${name}\` |`);
    }
  });
});
