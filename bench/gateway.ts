// npm run bench -- gateway [plugins] — shequ's gateway next to its peers on the same subgraphs.
//
// Starts the subgraphs once as `npm start` does (each its own process, free ports, a new
// embedded database with the demo data), then, in alternating rounds (GATEWAY_ROUNDS, 3), each
// gateway as its own process on its own port (bench/gateway/serve.ts): shequ's, @apollo/gateway
// and the plain Hive runtime with the Rust planner. Each gets 50 concurrent keep-alive
// connections (GATEWAY_CONNECTIONS) for GATEWAY_SECONDS (4, after 1 s of warm-up) per query; every
// request has its own alias, so no gateway can share one in-flight request between callers.
// Reported: req/s, p50/p99 latency, and the gateway process's CPU (utime+stime from /proc) per
// request. `plugins`: the small query only, shequ with each built-in plugin left out in turn.
// Anonymous callers throughout: the three queries read public data.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { builtInPlugins } from '@shequ/gateway/create-gateway';

const mode = process.argv[2] ?? 'peers';
const rounds = Number(process.env.GATEWAY_ROUNDS ?? 3);
const seconds = Number(process.env.GATEWAY_SECONDS ?? 4);
const connections = Number(process.env.GATEWAY_CONNECTIONS ?? 50);

const queries: Record<string, string> = {
  'district dashboard':
    'streets { id name communities { id name representativeCount fundBalanceFen partyOrganization { id memberCount } volunteerStats { volunteers hours } serviceRequestStats { open total } } }',
  '{ streets { id name } }': 'streets { id name }',
  'communities(first: 20) + party + services':
    'communities(first: 20) { edges { node { id name partyOrganization { id memberCount } serviceRequestStats { open total } } } }',
};

interface Variant {
  label: string;
  kind: 'shequ' | 'hive' | 'apollo';
  leaveOut?: string;
}
// Identity is never left out: the subgraphs refuse unsigned requests, and every gateway here signs.
const allVariants: Variant[] =
  mode === 'plugins'
    ? [
        { label: 'shequ (all plugins)', kind: 'shequ' },
        ...builtInPlugins.filter((p) => p !== 'identity').map((p) => ({ label: `shequ without ${p}`, kind: 'shequ' as const, leaveOut: p })),
        { label: 'plain Hive runtime', kind: 'hive' },
      ]
    : [
        { label: 'shequ gateway', kind: 'shequ' },
        { label: '@apollo/gateway 2.13', kind: 'apollo' },
        { label: 'plain Hive runtime + Rust planner', kind: 'hive' },
      ];
// GATEWAY_VARIANTS=shequ,hive: only those kinds (e.g. to profile two of them).
const only = process.env.GATEWAY_VARIANTS?.split(',');
const variants = only ? allVariants.filter((v) => only.includes(v.kind)) : allVariants;
// GATEWAY_QUERIES=1 (or 0,2): only those of the three queries, by position.
const picked = process.env.GATEWAY_QUERIES?.split(',').map((i) => Object.keys(queries)[Number(i)]!);
const queryNames = mode === 'plugins' ? ['{ streets { id name } }'] : (picked ?? Object.keys(queries));

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The subgraphs of `npm start`, without its gateway; their URLs and the data directory. */
async function startSubgraphs(dataDir: string): Promise<{ urls: Record<string, string>; stop(): Promise<void> }> {
  const gatewayless = readFileSync(path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8').matchAll(/@join__graph\(name: "([^"]+)"/g);
  const names = [...gatewayless].map((m) => m[1]!);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/start.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SHEQU_DATA_DIR: dataDir,
      SHEQU_SERVICES: names.join(','),
      SHEQU_PORTS: 'free',
      SHEQU_BUILD_DIR: path.join(repoRoot, '.build', 'bench-gateway'),
      SHEQU_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('shequ is up')) return;
      const urls = Object.fromEntries([...out.matchAll(/subgraph (\S+)\s+(http:\/\/\S+)/g)].map((m) => [m[1]!, m[2]!.replace('localhost', '127.0.0.1')]));
      resolve({ urls, stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`the subgraphs exited (${code}) before they were up:\n${out}`)));
  });
}

