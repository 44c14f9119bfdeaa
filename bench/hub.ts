// The hub as `npm start` runs it, for benchmarks: the launcher on free ports with a data
// directory and build directory of the benchmark's own, on PGlite or a fresh PostgreSQL
// database, and what the machine says of a process (CPU seconds, resident memory).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import pg from 'pg';

export interface BenchHub {
  url: string;
  /** What the launcher said it took to start the whole hub. */
  seconds: number;
  /** pid of each service the launcher printed (gateway, committees, …). */
  pids: Record<string, number>;
  stop(): Promise<void>;
}

/** A new, empty database on the test PostgreSQL server, for the subgraphs' schemas. */
export async function freshPostgres(name: string): Promise<string> {
  const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  return server.toString();
}

export function startBenchHub(options: {
  name: string;
  dataDir: string;
  services?: string[];
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<BenchHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/start.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SHEQU_DATA_DIR: options.dataDir,
      SHEQU_SERVICES: options.services?.join(',') ?? '',
      SHEQU_PORTS: 'free',
      SHEQU_BUILD_DIR: path.join(repoRoot, '.build', `bench-${options.name}`),
      SHEQU_LOG_LEVEL: 'warn',
      DATABASE_URL: options.databaseUrl ?? '',
      REDIS_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const gateway = /GraphQL[^\n]*?(http:\/\/\S+)\s+pid (\d+)/.exec(out);
      const up = /shequ is up in ([\d.]+) s/.exec(out);
      if (!gateway || !up) return;
      const pids: Record<string, number> = { gateway: Number(gateway[2]) };
      for (const m of out.matchAll(/subgraph (\S+)\s+\S+\s+pid (\d+)/g)) pids[m[1]!] = Number(m[2]);
      resolve({
        url: gateway[1]!.replace('localhost', '127.0.0.1'),
        seconds: Number(up[1]),
        pids,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before it was up:\n${out}`)));
  });
}

/** CPU seconds (user + system) a process has used, and its resident memory in MB. */
export function processUsage(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds: ticks / 100, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}
