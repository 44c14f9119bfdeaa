import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadClusterConfig } from '@shequ/kit/config/cluster';
import { ConfigError } from '@shequ/kit/config/problems';
import { describe, expect, it } from 'vitest';
import { clusterPortNames, planCluster } from '../../launcher/cluster.js';
import { findNginx, nginxConfig } from '../../launcher/nginx.js';
import { nginxBinary, postgresProblem, redisProblem } from '../../launcher/preflight.js';

const subgraphs = ['committees', 'departments', 'evaluations', 'party', 'registry', 'services'];
const bundles = new Map([...subgraphs, 'gateway'].map((n) => [n, `/repo/.build/start/${n}.mjs`]));
const config = (env: NodeJS.ProcessEnv) => loadClusterConfig(env, [...subgraphs, 'gateway'], '/repo');
const portsFor = (replicas: number) => new Map(clusterPortNames(subgraphs, replicas).map((name, i) => [name, 20_000 + i]));

describe('npm run start:cluster: settings', () => {
  it('defaults: 2 replicas, nginx on 4000, an hour for quiet subscriptions', () => {
    const c = config({});
    expect(c).toMatchObject({
      port: 4000,
      replicas: 2,
      nginx: 'nginx',
      nginxDir: undefined,
      proxyReadTimeoutMs: 3_600_000,
      databaseUrl: undefined,
      redisUrl: undefined,
    });
  });

  it('refuses bad values with one line each', () => {
    try {
      config({ SHEQU_REPLICAS: '0', PORT: 'x', REDIS_URL: 'http://nope' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toHaveLength(3);
    }
  });
});

describe('npm run start:cluster: plan', () => {
  const c = config({ PORT: '18000', SHEQU_REPLICAS: '2', DATABASE_URL: 'postgresql://u@h/db', REDIS_URL: 'redis://h:6379' });
  const plan = planCluster(c, subgraphs, bundles, { DATABASE_URL: 'postgresql://u@h/db', REDIS_URL: 'redis://h:6379' }, portsFor(2));

  it('two replicas of every service, the gateways last; only the first replica of a subgraph seeds', () => {
    expect(plan.specs.map((s) => s.name)).toEqual([...subgraphs.flatMap((s) => [`${s}-1`, `${s}-2`]), 'gateway-1', 'gateway-2']);
    for (const s of subgraphs) {
      expect(plan.specs.find((p) => p.name === `${s}-1`)!.env.SEED).toBeUndefined();
      expect(plan.specs.find((p) => p.name === `${s}-2`)!.env.SEED).toBe('false');
    }
    const ports = plan.specs.map((s) => s.env.PORT);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('everyone reaches others through nginx, never one replica', () => {
    const gateway = plan.specs.find((s) => s.name === 'gateway-1')!.env;
    const balanced = new Map(plan.upstreams.filter((u) => !u.edge).map((u) => [u.name.replace('subgraph_', ''), `http://127.0.0.1:${u.listen.port}/graphql`]));
    expect(gateway.SHEQU_SUBGRAPH_URLS).toBe(subgraphs.map((s) => `${s}=${balanced.get(s)}`).join(','));
    expect(gateway.SUPERGRAPH).toBe(balanced.get('registry')!.replace('/graphql', '/supergraph.graphql'));
    expect(gateway.TRUST_PROXY).toBe('true');
    expect(plan.specs.find((s) => s.name === 'registry-2')!.env.SHEQU_SUBGRAPH_URLS).toBe(gateway.SHEQU_SUBGRAPH_URLS);
    for (const spec of plan.specs.filter((s) => !s.name.startsWith('gateway'))) expect(spec.env.GATEWAY_URL).toBe('http://127.0.0.1:18000/graphql');
    const edge = plan.upstreams.find((u) => u.edge)!;
    expect(edge.listen).toEqual({ port: 18000 });
    expect(edge.servers).toEqual(['gateway-1', 'gateway-2'].map((n) => Number(plan.specs.find((s) => s.name === n)!.env.PORT)));
  });

  it('nginx config: upstreams per service, WebSocket upgrade, long read timeouts, no buffering', () => {
    const text = nginxConfig({ dir: '/tmp/x', upstreams: plan.upstreams, readTimeoutMs: 3_600_000 });
    for (const u of plan.upstreams) expect(text).toContain(`upstream ${u.name} {`);
    expect(text).toContain('listen 18000 backlog=4096;');
    expect(text).toMatch(/map \$http_upgrade \$connection_upgrade/);
    expect(text.match(/proxy_set_header Connection \$connection_upgrade;/g)).toHaveLength(plan.upstreams.length);
    expect(text).toContain('proxy_read_timeout 3600000ms;');
    expect(text).toContain('proxy_buffering off;');
    expect(text).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
  });

  const nginx = findNginx('nginx');
  if (!nginx) console.warn('\n!!! nginx is not installed (apt-get install nginx): the nginx -t check is SKIPPED !!!\n');
  it.skipIf(!nginx)('nginx -t accepts the generated configuration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shequ-nginx-test-'));
    try {
      mkdirSync(path.join(dir, 'tmp'));
      const conf = path.join(dir, 'nginx.conf');
      writeFileSync(
        conf,
        nginxConfig({ dir, upstreams: plan.upstreams, readTimeoutMs: 60_000, user: process.getuid?.() === 0 ? 'nobody nogroup' : undefined }),
      );
      const test = spawnSync(nginx!, ['-t', '-p', dir, '-e', 'stderr', '-c', conf], { encoding: 'utf8' });
      expect(test.stderr).toMatch(/syntax is ok/);
      expect(test.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run start:cluster: refuses to start without what it needs, in one line each', () => {
  it('PostgreSQL, Redis unset or unreachable; nginx missing (and how to install it)', async () => {
    expect(await postgresProblem(undefined)).toMatch(/^DATABASE_URL is not set/);
    expect(await redisProblem(undefined)).toMatch(/^REDIS_URL is not set/);
    expect(await postgresProblem('postgresql://me:secret@127.0.0.1:1/x')).toBe(
      'PostgreSQL at postgresql://***@127.0.0.1:1/x is not reachable: connection refused (is it running?)',
    );
    expect(await redisProblem('redis://127.0.0.1:1')).toBe('Redis at redis://127.0.0.1:1 is not reachable: connection refused (is it running?)');
    const missing = nginxBinary('/nonexistent/nginx');
    expect('problem' in missing && missing.problem).toMatch(/nginx is not installed .*apt-get install nginx/);
  });
});
