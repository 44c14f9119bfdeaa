// npm run bench -- live [sizes] — thousands of screens on one gateway while ballots arrive.
//
// Starts the hub as `npm start` does (evaluations, committees and departments, which opening a
// campaign asks, and the gateway, each its own
// process, on free ports, over a new embedded database), opens a campaign over the six
// departments (minBallots 5), and for each size (default 1000, 5000, 10000) opens that many
// graphql-ws connections from a few subscriber processes — half following turnout
// (campaignProgress, anonymously), half the results (evaluationResultChanged, as an
// administrator) — then casts ballots at a steady rate through the gateway. It reports how long
// after a ballot was sent its new state reached each screen (p50, p99, max), messages/s
// received, and the gateway's CPU and peak RSS. Everything shares this machine's cores: the
// subscriber processes' CPU is the screens', not the hub's, but it is taken from the same cores.
// Env: LIVE_RATE (ballots/s, 20), LIVE_SECONDS (per size, 40), LIVE_PER_PROCESS (screens per subscriber process, 2500),
// LIVE_DATABASE=postgres (the subgraphs on a fresh database of the PostgreSQL at TEST_DATABASE_URL's server instead of PGlite).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { demoCommunities, demoDepartments, representativeId } from '@shequ/kit';
import { loadHubSecrets } from '@shequ/kit/auth/secrets';
import { issueToken, type TokenClaims } from '@shequ/kit/auth/tokens';
import { repoRoot } from '@shequ/kit/paths';
import { freshPostgres, processUsage, startBenchHub } from './hub.js';
import { Histogram } from './live/histogram.js';
import type { FromSubscribers, ToSubscribers } from './live/protocol.js';

const sizes = (process.argv[2] ?? '1000,5000,10000').split(',').map(Number);
const rate = Number(process.env.LIVE_RATE ?? 20);
const seconds = Number(process.env.LIVE_SECONDS ?? 40);
const perProcess = Number(process.env.LIVE_PER_PROCESS ?? 2500);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

class Subscribers {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, (message: FromSubscribers) => void>();

