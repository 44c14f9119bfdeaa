// Starting the real processes with bad variables: each must exit at start with code 1 and one
// readable line per problem, naming the variable, never a secret or a stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { describe, expect, it } from 'vitest';

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs `node --import tsx <entry>` with `env` on top of this process's environment. */
function start(entry: string, env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      // PORT 0: should a process start after all, it must not take a port another hub uses.
      env: { ...process.env, PORT: '0', SHEQU_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const leaked = 'hunter2-do-not-print';

describe('a process started with bad configuration', () => {
  it('the gateway exits with one line per problem', async () => {
    const { code, stderr } = await start('gateway/src/main.ts', {
      GRAPHQL_MAX_DEPTH: 'deep',
      QUERY_PLANNER: 'fast',
      REDIS_URL: `http://admin:${leaked}@cache.example:6379`,
      JWT_SECRET: leaked.repeat(3),
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        'gateway: GRAPHQL_MAX_DEPTH must be an integer >= 1, not "deep"',
        'gateway: QUERY_PLANNER must be "rust" or "js", not "fast"',
        'gateway: REDIS_URL must be a redis/rediss URL like redis://127.0.0.1:6379, not "http://***@cache.example:6379"',
      ]),
    );
    expect(stderr).not.toContain(leaked);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('a subgraph exits with one line per problem', async () => {
    const { code, stderr } = await start('subgraphs/departments/src/main.ts', {
      PORT: 'eighty',
      SEED: 'maybe',
      DATABASE_URL: `mysql://root:${leaked}@db.example/shequ`,
      SHEQU_SERVICE_TOKEN: leaked,
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').sort()).toEqual([
      'departments: DATABASE_URL must use postgresql://, not mysql://',
      'departments: PORT must be a whole number from 0 to 65535, not "eighty"',
      'departments: SEED must be true or false, not "maybe"',
    ]);
    expect(stderr).not.toContain(leaked);
  }, 90_000);

  it('a subgraph with personal data exits at start, with one line, when the data key is bad', async () => {
    const { code, stderr } = await start('subgraphs/committees/src/main.ts', {
      SHEQU_DATA_KEY: leaked,
      SHEQU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'shequ-data-key-')),
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['committees: SHEQU_DATA_KEY must be 32 bytes, as 64 hex digits or base64url']);
    expect(stderr).not.toContain(leaked);
  }, 90_000);

  it('npm start exits before building anything', async () => {
    const { code, stderr } = await start('scripts/start.ts', { PORT: '4000', SHEQU_PORTS: 'random', SHEQU_START_TIMEOUT_MS: '2m' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').sort()).toEqual([
      'npm start: SHEQU_PORTS must be "free" or "fixed", not "random"',
      'npm start: SHEQU_START_TIMEOUT_MS must be a whole number from 1 up, not "2m"',
    ]);
  }, 90_000);
});
