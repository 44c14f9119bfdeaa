// npm run bench -- dashboard-sql [--json] [--requests N] [pglite|postgres]
// What the district dashboard's overview query costs each subgraph: SQL statements per request
// (they must not grow with the number of communities) and the request's latency and CPU, on a
// demo of SHEQU_DEMO_SCALE × 112 communities. All subgraphs and the gateway run in this one
// process, so the CPU figure is theirs together. `--json` prints one line for
// test/dashboard-sql.e2e.ts, which runs this at two scales.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { demoCommunities, demoScale, demoStreets } from '@shequ/kit';
import { startTestFederation } from '@shequ/testing';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import party from '../subgraphs/party/src/index.js';
import services from '../subgraphs/services/src/index.js';

export const dashboardQuery = `{ streets { id name communities { id name representativeCount fundBalanceFen
  partyOrganization { id memberCount } volunteerStats { volunteers hours }
  serviceRequestStats { open total } } } }`;

// The hub's per-operation log lines would drown the figures.
process.env.SHEQU_LOG_LEVEL ??= 'warn';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, requests: { type: 'string' } } });
const database = (positionals[0] ?? 'pglite') as 'pglite' | 'postgres';
const requests = Number(values.requests ?? 30);
/** Each subgraph's part of the overview, as the gateway's query plan asks it. */
const streetRefs = demoStreets.map((s) => ({ __typename: 'Street', id: s.id }));
const communityRefs = demoCommunities.map((c) => ({ __typename: 'Community', id: c.id }));
const entities = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${fields} } }`;
const subgraphParts: Record<string, [string, Record<string, unknown>]> = {
  departments: ['{ streets { id name } }', {}],
  committees: [entities('... on Street { communities { id name representativeCount fundBalanceFen } }'), { r: streetRefs }],
  party: [entities('... on Community { partyOrganization { id memberCount } volunteerStats { volunteers hours } }'), { r: communityRefs }],
  services: [entities('... on Community { serviceRequestStats { open total } }'), { r: communityRefs }],
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const seedStarted = performance.now();
// Without outbox workers, whose polling would count among the statements measured.
const hub = await startTestFederation({
  subgraphs: [committees, departments, party, services].map((def) => ({ ...def, workers: undefined })),
  database,
  // The overview asks for every community at once: above the default cost limit at a large
  // scale, and before the summaries it took a subgraph longer than the default 10 s there.
  // The response cache off: this counts what a request costs the subgraphs, not what a hit costs.
  gateway: {
    security: {
      limits: { maxCost: 1_000_000_000 },
      rateLimit: { perMinute: 0 },
      subgraphTimeoutMs: 300_000,
      requestTimeoutMs: 300_000,
      responseCache: { ttlMs: 0 },
    },
  },
});
const seedMs = performance.now() - seedStarted;
try {
  const ask = async () => {
    const res = await hub.query<{ streets: { communities: unknown[] }[] }>(dashboardQuery);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.streets.reduce((n, s) => n + s.communities.length, 0);
  };
  for (let i = 0; i < 3; i++) await ask(); // warm: plans, prepared statements, JIT
  const names = Object.keys(hub.subgraphs);
  const before = Object.fromEntries(names.map((n) => [n, hub.subgraphs[n]!.db.queries.count]));
  const communities = await ask();
  const statements = Object.fromEntries(names.map((n) => [n, hub.subgraphs[n]!.db.queries.count - before[n]!]));
  const latencies: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await ask();
    latencies.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  // One subgraph at a time, nothing else running: its own time for its part of the request.
  const subgraphMs: Record<string, number> = {};
  for (const [name, [query, variables]] of Object.entries(subgraphParts)) {
    const runs: number[] = [];
    for (let i = 0; i < Math.max(3, Math.min(requests, 15)); i++) {
      const start = performance.now();
      const res = await hub.subgraphs[name]!.query(query, variables);
      if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
      runs.push(performance.now() - start);
    }
    subgraphMs[name] = Math.round(median(runs) * 10) / 10;
  }
  const result = {
    scale: demoScale(),
    communities,
    expectedCommunities: demoCommunities.length,
    database,
    statements,
    subgraphMs,
    medianMs: Math.round(median(latencies) * 10) / 10,
    cpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / requests) * 10) / 10,
    seedMs: Math.round(seedMs),
    load: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`dashboard overview on ${database}, SHEQU_DEMO_SCALE=${result.scale} (${communities} communities), load ${result.load.join(' ')}`);
    console.log(
      `| subgraph | SQL statements per request | its part alone (median) |\n|---|---|---|\n${names.map((n) => `| ${n} | ${statements[n]} | ${subgraphMs[n]} ms |`).join('\n')}`,
    );
    console.log(
      `median latency ${result.medianMs} ms, CPU ${result.cpuMsPerRequest} ms per request (gateway and subgraphs together, ${requests} requests); hub started and seeded in ${result.seedMs} ms`,
    );
  }
} finally {
  await hub.close();
}
