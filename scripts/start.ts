// npm start: every subgraph as its own process, then the gateway; waits until each serves, prints
// the URLs, streams prefixed logs, and stops everything on Ctrl-C.
//
// Start-up time is CPU on a small machine (six Node processes, five embedded PostgreSQLs), so this
// script loads nothing heavy itself: it bundles the services' TypeScript once, runs them with
// plain `node`, and learns that each serves from a message over the IPC channel.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isReadyMessage } from '@shequ/kit/server/supervisor';
import { dataRoot, repoRoot } from '@shequ/kit/paths';
import { bundleEntries, type Entry } from './bundle.js';
import { readableLogLine } from './log-lines.js';
import { subgraphNames } from './subgraphs.js';

const colors = [36, 33, 35, 32, 34, 91, 96];
const started = Date.now();
const children: ChildProcess[] = [];
let stopping = false;

const gatewayPort = Number(process.env.PORT ?? 4000);
const entries: Entry[] = [
  ...subgraphNames().map((name) => ({ name, source: path.join(repoRoot, 'subgraphs', name, 'src', 'main.ts') })),
  { name: 'gateway', source: path.join(repoRoot, 'gateway', 'src', 'main.ts') },
];
const width = Math.max(...entries.map((e) => e.name.length));
// Embedded PostgreSQL is WebAssembly. V8 re-compiles its hot functions with its optimising tier in
// background threads: 0.6-1.8 s of CPU per subgraph during start-up, when six processes share two
// cores. Baseline (Liftoff) code answers the demo's queries as fast, and one V8 worker thread per
// subgraph instead of four contends less for the cores (bench/startup.md).
const subgraphNodeFlags = (process.env.SHEQU_SUBGRAPH_NODE_FLAGS ?? '--liftoff-only --v8-pool-size=1').split(' ').filter(Boolean);
// Generous: a first start on a busy machine migrates and seeds five databases on two cores.
const readyTimeoutMs = Number(process.env.SHEQU_START_TIMEOUT_MS ?? 240_000);

/** Starts one service and resolves with the URL it announces once it serves. */
function launch(name: string, bundle: string, index: number): Promise<string> {
  const prefix = `\x1b[${colors[index % colors.length]}m${name.padEnd(width)} |\x1b[0m `;
  const env: NodeJS.ProcessEnv = { ...process.env, GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` };
  // Subgraphs keep their own fixed ports; PORT given to `npm start` is the gateway's.
  if (name === 'gateway') env.PORT = String(gatewayPort);
  else delete env.PORT;
  const flags = name === 'gateway' ? [] : subgraphNodeFlags;
  const child = spawn(process.execPath, [...flags, '--enable-source-maps', bundle], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => process.stdout.write(`${prefix}${readableLogLine(line)}\n`));
  }
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start serving within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      clearTimeout(timer);
      resolve(message.url);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (stopping) return;
      process.stdout.write(`${prefix}exited (${signal ?? `code ${code}`}); stopping the hub\n`);
      reject(new Error(`${name} exited before it served`));
      void stopAll(1);
    });
  });
}

let stopped: Promise<never> | undefined;
function stopAll(code: number): Promise<never> {
  stopping = true;
  stopped ??= (async () => {
    const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r)));
    for (const child of children) child.kill('SIGTERM');
    const force = setTimeout(() => children.forEach((c) => c.kill('SIGKILL')), 10_000);
    await Promise.all(exits);
    clearTimeout(force);
    process.exit(code);
  })();
  return stopped;
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

let urls: string[] = [];
try {
  const bundles = await bundleEntries(entries, path.join(repoRoot, '.build', 'start'));
  // A first start's embedded databases need a pristine cluster: made here while the services load
  // their code, rather than by the first of them to get there while the others wait. (Should it
  // fail, each service makes its own.)
  const newDatabases = !process.env.DATABASE_URL && entries.some((e) => e.name !== 'gateway' && !existsSync(path.join(dataRoot, e.name, 'PG_VERSION')));
  if (newDatabases) {
    import('@shequ/kit/database/pglite-cluster').then((m) => m.ensurePristineCluster(dataRoot)).catch(() => {});
  }
  // All at once: the gateway needs only the supergraph file, not live subgraphs, to start.
  urls = await Promise.all(entries.map((e, i) => launch(e.name, bundles.get(e.name)!, i)));
} catch (err) {
  if (!stopping) console.error((err as Error).message);
  await stopAll(1);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const gatewayUrl = urls.at(-1)!.replace('127.0.0.1', 'localhost');
console.log(`
shequ is up in ${seconds} s
  GraphQL (HTTP, GraphiQL, graphql-ws, SSE)  ${gatewayUrl}
${entries
  .slice(0, -1)
  .map((e, i) => `  subgraph ${e.name.padEnd(width)}  ${urls[i]!.replace('127.0.0.1', 'localhost')}`)
  .join('\n')}
  database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataRoot}`}
Press Ctrl-C to stop.
`);