function startGateway(variant: Variant, dataDir: string, urls: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(path.join(repoRoot, 'bench/gateway/serve.ts'), [variant.kind], {
    // GATEWAY_CPU_PROF=<dir>: V8 CPU profiles of each gateway process (one per thread; the largest is the
    // main thread), written when it exits.
    execArgv: ['--import', 'tsx', ...(process.env.GATEWAY_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GATEWAY_CPU_PROF}`] : [])],
    env: { ...process.env, SHEQU_DATA_DIR: dataDir, BENCH_SUBGRAPH_URLS: JSON.stringify(urls), BENCH_LEAVE_OUT: variant.leaveOut ?? '', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve({ url: m.url.replace('localhost', '127.0.0.1'), child }));
    child.once('exit', (code) => reject(new Error(`${variant.label} exited (${code})`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let alias = 0;
function ask(url: URL, field: string): Promise<{ ok: boolean; ms: number; text: string }> {
  const body = JSON.stringify({ query: `{ a${alias++}: ${field} }` });
  const start = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ ok: res.statusCode === 200 && !text.includes('"errors"'), ms: performance.now() - start, text: `${res.statusCode} ${text}` }),
        );
      },
    );
    req.on('error', (error) => resolve({ ok: false, ms: performance.now() - start, text: String(error) }));
    req.end(body);
  });
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  errors: number;
}
async function load(url: string, pid: number, field: string): Promise<Measure> {
  const target = new URL(url);
  // Up to three tries: a keep-alive socket to a subgraph closed while idle fails one request
  // (Apollo's fetcher answers "socket hang up"), which is not a broken gateway.
  let check = await ask(target, field);
  for (let tries = 1; !check.ok && tries < 3; tries++) {
    await new Promise((r) => setTimeout(r, 200));
    check = await ask(target, field);
  }
  if (!check.ok) throw new Error(`${url}: the query fails: ${check.text.slice(0, 1000)}`);
  const run = async (ms: number) => {
    const times: number[] = [];
    let errors = 0;
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const r = await ask(target, field);
          if (r.ok) times.push(r.ms);
          else errors++;
        }
      }),
    );
    return { times, errors };
  };
  await run(1000);
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const { times, errors } = await run(seconds * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  times.sort((a, b) => a - b);
  const n = times.length + errors;
  return {
    rps: n / elapsed,
    p50: times[Math.floor(times.length * 0.5)] ?? 0,
    p99: times[Math.floor(times.length * 0.99)] ?? 0,
    cpuMs: (cpu * 1000) / n,
    errors,
  };
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-bench-gateway-'));
const load0 = loadavg()[0]!;
console.error(`starting the subgraphs…`);
const subgraphs = await startSubgraphs(dataDir);
const results = new Map<string, Measure[]>();
try {
  for (let round = 1; round <= rounds; round++) {
    // Alternating: every variant once per round, and the order turned each round.
    const order = round % 2 === 1 ? variants : [...variants].reverse();
    for (const variant of order) {
      const gateway = await startGateway(variant, dataDir, subgraphs.urls);
      try {
        for (const q of queryNames) {
          const m = await load(gateway.url, gateway.child.pid!, queries[q]!);
          const key = `${q}\t${variant.label}`;
          results.set(key, [...(results.get(key) ?? []), m]);
          console.error(
            `round ${round}/${rounds} ${variant.label} — ${q}: ${m.rps.toFixed(1)} req/s, p50 ${m.p50.toFixed(0)} ms, p99 ${m.p99.toFixed(0)} ms, ${m.cpuMs.toFixed(2)} ms CPU/req${m.errors ? `, ${m.errors} errors` : ''}`,
          );
        }
      } finally {
        // An embedded runtime may hold its process on SIGTERM: killed after 5 s.
        await new Promise<void>((done) => {
          const kill = setTimeout(() => gateway.child.kill('SIGKILL'), 5_000);
          gateway.child.once('exit', () => (clearTimeout(kill), done()));
          gateway.child.kill('SIGTERM');
        });
      }
    }
  }
} finally {
  await subgraphs.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: string[] = [];
for (const q of queryNames) {
  const cells = variants.map((v) => {
    const ms = results.get(`${q}\t${v.label}`)!;
    return {
      v,
      rps: median(ms.map((m) => m.rps)),
      p50: median(ms.map((m) => m.p50)),
      p99: median(ms.map((m) => m.p99)),
      cpu: median(ms.map((m) => m.cpuMs)),
      errors: ms.reduce((s, m) => s + m.errors, 0),
    };
  });
  const base = cells.at(-1)!;
  for (const c of cells) {
    rows.push(
      `| ${q} | ${c.v.label} | ${c.rps.toFixed(1)} | ${c.p50.toFixed(0)} / ${c.p99.toFixed(0)} | ${c.cpu.toFixed(2)} | ${(c.cpu / base.cpu).toFixed(2)} | ${c.errors} |`,
    );
  }
}
console.log(
  `${new Date().toISOString()}, load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}, ${rounds} alternating rounds, ${connections} connections, ${seconds} s each (medians)\n\n` +
    `| query | gateway | req/s | p50 / p99 ms | gateway CPU ms/req | CPU vs ${variants.at(-1)!.label} | errors |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}`,
);
