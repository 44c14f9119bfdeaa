// npx tsx bench/evaluations.ts [pglite|postgres] [seconds per phase, default 20]
// How long a campaign's results take to compute from its ballots (the demo campaigns: 19 targets,
// ~5,000 and ~9,000 ballots), and ballot intake through the gateway with 50 concurrent clients:
// ballot sheets (one representative's 7 department ballots per mutation), then single ballots for
// comparison. Prints progress, then a Markdown table row per measure, and checks at the end that
// the stored per-target tallies equal a recomputation from the ballots. Results go to
// bench/evaluations.md with the machine's load, which on a shared 2-core machine matters.
import { loadavg } from 'node:os';
import { demoCommunities, demoDepartments, representativeId, representativesPerCommunity } from '@shequ/kit';
import { startTestFederation } from '@shequ/testing';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { snapshot } from '../subgraphs/evaluations/src/domain/results.js';
import { tallyMismatches } from '../subgraphs/evaluations/src/domain/tally-check.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import type { DB } from '../subgraphs/evaluations/src/db.js';

const database = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const phaseMs = Number(process.argv[3] ?? 20) * 1000;
const clients = 50;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** `clients` loops sending requests for `phaseMs`; each request says how many ballots it carried. */
async function intake(label: string, send: (client: number, n: number) => Promise<{ ballots: number; error?: string }>) {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let ballots = 0;
  const start = performance.now();
  const end = start + phaseMs;
  const progress = setInterval(() => {
    const s = (performance.now() - start) / 1000;
    console.error(`  ${label}: ${s.toFixed(0)} s, ${ballots} ballots (${(ballots / s).toFixed(0)}/s), ${[...errors.values()].reduce((a, b) => a + b, 0)} errors`);
  }, 5000);
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; performance.now() < end; n++) {
        const t0 = performance.now();
        const res = await send(client, n).catch((err: Error) => ({ ballots: 0, error: `fetch: ${err.message}` }));
        latencies.push(performance.now() - t0);
        if (res.error) errors.set(res.error, (errors.get(res.error) ?? 0) + 1);
        else ballots += res.ballots;
      }
    }),
  );
  clearInterval(progress);
  const elapsed = (performance.now() - start) / 1000;
  const failed = [...errors.values()].reduce((a, b) => a + b, 0);
  const errorText = failed ? `, errors ${[...errors].map(([k, v]) => `${k} ×${v}`).join('; ')}` : ', no errors';
  return `| ${database} | ${label}, ${clients} concurrent clients, ${elapsed.toFixed(0)} s | ${(ballots / elapsed).toFixed(0)} ballots/s (${latencies.length} requests, p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms${errorText}) |`;
}

const hub = await startTestFederation({ subgraphs: [committees, departments, evaluations], database });
try {
  const prisma = hub.subgraphs.evaluations!.db.prisma as unknown as DB;
  const rows: string[] = [];
  for (const campaign of await prisma.campaign.findMany({ orderBy: { id: 'asc' } })) {
    const ballots = await prisma.ballot.count({ where: { campaignId: campaign.id } });
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(await time(() => snapshot(prisma, campaign.id)));
    rows.push(`| ${database} | results of ${campaign.id} (${ballots} ballots, 19 targets), in the subgraph | ${median(runs).toFixed(0)} ms (median of 7) |`);
  }

  const admin = { role: 'DISTRICT_ADMIN' as const };
  const targets = demoDepartments.map((d) => d.id);
  const created = await hub.query<{ createCampaign: { id: string } }>(
    'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
    { input: { title: 'bench', periodStart: '2026-01-01', periodEnd: '2026-06-30', targets: targets.map((id) => ({ kind: 'DEPARTMENT', id })), criteria: [{ key: 'a', label: 'A', weight: 3 }, { key: 'b', label: 'B', weight: 2 }] } },
    admin,
  );
  const id = created.data!.createCampaign.id;
  await hub.query('mutation($id: ID!) { openCampaign(id: $id) { id } }', { id }, admin);
  // Every registered demo representative; a voter's later sheets replace their ballots.
  const voters = demoCommunities.flatMap((c) => Array.from({ length: representativesPerCommunity }, (_, i) => ({ communityId: c.id, personId: representativeId(c.id, i + 1) })));
  const tokens = await Promise.all(voters.map((v) => hub.token({ role: 'REPRESENTATIVE', ...v, sub: v.personId })));
  const post = async (token: string, query: string, variables: Record<string, unknown>): Promise<string | undefined> => {
    const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors ? String(body.errors[0]?.extensions?.code ?? res.status) : undefined;
  };
  const level = (k: number) => 1 + (k % 5);
  const sheet = 'mutation($c: ID!, $b: [BallotSheetBallotInput!]!, $k: String!) { castBallotSheet(campaignId: $c, ballots: $b, idempotencyKey: $k) { targetId } }';
  rows.push(
    await intake(`ballot sheets of ${targets.length} ballots through the gateway`, async (client, n) => {
      const v = (client + n * clients) % voters.length;
      const ballots = targets.map((targetId, k) => ({ targetId, levels: [{ criterion: 'a', level: level(v + k + n) }, { criterion: 'b', level: level(v * 3 + k) }] }));
      const error = await post(tokens[v]!, sheet, { c: id, b: ballots, k: `bench-${client}-${n}-${Date.now()}` });
      return { ballots: targets.length, error };
    }),
  );
  const single = 'mutation($c: ID!, $t: ID!, $l: [BallotLevelInput!]!) { castBallot(campaignId: $c, targetId: $t, levels: $l) { targetId } }';
  rows.push(
    await intake('single ballots through the gateway', async (client, n) => {
      const v = (client + n * clients) % voters.length;
      const error = await post(tokens[v]!, single, { c: id, t: targets[n % targets.length], l: [{ criterion: 'a', level: level(v + n) }, { criterion: 'b', level: level(v) }] });
      return { ballots: 1, error };
    }),
  );
  const cast = await prisma.ballot.count({ where: { campaignId: id } });
  const mismatches = await tallyMismatches(prisma, id);
  rows.push(`| ${database} | stored tallies vs a recomputation from the ${cast} ballots | ${mismatches.length === 0 ? 'equal' : `${mismatches.length} targets differ: ${JSON.stringify(mismatches)}`} |`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(rows.join('\n'));
  if (mismatches.length) process.exitCode = 1;
} finally {
  await hub.close();
}