  constructor(options: { url: string; count: number; campaignId: string; adminToken: string; offset: number }) {
    this.child = fork(path.join(repoRoot, 'bench/live/subscribers.ts'), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    this.child.on('message', (message: FromSubscribers) => {
      this.waiting.get(message.type)?.(message);
      this.waiting.delete(message.type);
    });
  }

  ask<K extends FromSubscribers['type']>(type: K, message?: ToSubscribers): Promise<Extract<FromSubscribers, { type: K }>> {
    const answer = new Promise<FromSubscribers>((resolve) => this.waiting.set(type, resolve));
    if (message) this.child.send(message);
    return answer as Promise<Extract<FromSubscribers, { type: K }>>;
  }

  tell(message: ToSubscribers): void {
    this.child.send(message);
  }

  closed(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'close' } satisfies ToSubscribers);
    });
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-bench-live-'));
const database = process.env.LIVE_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite';
const hub = await startBenchHub({
  name: 'live',
  dataDir,
  services: ['committees', 'departments', 'evaluations', 'gateway'],
  databaseUrl: database === 'PostgreSQL' ? await freshPostgres('shequ_bench_live') : undefined,
});
const rows: string[] = [];
try {
  const { jwt } = loadHubSecrets(process.env, dataDir);
  if (jwt.kind !== 'secret') throw new Error('the bench signs its own tokens: unset JWT_JWKS_URL');
  const token = (claims: TokenClaims) => issueToken(claims, jwt.secret, { issuer: jwt.issuer, audience: jwt.audience });
  const adminToken = await token({ role: 'DISTRICT_ADMIN', sub: 'bench-admin' });
  const created = await graphql<{ createCampaign: { id: string } }>(
    hub.url,
    'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
    {
      input: {
        title: 'live bench',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        targets: demoDepartments.map((d) => ({ kind: 'DEPARTMENT', id: d.id })),
        criteria: [
          { key: 'attitude', label: '服务态度', weight: 0.6 },
          { key: 'efficiency', label: '办事效率', weight: 0.4 },
        ],
        minBallots: 5,
      },
    },
    adminToken,
  );
  const campaignId = created.createCampaign.id;
  await graphql(hub.url, 'mutation($id: ID!) { openCampaign(id: $id) { status } }', { id: campaignId }, adminToken);

  // Every (representative, department) pair once: 112 × 15 × 6 ballots before any repeats.
  const voters = demoCommunities.flatMap((c) => Array.from({ length: 15 }, (_, n) => ({ communityId: c.id, personId: representativeId(c.id, n + 1) })));
  let cast = 0;
  let castErrors = 0;
  /** Sends the next ballot; resolves when it is accepted (or refused, counted). */
  const castOne = async (): Promise<void> => {
    const voter = voters[cast % voters.length]!;
    const target = demoDepartments[Math.floor(cast / voters.length) % demoDepartments.length]!.id;
    cast++;
    const repToken = await token({ role: 'REPRESENTATIVE', sub: voter.personId, ...voter });
    await graphql(
      hub.url,
      'mutation($c: ID!, $t: ID!, $l: [BallotLevelInput!]!) { castBallot(campaignId: $c, targetId: $t, levels: $l) { targetId } }',
      {
        c: campaignId,
        t: target,
        l: [
          { criterion: 'attitude', level: 1 + (cast % 5) },
          { criterion: 'efficiency', level: 1 + ((cast * 3) % 5) },
        ],
      },
      repToken,
    ).catch(() => void castErrors++);
  };

  for (const size of sizes) {
    const processes = Math.max(1, Math.ceil(size / perProcess));
    const subscribers = Array.from({ length: processes }, (_, i) => {
      const count = Math.floor(size / processes) + (i < size % processes ? 1 : 0);
      return new Subscribers({ url: hub.url, count, campaignId, adminToken, offset: i });
    });
    await Promise.all(subscribers.map((s) => s.ask('ready')));
    const openedAt = Date.now();
    const openings = await Promise.all(subscribers.map((s) => s.ask('opened', { type: 'open' })));
    const opened = openings.reduce((n, o) => n + o.screens, 0);
    const connectionErrors = openings.reduce((n, o) => n + o.connectionErrors, 0);
    const openSeconds = (Date.now() - openedAt) / 1000;
    await Promise.all(subscribers.map((s) => s.ask('report', { type: 'report' }))); // forget the opening

    const before = processUsage(hub.pids.gateway!);
    const evalBefore = processUsage(hub.pids.evaluations!).cpuSeconds;
    let peakRss = before.rssMb;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, processUsage(hub.pids.gateway!).rssMb)), 500);
    const startedAt = Date.now();
    let ballots = 0;
    castErrors = 0;
    const inFlight = new Set<Promise<void>>();
    // A steady rate, whatever a ballot takes: ballot k is sent at start + k / rate. Every ballot
    // is new, so the campaign's revision counts them: the k-th sent is (near enough: they queue
    // on one database in the order sent) the one that makes revision k. Latency is measured from
    // sending it — its own processing included.
    while (Date.now() - startedAt < seconds * 1000) {
      const due = startedAt + (ballots * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      if (inFlight.size >= 20) await Promise.race(inFlight);
      const sentAt = Date.now();
      ballots++;
      for (const s of subscribers) s.tell({ type: 'accepted', revision: cast + 1, at: sentAt });
      const pending = castOne();
      inFlight.add(pending);
      void pending.then(() => inFlight.delete(pending));
    }
    await Promise.all(inFlight);
    const elapsed = (Date.now() - startedAt) / 1000;
    await sleep(3_000); // the last ballots' deliveries
    clearInterval(sampler);
    const after = processUsage(hub.pids.gateway!);
    const evalCpu = processUsage(hub.pids.evaluations!).cpuSeconds - evalBefore;
    const reports = await Promise.all(subscribers.map((s) => s.ask('report', { type: 'report' })));
    const progress = new Histogram();
    const results = new Histogram();
    for (const r of reports) {
      progress.merge(r.progress);
      results.merge(r.results);
    }
    const messages = reports.reduce((n, r) => n + r.messages, 0);
    const errors = reports.reduce((n, r) => n + r.errors, 0);
    const screensCpu = reports.reduce((n, r) => n + r.cpuSeconds, 0);
    await Promise.all(subscribers.map((s) => s.closed()));
    await sleep(2_000);
    const idle = processUsage(hub.pids.gateway!);
    const ms = (h: Histogram) => `${h.quantile(0.5)} / ${h.quantile(0.99)} / ${h.max} ms`;
    rows.push(
      `| ${size.toLocaleString('en')} (${opened.toLocaleString('en')} served in ${openSeconds.toFixed(1)} s, ${connectionErrors} connection errors) | ${(ballots / elapsed).toFixed(1)}/s (${castErrors} refused) | ${ms(progress)} | ${ms(results)} | ` +
        `${Math.round(messages / elapsed).toLocaleString('en')} | ${errors} | ${(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100).toFixed(0)} % | ` +
        `${((evalCpu / elapsed) * 100).toFixed(0)} % | ${((screensCpu / (elapsed + 3)) * 100).toFixed(0)} % | ${peakRss.toFixed(0)} MB (${idle.rssMb.toFixed(0)} MB after) |`,
    );
    console.log(rows.at(-1));
  }
} finally {
  await hub.stop();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(`
${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load before ${loadavg()[0]!.toFixed(2)}; subgraphs on ${database}; ${rate} ballots/s for ${seconds} s per size

| screens | ballots sent | ballot sent → turnout (p50 / p99 / max) | ballot sent → result (p50 / p99 / max) | messages/s received | errors | gateway CPU | evaluations CPU | screens' CPU | gateway RSS (peak) |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
