// npx tsx bench/evaluations.ts [pglite|postgres] [seconds per phase, default 20] [--profile <file.cpuprofile>]
// How long a campaign's results take to compute from its ballots (the demo campaigns: 7 departments,
// 13 streets and the staff sent down to communities), and ballot intake through the gateway with
// 50 concurrent clients into a campaign over the same targets: realistic ballot sheets (each
// representative's sheet carries every target they may score: the departments, their community's
// street and the staff assigned to their community), then single ballots for comparison. Every
// request carries an idempotency key, as clients must. Prints progress, then a Markdown table row
// per measure, and checks at the end that the stored per-target tallies equal a recomputation from
// the ballots. `--profile` records a CPU profile of the whole process (gateway and subgraphs run in
// it) during the intake phases only. Logs at `warn` (bench/evaluations/quiet.ts). Results go to
// bench/evaluations.md with the machine's load, which on a shared 2-core machine matters.
import './evaluations/quiet.js';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { demoCommunities, demoDepartments, demoStaffRoster, demoStreets, representativeId, representativesPerCommunity } from '@shequ/kit';
import { startTestFederation } from '@shequ/testing';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { snapshot } from '../subgraphs/evaluations/src/domain/results.js';
import { tallyMismatches } from '../subgraphs/evaluations/src/domain/tally-check.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import type { DB } from '../subgraphs/evaluations/src/db.js';

const args = process.argv.slice(2);
const profileAt = args.includes('--profile') ? args.splice(args.indexOf('--profile'), 2)[1] : undefined;
const database = (args[0] ?? 'pglite') as 'pglite' | 'postgres';
const phaseMs = Number(args[1] ?? 20) * 1000;
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
    console.error(
      `  ${label}: ${s.toFixed(0)} s, ${ballots} ballots (${(ballots / s).toFixed(0)}/s), ${latencies.length} requests, ${[...errors.values()].reduce((a, b) => a + b, 0)} errors`,
    );
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
  const errorText = failed ? `errors ${[...errors].map(([k, v]) => `${k} ×${v}`).join('; ')}` : 'no errors';
  return `| ${database} | ${label}, ${clients} concurrent clients, ${elapsed.toFixed(0)} s | **${(ballots / elapsed).toFixed(0)} ballots/s**, ${(latencies.length / elapsed).toFixed(0)} requests/s (${latencies.length} requests), p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms, ${errorText} |`;
}

const hub = await startTestFederation({ subgraphs: [committees, departments, evaluations], database });
try {
  const prisma = hub.subgraphs.evaluations!.db.prisma as unknown as DB;
  const rows: string[] = [];
  for (const campaign of await prisma.campaign.findMany({ orderBy: { id: 'asc' }, include: { targets: true } })) {
    const ballots = await prisma.ballot.count({ where: { campaignId: campaign.id } });
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(await time(() => snapshot(prisma, campaign.id)));
    rows.push(
      `| ${database} | results of ${campaign.id} (${campaign.status}, ${ballots} ballots, ${campaign.targets.length} targets), in the subgraph | ${median(runs).toFixed(0)} ms (median of 7) |`,
    );
  }

  const admin = { role: 'DISTRICT_ADMIN' as const };
  // The demo campaigns' targets: every department, every street, every staff member sent down.
  const staff = demoStaffRoster().filter((m) => m.communityIds.length > 0);
  const targets = [
    ...demoDepartments.map((d) => ({ kind: 'DEPARTMENT', id: d.id })),
    ...demoStreets.map((s) => ({ kind: 'STREET', id: s.id })),
    ...staff.map((m) => ({ kind: 'STAFF', id: m.id })),
  ];
  const criteria = [
    { key: 'attitude', label: '服务态度', weight: 0.3 },
    { key: 'efficiency', label: '办事效率', weight: 0.3 },
    { key: 'commitments', label: '承诺兑现', weight: 0.2 },
    { key: 'support', label: '支持社区', weight: 0.2 },
  ];
  const created = await hub.query<{ createCampaign: { id: string } }>(
    'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
    { input: { title: 'bench', periodStart: '2026-01-01', periodEnd: '2026-06-30', targets, criteria } },
    admin,
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createCampaign.id;
  const opened = await hub.query('mutation($id: ID!) { openCampaign(id: $id) { id } }', { id }, admin);
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  // Every registered demo representative, with the targets they may score; a voter's later sheets
  // replace their ballots (as a representative correcting their sheet would).
  const voters = demoCommunities.flatMap((c) => {
    const may = [...demoDepartments.map((d) => d.id), c.streetId, ...staff.filter((m) => m.communityIds.includes(c.id)).map((m) => m.id)];
    return Array.from({ length: representativesPerCommunity }, (_, i) => ({ communityId: c.id, personId: representativeId(c.id, i + 1), may }));
  });
  const perSheet = voters.reduce((n, v) => n + v.may.length, 0) / voters.length;
  const tokens = await Promise.all(voters.map((v) => hub.token({ role: 'REPRESENTATIVE', communityId: v.communityId, personId: v.personId, sub: v.personId })));
  const post = async (token: string, query: string, variables: Record<string, unknown>): Promise<string | undefined> => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors ? String(body.errors[0]?.extensions?.code ?? res.status) : undefined;
  };
  const level = (k: number) => 1 + (k % 5);
  const levels = (a: number) => criteria.map((c, i) => ({ criterion: c.key, level: level(a + i * 3) }));
  const run = Date.now();

  const session = profileAt ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  const sheet =
    'mutation($c: ID!, $b: [BallotSheetBallotInput!]!, $k: String!) { castBallotSheet(campaignId: $c, ballots: $b, idempotencyKey: $k) { targetId } }';
  rows.push(
    await intake(`ballot sheets (each a representative's every target: ${perSheet.toFixed(1)} ballots on average) through the gateway`, async (client, n) => {
      const v = (client + n * clients) % voters.length;
      const ballots = voters[v]!.may.map((targetId, k) => ({ targetId, levels: levels(v + k + n) }));
      const error = await post(tokens[v]!, sheet, { c: id, b: ballots, k: `bench-${run}-sheet-${client}-${n}` });
      return { ballots: ballots.length, error };
    }),
  );
  const single =
    'mutation($c: ID!, $t: ID!, $l: [BallotLevelInput!]!, $k: String) { castBallot(campaignId: $c, targetId: $t, levels: $l, idempotencyKey: $k) { targetId } }';
  rows.push(
    await intake('single ballots through the gateway', async (client, n) => {
      const v = (client + n * clients) % voters.length;
      const may = voters[v]!.may;
      const error = await post(tokens[v]!, single, { c: id, t: may[n % may.length], l: levels(v + n), k: `bench-${run}-single-${client}-${n}` });
      return { ballots: 1, error };
    }),
  );
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profileAt!, JSON.stringify(profile));
    session.disconnect();
    console.error(`CPU profile of the intake phases: ${profileAt}`);
  }
  const cast = await prisma.ballot.count({ where: { campaignId: id } });
  const mismatches = await tallyMismatches(prisma, id);
  rows.push(
    `| ${database} | stored tallies vs a recomputation from the ${cast} ballots | ${mismatches.length === 0 ? 'equal' : `${mismatches.length} targets differ: ${JSON.stringify(mismatches)}`} |`,
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(rows.join('\n'));
  if (mismatches.length) process.exitCode = 1;
} finally {
  await hub.close();
}
