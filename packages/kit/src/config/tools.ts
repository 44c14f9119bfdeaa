// The variables of the repository's tools (compose, the registry CLI, tests), so that they are
// documented with the others and parsed the same way.
import { defineConfig, parseConfig, type Env } from './define.js';
import { httpUrl, integer, text, url } from './kinds.js';
import { DATABASE_SCHEMA, DATABASE_URL } from './shared.js';
import type { DatabaseSettings } from './subgraph.js';
import { describe } from './variable.js';

const routingUrl = (name: string) =>
  describe(httpUrl(`http://subgraph.example:4005/graphql`), {
    description: `where the composed supergraph routes to subgraph ${name} (\`npm run compose\`)`,
    default: '`http://localhost:<its port>/graphql`',
  });

/** `npm run compose`: one SUBGRAPH_<NAME>_URL per subgraph. */
export function composeConfig(subgraphs: readonly { name: string; defaultPort: number }[]) {
  const variableOf = (name: string) => `SUBGRAPH_${name.toUpperCase()}_URL`;
  return defineConfig({
    process: 'npm run compose',
    variables: Object.fromEntries(subgraphs.map((s) => [variableOf(s.name), routingUrl(s.name)])),
    build: (v) => new Map(subgraphs.map((s) => [s.name, (v[variableOf(s.name)] as string | undefined) ?? `http://localhost:${s.defaultPort}/graphql`])),
  });
}

/** The documentation's row for the whole family. */
export const composeDocs = defineConfig({
  process: 'npm run compose',
  variables: { 'SUBGRAPH_<NAME>_URL': routingUrl('<name>') },
  build: () => undefined,
});

export const loadRoutingUrls = (env: Env, subgraphs: readonly { name: string; defaultPort: number }[]) => parseConfig(composeConfig(subgraphs), env);

export const cliConfig = defineConfig({
  process: 'npm run subgraph',
  variables: {
    SHEQU_GATEWAY_URL: describe(httpUrl(), { description: "the hub's GraphQL endpoint", default: '`http://127.0.0.1:4000/graphql`' }),
    SHEQU_TOKEN: describe(text(), {
      description: 'secret: the bearer token (default: a 10-minute DISTRICT_ADMIN token from the development key)',
      secret: true,
    }),
  },
  build: (v) => ({ gatewayUrl: v.SHEQU_GATEWAY_URL, token: v.SHEQU_TOKEN }),
});

export interface TestSettings {
  postgresUrl: string;
  redisUrl: string;
}

export const testConfig = defineConfig({
  process: 'tests',
  variables: {
    TEST_DATABASE_URL: describe(url(['postgres:', 'postgresql:'], 'postgresql://postgres@127.0.0.1:5432/test'), {
      description: 'the PostgreSQL data-layer tests use (a database they may create databases in)',
      default: '`postgresql://postgres@127.0.0.1:5432/test`',
    }),
    TEST_REDIS_URL: describe(url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'), { description: 'the Redis tests use', default: '`redis://127.0.0.1:6379`' }),
    CHROMIUM_PATH: describe(text(), { description: 'the Chromium that browser tests drive', default: '`/usr/bin/chromium`' }),
    FUZZ_SEED: describe(integer(), { description: '`test/security-fuzz.e2e.ts`: replays the run of this seed', default: 'random, printed' }),
    FUZZ_COUNT: describe(integer({ min: 1 }), { description: '`test/security-fuzz.e2e.ts`: requests per run', default: '700' }),
  },
  build: (v): TestSettings => ({
    postgresUrl: v.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test',
    redisUrl: v.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  }),
});

export const testSettings = (env: Env = process.env): TestSettings => parseConfig(testConfig, env);

/** `npm run db`: the same database variables as the subgraphs'. */
export const dbConfig = defineConfig({
  process: 'npm run db',
  variables: { DATABASE_URL, DATABASE_SCHEMA },
  build: (v): DatabaseSettings => ({ url: v.DATABASE_URL, schema: v.DATABASE_SCHEMA }),
});
