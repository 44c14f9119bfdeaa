import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/problems.ts';
import { loadGatewayConfig } from '../../src/config/gateway.ts';
import { loadStartConfig } from '../../src/config/start.ts';
import { loadSubgraphConfig } from '../../src/config/subgraph.ts';
import { repoRoot } from '../../src/config/repo-root.ts';

/** The problem lines a loader reports for `env`, or [] when it accepts it. */
function problems(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const gateway = (env: Record<string, string>) => problems(() => loadGatewayConfig(env));
const subgraph = (name: string, env: Record<string, string>) => problems(() => loadSubgraphConfig(name, env));

describe('gateway configuration', () => {
  it('has the documented defaults', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({
      port: 4000,
      queryPlanner: 'rust',
      supergraph: undefined,
      pollIntervalMs: undefined,
      subgraphUrls: undefined,
      logLevel: 'info',
    });
    expect(config.dashboardDir).toBe(path.join(repoRoot, 'dashboard', 'dist'));
    expect(config.dataDir).toBe(path.join(repoRoot, '.data'));
    expect(config.secrets).toEqual({
      production: false,
      jwtSecret: undefined,
      jwtJwksUrl: undefined,
      jwtIssuer: 'shequ',
      jwtAudience: 'shequ',
      upstreamSecret: undefined,
    });
    expect(config.security.limits.maxDepth).toBe(12);
  });

  it('reads good values into typed ones', () => {
    const config = loadGatewayConfig({
      PORT: '4100',
      SUPERGRAPH: 'http://127.0.0.1:4006/supergraph.graphql',
      SUPERGRAPH_POLL_MS: ' 2000 ',
      SHEQU_SUBGRAPH_URLS: 'evaluations=http://127.0.0.1:4105/graphql',
      QUERY_PLANNER: 'JS',
      SHEQU_LOG_LEVEL: 'silent',
      LOG_LEVEL: 'debug',
      SHEQU_DATA_DIR: '/tmp/hub',
      JWT_SECRET: 'x'.repeat(32),
      NODE_ENV: 'production',
      GRAPHQL_MAX_DEPTH: '8',
      METRICS: 'off',
    });
    expect(config).toMatchObject({ port: 4100, pollIntervalMs: 2000, queryPlanner: 'js', logLevel: 'silent', dataDir: '/tmp/hub' });
    expect(config.subgraphUrls).toEqual({ evaluations: 'http://127.0.0.1:4105/graphql' });
    expect(config.secrets).toMatchObject({ production: true, jwtSecret: 'x'.repeat(32) });
    expect(config.security).toMatchObject({ production: true, limits: { maxDepth: 8 }, metrics: { enabled: false } });
  });

  it('treats an empty value as unset', () => {
    expect(loadGatewayConfig({ PORT: '', QUERY_PLANNER: ' ', SUPERGRAPH_POLL_MS: '' })).toMatchObject({
      port: 4000,
      queryPlanner: 'rust',
      pollIntervalMs: undefined,
    });
  });

  it.each([
    [{ PORT: '65536' }, 'PORT must be 0-65535, not "65536"'],
    [{ PORT: '4k' }, 'PORT must be 0-65535, not "4k"'],
    [{ SUPERGRAPH_POLL_MS: '50' }, 'SUPERGRAPH_POLL_MS must be a whole number of milliseconds, at least 100, not "50"'],
    [{ QUERY_PLANNER: 'fast' }, 'QUERY_PLANNER must be "rust" or "js", not "fast"'],
    [{ METRICS: 'maybe' }, 'METRICS must be true or false, not "maybe"'],
    [{ GRAPHQL_MAX_COST: '-5' }, 'GRAPHQL_MAX_COST must be an integer >= 1, not "-5"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be "fatal", "error", "warn", "info", "debug", "trace", "silent", not "loud"'],
    [{ JWT_JWKS_URL: 'id.example/keys' }, 'JWT_JWKS_URL must be a http/https URL like https://id.example/.well-known/jwks.json, not "id.example/keys"'],
    [
      { SHEQU_SUBGRAPH_URLS: 'evaluations' },
      'SHEQU_SUBGRAPH_URLS must be name=url,name=url (e.g. evaluations=http://127.0.0.1:4005/graphql): "evaluations" is not name=url',
    ],
    [{ CORS_ORIGINS: 'https://a.example/app' }, 'CORS_ORIGINS: "https://a.example/app" is not an origin (scheme://host[:port], no path)'],
  ])('refuses %o with one clear line', (env, line) => {
    expect(gateway(env)).toEqual([line]);
  });

  it('reports every problem at once, one line each', () => {
    const lines = gateway({ PORT: 'x', QUERY_PLANNER: 'fast', TRUST_PROXY: '2' });
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        'PORT must be 0-65535, not "x"',
        'TRUST_PROXY must be true or false, not "2"',
        'QUERY_PLANNER must be "rust" or "js", not "fast"',
      ]),
    );
  });

  it('never repeats a secret or the credentials in a URL', () => {
    const lines = gateway({ REDIS_URL: 'http://admin:hunter2-secret@cache.example:6379' });
    expect(lines).toEqual(['REDIS_URL must be a redis/rediss URL like redis://127.0.0.1:6379, not "http://***@cache.example:6379"']);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});

