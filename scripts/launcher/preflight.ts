// What the cluster needs before it starts anything: PostgreSQL and Redis answering, nginx
// installed. Each missing piece is one line saying what and how to fix it, never a stack trace
// from deep inside a replica a minute later.
import { spawnSync } from 'node:child_process';
import { withoutCredentials } from '@shequ/kit/config/problems';
import { Redis } from 'ioredis';
import pg from 'pg';
import { findNginx } from './nginx.js';

const reasonOf = (err: unknown) => {
  const e = err as { code?: string; message?: string };
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is it running?)',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name could not be resolved',
    ETIMEDOUT: 'connection timed out',
    '28P01': 'password authentication failed',
    '28000': 'authentication rejected',
    '3D000': 'database does not exist (create it first)',
  };
  return (e.code && known[e.code]) || e.message || String(err);
};

/** Undefined when PostgreSQL answers at `url`, else why not (one sentence, no password). */
export async function postgresProblem(url: string | undefined): Promise<string | undefined> {
  if (!url) return 'DATABASE_URL is not set: the replicas share one PostgreSQL, e.g. DATABASE_URL=postgresql://user:password@127.0.0.1:5432/shequ';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${withoutCredentials(url)} is not reachable: ${reasonOf(err)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Undefined when Redis answers PING at `url`, else why not. */
export async function redisProblem(url: string | undefined): Promise<string | undefined> {
  if (!url) return 'REDIS_URL is not set: the replicas share live events, nonces and rate limits through Redis, e.g. REDIS_URL=redis://127.0.0.1:6379';
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  // ioredis rejects with "Connection is closed."; the reason came with the 'error' event.
  let cause: unknown;
  redis.on('error', (err) => {
    cause ??= err;
  });
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (err) {
    return `Redis at ${withoutCredentials(url)} is not reachable: ${reasonOf(cause ?? err)}`;
  } finally {
    redis.disconnect();
  }
}

/** The nginx binary's path, or why there is none that runs. */
export function nginxBinary(name: string): { path: string } | { problem: string } {
  const file = findNginx(name);
  const install = 'install it with `apt-get install nginx` (Debian/Ubuntu), or set SHEQU_NGINX to its path';
  if (!file) return { problem: `nginx is not installed (no ${JSON.stringify(name)} on PATH or in /usr/sbin): ${install}` };
  const version = spawnSync(file, ['-v'], { encoding: 'utf8', timeout: 5_000 });
  if (version.status !== 0) return { problem: `${file} -v failed (${(version.stderr || version.error?.message || '').trim()}): ${install}` };
  return { path: file };
}

/** `nginx -t` on the generated configuration: undefined when it is valid. */
export function nginxConfigProblem(binary: string, dir: string, conf: string): string | undefined {
  const test = spawnSync(binary, ['-t', '-q', '-p', dir, '-e', 'stderr', '-c', conf], { encoding: 'utf8', timeout: 10_000 });
  if (test.status === 0) return undefined;
  return `nginx refuses the generated ${conf}: ${(test.stderr || test.error?.message || '').trim().split('\n').join(' ')}`;
}
