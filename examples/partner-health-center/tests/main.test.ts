// The entry point as an operator runs it: configuration from the environment, one line when
// listening, a clean exit on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

function run(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HEALTH_CENTER_') && k !== 'PORT' && k !== 'HOST'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const url = /listening at (\S+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
  });
  listening.catch(() => {});
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('src/main.ts', () => {
  it('refuses to start without a signing secret, in one line', async () => {
    const app = run({});
    expect(await app.exited).toBe(1);
    const { stderr } = app.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('HEALTH_CENTER_SIGNING_SECRET');
  });

  it('starts with a secret, prints its URL, and exits cleanly on SIGTERM', async () => {
    const app = run({ HEALTH_CENTER_SIGNING_SECRET: 'operator-secret', PORT: '0' });
    const url = await app.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
    expect(
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ healthCenterClinics { name } }"}' })).status,
    ).toBe(401);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });

  it('runs without verification only with HEALTH_CENTER_INSECURE_DEV=1, and says so', async () => {
    const app = run({ HEALTH_CENTER_INSECURE_DEV: '1', PORT: '0' });
    const url = await app.listening;
    expect(app.output().stderr).toMatch(/WARNING.*NOT verified/);
    expect(
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ healthCenterClinics { name } }"}' })).status,
    ).toBe(200);
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
  });
});