describe('subgraph configuration', () => {
  it('has the documented defaults, and its extras only where read', () => {
    const config = loadSubgraphConfig('departments', {});
    expect(config).toMatchObject({
      port: undefined,
      host: '127.0.0.1',
      gatewayUrl: 'http://127.0.0.1:4000/graphql',
      seed: true,
      demo: { scale: 1, day: undefined },
      database: { url: undefined },
    });
    expect(config).not.toHaveProperty('dataKey');
    expect(config).not.toHaveProperty('liveRoundMs');
    expect(loadSubgraphConfig('evaluations', {})).toMatchObject({ liveRoundMs: 500, dataKey: undefined });
    expect(loadSubgraphConfig('registry', { SHEQU_SUBGRAPH_URLS: 'party=http://p:1/graphql' }).subgraphUrls).toEqual(
      new Map([['party', 'http://p:1/graphql']]),
    );
  });

  it('reads good values', () => {
    const config = loadSubgraphConfig('evaluations', {
      PORT: '0',
      GATEWAY_PORT: '4100',
      SEED: 'false',
      SHEQU_LIVE_ROUND_MS: '0',
      SHEQU_DEMO_SCALE: '10',
      SHEQU_DEMO_DAY: '2026-03-15',
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/shequ',
      DATABASE_SCHEMA: 'eval_2',
      SHEQU_MIGRATION_WAIT_MS: '5000',
    });
    expect(config).toMatchObject({ port: 0, gatewayUrl: 'http://127.0.0.1:4100/graphql', seed: false, liveRoundMs: 0, demo: { scale: 10, day: '2026-03-15' } });
    expect(config.database).toEqual({ url: 'postgresql://u:p@127.0.0.1:5432/shequ', schema: 'eval_2', migrationWaitMs: 5000 });
    expect(loadSubgraphConfig('party', { GATEWAY_URL: 'https://hub.example/graphql', GATEWAY_PORT: '1' }).gatewayUrl).toBe('https://hub.example/graphql');
  });

  it.each([
    [{ SEED: 'maybe' }, 'SEED must be true or false, not "maybe"'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, not "-1"'],
    [{ SHEQU_DEMO_SCALE: '21' }, 'SHEQU_DEMO_SCALE must be a whole number from 1 to 20, not "21"'],
    [{ SHEQU_DEMO_DAY: '2026-02-30' }, 'SHEQU_DEMO_DAY must be a day (YYYY-MM-DD), not "2026-02-30"'],
    [{ GATEWAY_URL: 'hub:4000' }, 'GATEWAY_URL must be a http/https URL like http://127.0.0.1:4000/graphql, not "hub:4000"'],
    [{ DATABASE_SCHEMA: 'Bad-Name' }, 'DATABASE_SCHEMA must be lower-case letters, digits and _, not "Bad-Name"'],
    [{ DATABASE_URL: 'mysql://root:pw@db/shequ' }, 'DATABASE_URL must use postgresql://, not mysql://'],
    [{ DATABASE_URL: 'postgresql://root:pw@db' }, 'DATABASE_URL names no database (add /<database> after the host)'],
  ])('refuses %o with one clear line', (env, line) => {
    expect(subgraph('committees', env)).toEqual([line]);
  });

  it('checks the extras of the subgraph that reads them, and only there', () => {
    expect(subgraph('evaluations', { SHEQU_LIVE_ROUND_MS: 'soon' })).toEqual([
      'SHEQU_LIVE_ROUND_MS must be a whole number of milliseconds, at least 0, not "soon"',
    ]);
    expect(subgraph('party', { SHEQU_LIVE_ROUND_MS: 'soon' })).toEqual([]);
  });

  it('never repeats a secret', () => {
    // Secrets are free text today; the message mechanism is what must hold, whatever the kind.
    const lines = subgraph('committees', { DATABASE_URL: 'not a url with password hunter2' });
    expect(lines).toEqual(['DATABASE_URL is not a valid URL; expected postgresql://user:password@host:5432/database']);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});

describe('npm start configuration', () => {
  const known = ['evaluations', 'party', 'gateway'];
  const load = (env: Record<string, string>) => loadStartConfig(env, known, '/repo');

  it('has the documented defaults', () => {
    expect(load({})).toMatchObject({
      services: known,
      ports: 'fixed',
      gatewayPort: 4000,
      readyTimeoutMs: 240_000,
      subgraphNodeFlags: ['--liftoff-only', '--v8-pool-size=1'],
      gatewayNodeFlags: [],
      buildDir: path.join('/repo', '.build', 'start'),
    });
  });

  it('keeps an empty SHEQU_SUBGRAPH_NODE_FLAGS: V8 defaults', () => {
    expect(load({ SHEQU_SUBGRAPH_NODE_FLAGS: '' }).subgraphNodeFlags).toEqual([]);
  });

  it('reports every problem, one line each', () => {
    expect(problems(() => load({ SHEQU_PORTS: 'any', SHEQU_CRASH_LOOP: '5', SHEQU_SERVICES: 'gatway' }))).toEqual(
      expect.arrayContaining([
        'SHEQU_PORTS must be "free" or "fixed", not "any"',
        'SHEQU_SERVICES names "gatway"; known services: evaluations, party, gateway',
        expect.stringMatching(/^SHEQU_CRASH_LOOP must be <exits>\/<milliseconds>/),
      ]),
    );
  });
});
