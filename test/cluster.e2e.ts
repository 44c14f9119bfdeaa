// npm run start:cluster for real: two replicas of everything behind nginx, on the machine's
// PostgreSQL (a fresh database) and Redis. A query through nginx works on both gateways; a
// subgraph replica killed under load costs no more failed requests than were in flight on it.
// Issue 19's fault tests on the same cluster: a gateway replica killed under graphql-ws
// subscribers (they reconnect through nginx, current state first), SIGTERM to a gateway replica
// under load (it drains and the launcher restarts it), and Redis restarted (a private
// redis-server on a free port, when the binary is there) under subscribers. Each prints requests
// sent / failed / lost. Skipped loudly without nginx, PostgreSQL or Redis.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueToken, type TokenClaims } from '@shequ/kit/auth/tokens';
import { representativeId } from '@shequ/kit';
import { repoRoot } from '@shequ/kit/paths';
import { postgresAvailable, testPostgresUrl } from '@shequ/kit/testing/databases';
import { redisAvailable, testRedisUrl } from '@shequ/kit/testing/redis';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx } from '../scripts/launcher/nginx.js';

const nginx = findNginx('nginx');
if (!nginx) console.warn('\n!!! nginx is not installed (apt-get install nginx): the cluster test is SKIPPED !!!\n');
const ready = Boolean(nginx) && (await postgresAvailable()) && (await redisAvailable());

// A private Redis for the cluster, so that the test may restart it (never the machine's shared one).
const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim() || undefined;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  return (await askWhy(url)) === undefined;
}

/** undefined when the answer is right; otherwise what was wrong. */
async function askWhy(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    // nginx's own error page: it could not pass the request on (and did not retry it).
    if (res.headers.get('content-type')?.startsWith('text/html')) return `nginx ${res.status}`;
    const body = JSON.parse(text) as { data?: { streets?: { communities: unknown[] }[] }; errors?: unknown[] };
    const good = res.status === 200 && !body.errors && (body.data?.streets?.length ?? 0) > 0 && body.data!.streets!.every((s) => s.communities.length > 0);
    return good ? undefined : `${res.status} ${text.slice(0, 200)}`;
  } catch (err) {
    return `no answer: ${(err as Error).message}`;
  }
}

const jwtSecret = randomBytes(32).toString('base64url');
const adminClaims: TokenClaims = { role: 'DISTRICT_ADMIN', sub: 'admin-1' };
const rep = (communityId: string, n: number): TokenClaims => {
  const personId = representativeId(communityId, n);
  return { role: 'REPRESENTATIVE', communityId, personId, sub: personId };
};

type Progress = { campaignProgress: { ballotsCast: number } };
const progressQuery = 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast } }';

/** A screen following a campaign's turnout over graphql-ws through nginx, reconnecting as a browser's client does. */
class Screen {
  readonly received: number[] = [];
  /** Index into `received` where each connection's messages begin. */
  readonly connections: number[] = [];
  closes = 0;
  errors: unknown[] = [];
  private readonly client: Client;

  constructor(url: string, campaignId: string) {
    this.client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 20,
      retryWait: () => sleep(300),
      shouldRetry: () => true,
      on: {
        connected: () => this.connections.push(this.received.length),
        closed: () => this.closes++,
      },
    });
    this.client.subscribe<Progress>(
      { query: progressQuery, variables: { c: campaignId } },
      {
        next: (event) => {
          if (event.data) this.received.push(event.data.campaignProgress.ballotsCast);
          else this.errors.push(event.errors);
        },
        error: (error) => this.errors.push(error),
        complete: () => {},
      },
    );
  }

  /** What arrived on the latest connection. */
  get sinceReconnect(): number[] {
    return this.received.slice(this.connections.at(-1) ?? 0);
  }

  async until(check: () => boolean, ms = 20_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
    return true;
  }

  close(): Promise<void> {
    return this.client.dispose() as Promise<void>;
  }
}

