// npm start: every subgraph as its own process, then the gateway; waits for health, prints the
// URLs, streams prefixed logs, and stops everything on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '@shequ/kit';
import { readableLogLine } from './log-lines.js';
import { loadSubgraphs } from './subgraphs.js';

interface Service {
  name: string;
  entry: string;
  port: number;
}

const colors = [36, 33, 35, 32, 34, 91, 96];
const started = Date.now();
const children: ChildProcess[] = [];
let stopping = false;

const subgraphs = (await loadSubgraphs()).map((def): Service => ({
  name: def.name,
  entry: path.join(repoRoot, 'subgraphs', def.name, 'src', 'main.ts'),
  port: def.defaultPort,
}));
const gatewayPort = Number(process.env.PORT ?? 4000);
const gateway: Service = { name: 'gateway', entry: path.join(repoRoot, 'gateway', 'src', 'main.ts'), port: gatewayPort };
const width = Math.max(...[...subgraphs, gateway].map((s) => s.name.length));

function launch(service: Service, index: number): ChildProcess {
  const prefix = `\x1b[${colors[index % colors.length]}m${service.name.padEnd(width)} |\x1b[0m `;
  const child = spawn(process.execPath, ['--import', 'tsx', service.entry], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(service.port), GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => process.stdout.write(`${prefix}${readableLogLine(line)}\n`));
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stdout.write(`${prefix}exited (${signal ?? `code ${code}`}); stopping the hub\n`);
    void stopAll(1);
  });
  children.push(child);
  return child;
}

// Generous: a first start on a busy machine migrates and seeds five databases on two cores.
async function waitReady(service: Service, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`http://127.0.0.1:${service.port}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!stopping) throw new Error(`${service.name} was not ready on port ${service.port} within ${timeoutMs / 1000} s`);
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r)));
  for (const child of children) child.kill('SIGTERM');
  const force = setTimeout(() => children.forEach((c) => c.kill('SIGKILL')), 10_000);
  await Promise.all(exits);
  clearTimeout(force);
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  // All at once: the gateway needs only the supergraph file, not live subgraphs, to start.
  subgraphs.forEach(launch);
  launch(gateway, subgraphs.length);
  await Promise.all([...subgraphs, gateway].map((s) => waitReady(s)));
} catch (err) {
  console.error((err as Error).message);
  await stopAll(1);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
shequ is up in ${seconds} s
  GraphQL (HTTP, GraphiQL, graphql-ws, SSE)  http://localhost:${gatewayPort}/graphql
${subgraphs.map((s) => `  subgraph ${s.name.padEnd(width)}  http://localhost:${s.port}/graphql`).join('\n')}
  database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${path.join(repoRoot, '.data')}`}
Press Ctrl-C to stop.
`);
