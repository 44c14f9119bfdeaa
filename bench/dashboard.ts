// npm run bench -- dashboard [pglite|postgres|both] — the district dashboard from the gateway's
// response cache, and without it.
//
// Starts the hub as `npm start` does (party, committees, services, departments and the gateway,
// each its own process, on free ports) over a new embedded database, then over a new PostgreSQL
// database, and sends the district dashboard (streets → communities → party, volunteers,
// services, funds; four subgraphs) from 50 concurrent clients, alternating between two hubs:
// - hit: every client the same query anonymously, as the public screens of a district do, on the
//   hub as shipped (answers from the response cache);
// - miss: the same query from 50 callers with tokens of their own (no two share an execution),
//   on a second hub with the response cache off (RESPONSE_CACHE_TTL_MS=0): every request runs.
// Meanwhile a community's staff records a donation every 2 s through the gateway, and a reader
// asks until the dashboard shows the new balance: "write → seen" is that delay.
// Env: DASHBOARD_SECONDS (per phase, 15), DASHBOARD_CLIENTS (50).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadHubSecrets } from '@shequ/kit/auth/secrets';
import { issueToken } from '@shequ/kit/auth/tokens';
import { freshPostgres, processUsage, startBenchHub, type BenchHub } from './hub.js';
import { Histogram } from './live/histogram.js';

const which = process.argv[2] ?? 'both';
const seconds = Number(process.env.DASHBOARD_SECONDS ?? 15);
const clients = Number(process.env.DASHBOARD_CLIENTS ?? 50);
const services = ['party', 'committees', 'services', 'departments'];
const watched = 'community-xinhua-05';

const dashboard = () => `{ streets { id name communities { id name representativeCount fundBalanceFen
  partyOrganization { id memberCount } volunteerStats { volunteers hours } serviceRequestStats { open total } } } }`;

interface Phase {
  label: string;
  requests: number;
  errors: number;
  seconds: number;
  latency: Histogram;
  cpuMs: Record<string, number>;
  seen: number[];
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: any; errors?: { message: string }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
}

const balanceIn = (data: any): number | undefined =>
  (data?.streets as { communities: { id: string; fundBalanceFen: number }[] }[] | undefined)?.flatMap((s) => s.communities).find((c) => c.id === watched)
    ?.fundBalanceFen;

async function phase(hub: BenchHub, label: string, tokens: (string | undefined)[], staffToken: string): Promise<Phase> {
  const before = Object.fromEntries(Object.entries(hub.pids).map(([name, pid]) => [name, processUsage(pid).cpuSeconds]));
  const latency = new Histogram();
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async (token: string | undefined) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const body = await post(hub.url, dashboard(), {}, token).catch((e: Error) => ({ errors: [{ message: e.message }] }));
      latency.add(performance.now() - t0);
      requests++;
      if (body.errors?.length) errors++;
    }
  };
  // A write every 2 s, and how long until the dashboard (as the screens ask it) shows it.
  const seen: number[] = [];
  const writer = async () => {
    let amount = 100;
    while (performance.now() + 2_000 < until) {
      await new Promise((r) => setTimeout(r, 2_000));
      const prior = balanceIn((await post(hub.url, dashboard())).data);
      amount++;
      const recorded = await post(
        hub.url,
        'mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { id } }',
        { input: { communityId: watched, category: 'DONATION', amountFen: amount, source: '辖区单位', purpose: '公益捐赠', occurredOn: '2025-06-01' } },
        staffToken,
      );
      if (recorded.errors?.length) throw new Error(`donation refused: ${JSON.stringify(recorded.errors)}`);
      const written = performance.now();
      while (balanceIn((await post(hub.url, dashboard())).data) !== (prior ?? 0) + amount) {
        if (performance.now() - written > 10_000) throw new Error('a donation was not seen within 10 s');
      }
      seen.push(performance.now() - written);
    }
  };
  await Promise.all([...tokens.map(client), writer()]);
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = Object.fromEntries(Object.entries(hub.pids).map(([name, pid]) => [name, ((processUsage(pid).cpuSeconds - before[name]!) * 1000) / requests]));
  return { label, requests, errors, seconds: elapsed, latency, cpuMs, seen };
}