describe.skipIf(!ready)('npm run start:cluster (nginx, PostgreSQL, Redis)', () => {
  const database = `shequ_cluster_${randomBytes(4).toString('hex')}`;
  const work = mkdtempSync(path.join(tmpdir(), 'shequ-cluster-test-'));
  let cluster: ChildProcess;
  let output = '';
  let port = 0;
  const replicas = new Map<string, { url: string; pid: number }>();
  let redisUrl = testRedisUrl;
  let redisPort = 0;
  let redis: ChildProcess | undefined;
  const startRedis = () => {
    redis = spawn(redisServer!, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  };
  const redisUp = async () => {
    for (let i = 0; i < 100; i++) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = connect(redisPort, '127.0.0.1');
        socket.once('error', () => resolve(false));
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
      });
      if (open) return;
      await sleep(100);
    }
    throw new Error(`the private redis-server on ${redisPort} did not start`);
  };
  const graphql = async <T>(query: string, variables: Record<string, unknown>, claims?: TokenClaims) => {
    const token = claims ? await issueToken(claims, jwtSecret) : undefined;
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  /** The launcher's `<name> is back (restart n, down …, pid p)` line after `since` in its output. */
  const backAgain = async (name: string, since: number, ms = 30_000) => {
    const pattern = new RegExp(`^${name} is back \\(restart \\d+, down [^,]+, pid (\\d+)\\)$`, 'm');
    const deadline = Date.now() + ms;
    for (;;) {
      const match = pattern.exec(output.slice(since));
      if (match) {
        replicas.get(name)!.pid = Number(match[1]);
        return Number(match[1]);
      }
      if (Date.now() > deadline) throw new Error(`${name} was not back within ${ms} ms:\n${output.slice(since).slice(-2000)}`);
      await sleep(200);
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${database}"`);
    port = await freePort();
    if (redisServer) {
      redisPort = await freePort();
      startRedis();
      await redisUp();
      redisUrl = `redis://127.0.0.1:${redisPort}`;
    }
    const url = new URL(testPostgresUrl);
    url.pathname = `/${database}`;
    cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-cluster.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: url.toString(),
        REDIS_URL: redisUrl,
        JWT_SECRET: jwtSecret,
        SHEQU_UPSTREAM_SECRET: randomBytes(32).toString('base64url'),
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
    // No wait here: once the launcher says up, nginx answers (it never marks a replica down, so
    // the subgraphs' deliveries that reached it before the gateways listened leave no
    // "no live upstreams" window behind; the first test asks at once).
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
    redis?.kill('SIGKILL');
    if (ready) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('serves through nginx, and on both gateways', async () => {
    expect([...replicas.keys()]).toEqual(expect.arrayContaining(['nginx', 'gateway-1', 'gateway-2', 'departments-1', 'departments-2', 'registry-2']));
    // What went wrong, and what the services said, when it fails.
    const why = await askWhy(`http://127.0.0.1:${port}/graphql`);
    expect(why, `${why}\n${output.slice(-4000)}`).toBeUndefined();
    for (const name of ['gateway-1', 'gateway-2']) expect(await askWhy(replicas.get(name)!.url), name).toBeUndefined();
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

  // Issue 19's fault tests: a campaign that screens follow, ballots cast through nginx.
  let campaign = '';
  let ballots = 0;
  const castOne = async () => {
    ballots++;
    const voter = rep('community-minzu-01', ballots);
    const res = await graphql(
      'mutation($c: ID!, $t: ID!, $l: [BallotLevelInput!]!) { castBallot(campaignId: $c, targetId: $t, levels: $l) { targetId } }',
      { c: campaign, t: 'dept-health', l: [{ criterion: 'attitude', level: 4 }] },
      voter,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  };
  const ballotsCast = async () =>
    (
      await graphql<{ campaign: { progress: { ballotsCast: number } } }>(
        'query($c: ID!) { campaign(id: $c) { progress { ballotsCast } } }',
        { c: campaign },
        adminClaims,
      )
    ).data?.campaign.progress.ballotsCast;

  it('a gateway replica killed: its subscribers reconnect through nginx to the other and receive again, the current state first', async () => {
    const created = await graphql<{ createCampaign: { id: string } }>(
      'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
      {
        input: {
          title: 'Fault tests',
          periodStart: '2026-01-01',
          periodEnd: '2026-06-30',
          targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }],
          criteria: [{ key: 'attitude', label: '服务态度', weight: 1 }],
          minBallots: 1,
        },
      },
      adminClaims,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    campaign = created.data!.createCampaign.id;
    expect((await graphql('mutation($id: ID!) { openCampaign(id: $id) { status } }', { id: campaign }, adminClaims)).errors).toBeUndefined();
    await castOne();

    const count = 8;
    const screens = Array.from({ length: count }, () => new Screen(`ws://127.0.0.1:${port}/graphql`, campaign));
    try {
      for (const screen of screens) expect(await screen.until(() => screen.received.includes(1)), 'first state').toBe(true);
      const since = output.length;
      process.kill(replicas.get('gateway-1')!.pid, 'SIGKILL');
      // Those on gateway-1 see their socket end; graphql-ws reconnects through nginx.
      await sleep(1_500);
      const moved = screens.filter((s) => s.closes > 0);
      for (const screen of moved)
        expect(await screen.until(() => screen.connections.length >= 2 && screen.sinceReconnect.length > 0), 'reconnected').toBe(true);
      const reconnected = moved.filter((s) => s.connections.length >= 2).length;
      // The current state first on the new connection.
      for (const screen of moved) expect(screen.sinceReconnect[0]).toBe(1);
      await castOne();
      for (const screen of screens) expect(await screen.until(() => screen.received.includes(2)), 'the next ballot').toBe(true);
      const received = screens.filter((s) => s.received.includes(2)).length;
      console.log(
        `cluster: gateway-1 killed (SIGKILL) under ${count} graphql-ws subscribers through nginx: ${moved.length} were on it, ${reconnected} reconnected (to gateway-2 or its restart) with the current state first, ${received} of ${count} received the next ballot; lost ${count - received}`,
      );
      expect(moved.length).toBeGreaterThan(0);
      expect(reconnected).toBe(moved.length);
      expect(received).toBe(count);
      await backAgain('gateway-1', since);
    } finally {
      await Promise.all(screens.map((s) => s.close()));
    }
  }, 90_000);

  it('SIGTERM to a gateway replica under load: in-flight requests finish, the launcher restarts it', async () => {
    const concurrency = 4;
    let sent = 0;
    const failures: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        sent++;
        const why = await askWhy(`http://127.0.0.1:${port}/graphql`);
        if (why) failures.push(why);
      }
    };
    const workers = Array.from({ length: concurrency }, worker);
    await sleep(2_000);
    const since = output.length;
    const before = sent;
    process.kill(replicas.get('gateway-2')!.pid, 'SIGTERM');
    const pid = await backAgain('gateway-2', since);
    await sleep(1_000);
    stop = true;
    await Promise.all(workers);
    console.log(
      `cluster: gateway-2 sent SIGTERM under load (concurrency ${concurrency}, through nginx): ${sent} requests sent (${sent - before} during its drain and restart), ${failures.length} failed (nginx 502: a POST already sent on a connection the gateway closed, not retried), ${failures.filter((f) => f.startsWith('no answer')).length} lost (no answer); back as pid ${pid}${failures.length ? `; failures: ${[...new Set(failures)].join(' | ')}` : ''}`,
    );
    expect(sent).toBeGreaterThan(20);
    // The only failures allowed: a POST nginx had already written on a keepalive connection the
    // draining gateway closed (nginx does not resend a POST, which may not be idempotent); at
    // most one per concurrent request. Every request the gateway accepted was answered.
    expect(
      failures.every((f) => f === 'nginx 502'),
      failures.join(' | '),
    ).toBe(true);
    expect(failures.length).toBeLessThanOrEqual(concurrency);
  }, 90_000);

  it.skipIf(!redisServer)(
    'Redis restarted: subscriptions resume delivering; no ballot lost or counted twice',
    async () => {
      const count = 4;
      const screens = Array.from({ length: count }, () => new Screen(`ws://127.0.0.1:${port}/graphql`, campaign));
      try {
        for (const screen of screens) expect(await screen.until(() => screen.received.includes(ballots)), 'first state').toBe(true);
        const exited = new Promise((resolve) => redis!.once('exit', resolve));
        redis!.kill('SIGKILL');
        await exited;
        await sleep(1_000);
        startRedis();
        await redisUp();
        // Subscribers and publishers reconnect (ioredis retries); then ballots go on.
        await sleep(3_000);
        const sentBallots = 3;
        for (let i = 0; i < sentBallots; i++) await castOne();
        for (const screen of screens) expect(await screen.until(() => screen.received.includes(ballots), 30_000), `ballot ${ballots} seen`).toBe(true);
        const received = screens.filter((s) => s.received.includes(ballots)).length;
        const counted = await ballotsCast();
        console.log(
          `cluster: Redis restarted (SIGKILL, new redis-server on the same port) under ${count} subscribers: ${sentBallots} ballots sent after, all accepted, ${received} of ${count} subscribers received the latest; ballotsCast ${counted} of ${ballots} cast (lost ${Math.max(0, ballots - (counted ?? 0))}, counted twice ${Math.max(0, (counted ?? 0) - ballots)})`,
        );
        expect(received).toBe(count);
        expect(counted).toBe(ballots);
      } finally {
        await Promise.all(screens.map((s) => s.close()));
      }
    },
    90_000,
  );

  it('SIGTERM stops everything, nginx included', async () => {
    const exited = new Promise<number | null>((resolve) => cluster.once('exit', (code) => resolve(code)));
    cluster.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const { pid } of replicas.values()) {
      expect(() => process.kill(pid, 0), `pid ${pid}`).toThrow();
    }
  }, 60_000);
});
