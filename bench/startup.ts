// npx tsx bench/startup.ts [later-starts]
// How long `npm start` takes until the whole hub serves: a first start on a new data directory
// (pristine clusters, migrations, demo data) and later starts on the same data, once with the
// subgraph flags npm start uses and once with V8's defaults; then how fast the
// hub answers two dashboard queries in each setting, so that the start-up saving is seen not to
// cost query time. On free ports, beside any running hub. Prints Markdown rows;
// results go to bench/startup.md with the machine's load.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadHubSecrets } from '@shequ/kit/auth/secrets';
import { issueToken } from '@shequ/kit/auth/tokens';
import { startBenchHub } from './hub.js';

const laterStarts = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const settings: { label: string; flags?: string }[] = [
  { label: 'as shipped (subgraphs: --liftoff-only --v8-pool-size=1)' },
  { label: 'V8 defaults', flags: '' },
];

// The query measures are of the subgraphs and the planner: the response cache would answer them.
const startHub = (dataDir: string, flags: string | undefined) =>
  startBenchHub({ name: 'startup', dataDir, env: { RESPONSE_CACHE_TTL_MS: '0', ...(flags === undefined ? {} : { SHEQU_SUBGRAPH_NODE_FLAGS: flags }) } });

async function queryMs(url: string, query: string, token: string, runs = 20): Promise<number> {
  const ask = async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  await ask();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await ask();
    times.push(performance.now() - start);
  }
  return median(times);
}

const queries = {
  'streets with their communities': '{ streets { id name communities { id name } } }',
  'every campaign with its results': '{ campaigns { id results { targetId score rank } } }',
};

const rows: string[] = [];
for (const { label, flags } of settings) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-bench-'));
  try {
    const first = await startHub(dataDir, flags);
    await first.stop();
    rows.push(`| ${label} | first start (new data directory) | ${first.seconds.toFixed(1)} s |`);
    const later: number[] = [];
    for (let i = 0; i < laterStarts; i++) {
      const hub = await startHub(dataDir, flags);
      later.push(hub.seconds);
      if (i < laterStarts - 1) await hub.stop();
      else {
        // The last hub stays up a moment for the query measures.
        await new Promise((r) => setTimeout(r, 5_000));
        const { jwt } = loadHubSecrets(process.env, dataDir);
        if (jwt.kind !== 'secret') throw new Error('the bench signs its own token: unset JWT_JWKS_URL');
        const token = await issueToken({ role: 'DISTRICT_ADMIN', sub: 'bench' }, jwt.secret, { issuer: jwt.issuer, audience: jwt.audience });
        for (const [name, query] of Object.entries(queries))
          rows.push(`| ${label} | ${name} through the gateway | ${(await queryMs(hub.url, query, token)).toFixed(0)} ms (median of 20) |`);
        await hub.stop();
      }
    }
    rows.push(`| ${label} | later starts (same data) | ${later.map((s) => s.toFixed(1)).join(', ')} s |`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
console.log(`load average before/after: ${loadavg()[0]!.toFixed(2)}\n\n| setting | measure | result |\n|---|---|---|\n${rows.join('\n')}`);