function row(database: string, p: Phase): string {
  const cpu = (name: string) => (p.cpuMs[name] ?? 0).toFixed(2);
  const subgraphs = services.reduce((sum, s) => sum + (p.cpuMs[s] ?? 0), 0).toFixed(2);
  const seen = p.seen.length ? `${Math.round(Math.max(...p.seen))} ms (${p.seen.length} writes)` : '—';
  return `| ${database} | ${p.label} | ${(p.requests / p.seconds).toFixed(1)} | ${p.latency.quantile(0.5).toFixed(0)} / ${p.latency.quantile(0.99).toFixed(0)} ms | ${p.errors} | ${cpu('gateway')} | ${subgraphs} | ${seen} |`;
}

async function run(database: 'pglite' | 'postgres'): Promise<string[]> {
  const hubs: { hub: BenchHub; dataDir: string }[] = [];
  try {
    for (const [name, env] of [
      ['dashboard', {}],
      ['dashboard-nocache', { RESPONSE_CACHE_TTL_MS: '0' }],
    ] as const) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-bench-dashboard-'));
      const databaseUrl = database === 'postgres' ? await freshPostgres(name.replace('-', '_')) : undefined;
      console.error(`[dashboard] ${database}: starting a hub (${name})…`);
      hubs.push({ hub: await startBenchHub({ name, dataDir, services: [...services, 'gateway'], databaseUrl, env }), dataDir });
    }
    const tokensOf = async (dataDir: string) => {
      const { jwt } = loadHubSecrets(process.env, dataDir);
      if (jwt.kind !== 'secret') throw new Error('the bench issues its own tokens: run it without JWT_JWKS_URL');
      const issue = (claims: Parameters<typeof issueToken>[0]) => issueToken(claims, jwt.secret, { issuer: jwt.issuer, audience: jwt.audience });
      return {
        staff: await issue({ role: 'COMMITTEE_STAFF', communityId: watched, sub: `staff-${watched}` }),
        observers: await Promise.all(Array.from({ length: clients }, (_, i) => issue({ role: 'OBSERVER', sub: `observer-${i}` }))),
      };
    };
    const [cached, uncached] = hubs;
    const cachedTokens = await tokensOf(cached!.dataDir);
    const uncachedTokens = await tokensOf(uncached!.dataDir);
    // Warm every process (and V8's tiers) before measuring.
    for (const { hub } of hubs) for (let i = 0; i < 30; i++) await post(hub.url, dashboard());
    const rows: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const [label, hub, tokens, staff] of [
        ['hit (anonymous screens, cache on)', cached!.hub, Array.from({ length: clients }, () => undefined), cachedTokens.staff],
        ['miss (50 callers, cache off)', uncached!.hub, uncachedTokens.observers, uncachedTokens.staff],
      ] as const) {
        console.error(`[dashboard] ${database}: ${label}, ${clients} clients, ${seconds} s…`);
        rows.push(row(database, await phase(hub, label, [...tokens], staff)));
        console.error(rows.at(-1));
      }
    }
    return rows;
  } finally {
    for (const { hub, dataDir } of hubs) {
      await hub.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

const rows: string[] = [];
for (const database of which === 'both' ? (['pglite', 'postgres'] as const) : [which as 'pglite' | 'postgres']) rows.push(...(await run(database)));
console.log(
  `\n${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${clients} clients, ${seconds} s per phase`,
);
console.log('| database | requests | req/s | p50 / p99 | errors | gateway CPU ms/req | subgraphs CPU ms/req | write → seen (max) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
process.exit(0);
