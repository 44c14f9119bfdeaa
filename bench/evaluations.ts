// npx tsx bench/evaluations.ts [pglite|postgres]
// How long a campaign's results take to compute from its ballots (the demo campaigns: 19 targets,
// ~5,000 and ~9,000 ballots), and how fast ballots are accepted through the gateway when 200
// representatives vote at once. Prints a Markdown table row per measure; results go to
// bench/evaluations.md with the machine's load, which on a shared 2-core machine matters.
import { loadavg } from 'node:os';
import { demoCommunities, representativeId } from '@shequ/kit';
import { startTestFederation } from '@shequ/testing';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { snapshot } from '../subgraphs/evaluations/src/domain/results.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import type { DB } from '../subgraphs/evaluations/src/db.js';

const database = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
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
  const created = await hub.query<{ createCampaign: { id: string } }>(
    'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
    { input: { title: 'bench', periodStart: '2026-01-01', periodEnd: '2026-06-30', targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }], criteria: [{ key: 'a', label: 'A', weight: 1 }] } },
    admin,
  );
  const id = created.data!.createCampaign.id;
  await hub.query('mutation($id: ID!) { openCampaign(id: $id) { id } }', { id }, admin);
  const voters = demoCommunities.slice(0, 14).flatMap((c) => Array.from({ length: 15 }, (_, i) => ({ communityId: c.id, personId: representativeId(c.id, i + 1) }))).slice(0, 200);
  const tokens = await Promise.all(voters.map((v) => hub.token({ role: 'REPRESENTATIVE', ...v, sub: v.personId })));
  const cast = 'mutation($c: ID!) { castBallot(campaignId: $c, targetId: "dept-health", levels: [{ criterion: "a", level: 4 }]) { targetId } }';
  let failed = 0;
  const post = async (token: string) => {
    const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: cast, variables: { c: id } }) });
    if (((await res.json()) as { errors?: unknown }).errors) failed++;
  };
  const elapsed = await time(() => Promise.all(tokens.map(post)));
  if (failed) throw new Error(`${failed} of 200 ballots failed`);
  rows.push(`| ${database} | 200 concurrent ballots through the gateway | ${elapsed.toFixed(0)} ms (${((200 / elapsed) * 1000).toFixed(0)} ballots/s) |`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(rows.join('\n'));
} finally {
  await hub.close();
}
