// What `npm start` runs: the services bundled to plain ES modules, started with `node` alone
// (subgraphs with the flags npm start gives them), each announcing over the IPC channel where it
// serves. Free ports and a data directory of the test's own, so a hub left running is not touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isReadyMessage } from '@shequ/kit/server/supervisor';
import { repoRoot } from '@shequ/kit/paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntries } from '../scripts/bundle.js';

interface Started {
  child: ChildProcess;
  url: string;
  output: string[];
}

function startBundle(bundle: string, flags: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, [...flags, '--enable-source-maps', bundle], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (isReadyMessage(message)) resolve({ child, url: message.url, output });
    });
    child.on('exit', (code) => reject(new Error(`${path.basename(bundle)} exited with ${code} before it served:\n${output.join('')}`)));
  });
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('services as npm start runs them', () => {
  let outDir: string;
  let dataDir: string;
  let departments: Started;
  let gateway: Started;

  beforeAll(async () => {
    // Inside the repository: the bundles load their dependencies from its node_modules.
    outDir = path.join(repoRoot, '.build', `test-${process.pid}`);
    dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-start-'));
    const bundles = await bundleEntries(
      [
        { name: 'departments', source: path.join(repoRoot, 'subgraphs/departments/src/main.ts') },
        { name: 'gateway', source: path.join(repoRoot, 'gateway/src/main.ts') },
      ],
      outDir,
    );
    // Demo transfers in the outbox go nowhere (and retry later) rather than to a hub on port 4000.
    const env = { SHEQU_DATA_DIR: dataDir, PORT: '0', SHEQU_LOG_LEVEL: 'info', DATABASE_URL: '', REDIS_URL: '', GATEWAY_URL: 'http://127.0.0.1:1/graphql' };
    departments = await startBundle(bundles.get('departments')!, ['--liftoff-only'], env);
    // The gateway routes to wherever departments came up.
    const supergraph = path.join(dataDir, 'supergraph.graphql');
    const sdl = await readFile(path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8');
    await writeFile(supergraph, sdl.replace('http://localhost:4003/graphql', departments.url));
    gateway = await startBundle(bundles.get('gateway')!, [], { ...env, SUPERGRAPH: supergraph });
  }, 180_000);

  afterAll(async () => {
    for (const s of [gateway, departments]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    await rm(outDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('announces real URLs on free ports, and the subgraph is ready with its migrated, seeded database', async () => {
    expect(departments.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(departments.url).not.toContain(':4003/');
    expect(gateway.url).not.toContain(':4000/');
    expect((await fetch(departments.url.replace('/graphql', '/readyz'))).status).toBe(200);
    // The bundle found its migrations and demo data beside its source, not beside the bundle.
    expect(departments.output.join('')).toContain('migrations applied');
    expect(departments.output.join('')).toContain('demo data seeded');
  });

  it('answers through the bundled gateway from the bundled subgraph', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ streets { id name } }' }),
    });
    const body = (await res.json()) as { data?: { streets: { id: string; name: string }[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.streets).toHaveLength(13);
    expect(body.data!.streets.map((s) => s.name)).toContain('民族街道');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exits = [exitCode(gateway.child), exitCode(departments.child)];
    gateway.child.kill('SIGTERM');
    departments.child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
