// npm run start:cluster for real: two replicas of everything behind nginx, on the machine's
// PostgreSQL (a fresh database) and Redis. A query through nginx works on both gateways; a
// subgraph replica killed under load costs no more failed requests than were in flight on it.
// Prints requests sent / failed. Skipped loudly without nginx, PostgreSQL or Redis.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { postgresAvailable, testPostgresUrl } from '@shequ/kit/testing/databases';
import { redisAvailable, testRedisUrl } from '@shequ/kit/testing/redis';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx } from '../scripts/launcher/nginx.js';

const nginx = findNginx('nginx');
if (!nginx) console.warn('\n!!! nginx is not installed (apt-get install nginx): the cluster test is SKIPPED !!!\n');
const ready = Boolean(nginx) && (await postgresAvailable()) && (await redisAvailable());

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
};

const query = '{ streets { id name communities { id name } } }';
async function ask(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json()) as { data?: { streets?: { communities: unknown[] }[] }; errors?: unknown[] };
    return res.status === 200 && !body.errors && (body.data?.streets?.length ?? 0) > 0 && body.data!.streets!.every((s) => s.communities.length > 0);
  } catch {
    return false;
  }
}

describe.skipIf(!ready)('npm run start:cluster (nginx, PostgreSQL, Redis)', () => {
  const database = `shequ_cluster_${randomBytes(4).toString('hex')}`;
  const work = mkdtempSync(path.join(tmpdir(), 'shequ-cluster-test-'));
  let cluster: ChildProcess;
  let output = '';
  let port = 0;
  const replicas = new Map<string, { url: string; pid: number }>();

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${database}"`);
    port = await freePort();
    const url = new URL(testPostgresUrl);
    url.pathname = `/${database}`;
    cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-cluster.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: url.toString(),
        REDIS_URL: testRedisUrl,
        SHEQU_DATA_DIR: path.join(work, 'data'),
        SHEQU_NGINX_DIR: path.join(work, 'nginx'),
        SHEQU_BUILD_DIR: '.build/test-cluster',
        // Every request reaches the subgraphs, not the gateways' answer cache.
        RESPONSE_CACHE_TTL_MS: '0',
        SHEQU_LOG_LEVEL: 'warn',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stdout!.on('data', (chunk) => (output += chunk));
    cluster.stderr!.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the cluster did not come up in 240 s:\n${output.slice(-3000)}`)), 240_000);
      cluster.once('exit', (code) => reject(new Error(`the cluster exited (${code}) before it served:\n${output.slice(-3000)}`)));
      const check = setInterval(() => {
        if (!/shequ cluster is up in/.test(output)) return;
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }, 200);
    });
    for (const match of output.matchAll(/^ {2}([a-z]+(?:-\d+)?)\s+(http:\/\/localhost:\d+\/\S*)\s+pid (\d+)$/gm)) {
      replicas.set(match[1]!, { url: match[2]!.replace('localhost', '127.0.0.1'), pid: Number(match[3]) });
    }
  }, 300_000);

  afterAll(async () => {
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((resolve) => cluster.once('exit', resolve));
      cluster.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      if (cluster.exitCode === null) cluster.kill('SIGKILL');
    }
    if (ready) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('serves through nginx, and on both gateways', async () => {
    expect([...replicas.keys()]).toEqual(expect.arrayContaining(['nginx', 'gateway-1', 'gateway-2', 'departments-1', 'departments-2', 'registry-2']));
    expect(await ask(`http://127.0.0.1:${port}/graphql`)).toBe(true);
    for (const name of ['gateway-1', 'gateway-2']) expect(await ask(replicas.get(name)!.url), name).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(health.status).toBe(200);
  });

  it('passes WebSocket upgrades to the gateways (graphql-ws through nginx)', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
      setTimeout(() => reject(new Error('no answer over WebSocket in 10 s')), 10_000);
    });
    expect(JSON.parse(first)).toMatchObject({ type: 'connection_ack' });
    const answer = new Promise<{ type: string; payload?: { data?: { streets?: unknown[] } } }>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    const next = await answer;
    expect(next.type).toBe('next');
    expect(next.payload?.data?.streets?.length).toBeGreaterThan(0);
    socket.close();
  });

  it('a subgraph replica killed under load: no failed requests beyond those in flight on it', async () => {
    const concurrency = 4;
    let sent = 0;
    let failed = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        sent++;
        if (!(await ask(`http://127.0.0.1:${port}/graphql`))) failed++;
      }
    };
    const workers = Array.from({ length: concurrency }, worker);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const victims = ['departments-1', 'committees-2'];
    for (const name of victims) process.kill(replicas.get(name)!.pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    stop = true;
    await Promise.all(workers);
    console.log(`cluster: ${victims.join(' and ')} killed (SIGKILL) under load: ${sent} requests sent, ${failed} failed, concurrency ${concurrency}`);
    expect(sent).toBeGreaterThan(20);
    // At most the requests that were on the killed replicas at that moment.
    expect(failed).toBeLessThanOrEqual(concurrency * victims.length);
    // The launcher restarts them meanwhile; the hub keeps answering.
    expect(await ask(`http://127.0.0.1:${port}/graphql`)).toBe(true);
  }, 60_000);

  it('SIGTERM stops everything, nginx included', async () => {
    const exited = new Promise<number | null>((resolve) => cluster.once('exit', (code) => resolve(code)));
    cluster.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const { pid } of replicas.values()) {
      expect(() => process.kill(pid, 0), `pid ${pid}`).toThrow();
    }
  }, 60_000);
});
