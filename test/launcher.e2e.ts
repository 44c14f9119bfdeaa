// `npm start` as an operator sees it: the real launcher (scripts/start.ts) with evaluations and the
// gateway on free ports, a data directory and a build directory of the test's own (a hub left
// running on 4000-4005 and its bundles are not touched). A subgraph killed with SIGKILL comes back
// while the gateway keeps serving; one that keeps dying stops the hub; SIGTERM stops everything,
// also a restart that was only scheduled.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const buildDir = path.join(repoRoot, '.build', `launcher-test-${process.pid}`);
let dataDir: string;

class Launcher {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private text = '';
  private readonly waiters = new Set<() => void>();

  constructor(env: NodeJS.ProcessEnv) {
    const base = { ...process.env };
    delete base.PORT;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env: {
        ...base,
        SHEQU_SERVICES: 'evaluations,gateway',
        SHEQU_PORTS: 'free',
        SHEQU_DATA_DIR: dataDir,
        SHEQU_BUILD_DIR: buildDir,
        SHEQU_LOG_LEVEL: 'info',
        DATABASE_URL: '',
        REDIS_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        // Colours off: the prefixes are coloured for a terminal.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colours the launcher prints
        this.text += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
        for (const check of this.waiters) check();
      });
    }
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  get output(): string {
    return this.text;
  }

  /** The first match of `pattern` in the output after `from` (an offset into it). */
  waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(this.text.slice(from));
        if (!match) return;
        done();
        resolve(match);
      };
      const fail = (why: string) => {
        done();
        reject(new Error(`${why} waiting for ${pattern}; launcher output ends:\n${this.text.split('\n').slice(-30).join('\n')}`));
      };
      const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      const onClose = (code: number | null) => setImmediate(() => fail(`launcher exited (${code})`));
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        this.child.off('close', onClose);
      };
      this.waiters.add(check);
      this.child.once('close', onClose);
      check();
    });
  }

  /** Waits for the summary; the gateway's URL and the pids it prints. */
  async up(timeoutMs: number): Promise<{ gatewayUrl: string; gatewayPid: number; evaluationsUrl: string; evaluationsPid: number }> {
    await this.waitFor(/shequ is up in [\d.]+ s[\s\S]*Press Ctrl-C/, timeoutMs);
    const gateway = /GraphQL \(HTTP, GraphiQL, graphql-ws, SSE\)\s+(\S+)\s+pid (\d+)/.exec(this.text)!;
    const evaluations = /subgraph evaluations\s+(\S+)\s+pid (\d+)/.exec(this.text)!;
    return { gatewayUrl: gateway[1]!, gatewayPid: Number(gateway[2]), evaluationsUrl: evaluations[1]!, evaluationsPid: Number(evaluations[2]) };
  }
}

interface CampaignsAnswer {
  data?: { campaigns: { id: string; status: string }[] | null } | null;
  errors?: { message: string; extensions?: { code?: string; subgraph?: string } }[];
}

async function campaigns(gatewayUrl: string): Promise<CampaignsAnswer> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ campaigns { id status } }' }),
  });
  return (await res.json()) as CampaignsAnswer;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Processes running one of this test's bundles: none may outlive its launcher. */
function bundleProcesses(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(buildDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const launchers: Launcher[] = [];
function launch(env: NodeJS.ProcessEnv = {}): Launcher {
  const launcher = new Launcher(env);
  launchers.push(launcher);
  return launcher;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'shequ-launcher-'));
});

afterAll(async () => {
  for (const l of launchers) if (l.child.exitCode === null && l.child.signalCode === null) l.child.kill('SIGKILL');
  for (const pid of bundleProcesses()) process.kill(pid, 'SIGKILL');
  await rm(buildDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start restarts a service that goes down', () => {
  // Quick restarts; the third unexpected exit within a minute is a crash loop.
  let launcher: Launcher;
  let hub: Awaited<ReturnType<Launcher['up']>>;

  beforeAll(async () => {
    // No response cache: the outage must show in the very next answer, not after the cached one expires.
    launcher = launch({ SHEQU_RESTART_BACKOFF_MS: '200', SHEQU_CRASH_LOOP: '2/60000', RESPONSE_CACHE_TTL_MS: '0' });
    // A first start: evaluations migrates and seeds its new database.
    hub = await launcher.up(110_000);
  }, 120_000);

  it('serves on free ports through the gateway', async () => {
    expect(hub.gatewayUrl).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    expect(hub.gatewayUrl).not.toContain(':4000/');
    const answer = await campaigns(hub.gatewayUrl);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.campaigns).toHaveLength(2);
  });

  it('brings a killed subgraph back on the same port while the gateway answers SUBGRAPH_UNAVAILABLE', async () => {
    const from = launcher.output.length;
    process.kill(hub.evaluationsPid, 'SIGKILL');
    await launcher.waitFor(/evaluations exited unexpectedly \(SIGKILL\); restarting in 0\.2 s \(restart 1\)/, 10_000, from);

    const meanwhile = await campaigns(hub.gatewayUrl);
    expect(meanwhile.data?.campaigns ?? null).toBeNull();
    expect(meanwhile.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'evaluations' });

    const back = await launcher.waitFor(/evaluations is back \(restart 1, down [\d.]+ s, pid (\d+)\)/, 30_000, from);
    const newPid = Number(back[1]);
    expect(newPid).not.toBe(hub.evaluationsPid);
    // Where the gateway was told it is.
    const restarted = /evaluations\s+\| INFO {2}subgraph ready {2}url=(\S+)/.exec(launcher.output.slice(from));
    expect(restarted?.[1]?.replace('127.0.0.1', 'localhost')).toBe(hub.evaluationsUrl);
    const again = await campaigns(hub.gatewayUrl);
    expect(again.errors).toBeUndefined();
    expect(again.data!.campaigns).toHaveLength(2);

    // The gateway was never restarted: same process, nothing said about it.
    expect(alive(hub.gatewayPid)).toBe(true);
    expect(launcher.output).not.toMatch(/gateway exited/);
    hub.evaluationsPid = newPid;
  }, 45_000);

  it('stops the hub with exit code 1 when the subgraph keeps dying', async () => {
    let from = launcher.output.length;
    process.kill(hub.evaluationsPid, 'SIGKILL');
    // Quick crashes double the wait.
    const back = await launcher.waitFor(/evaluations is back \(restart 2, down [\d.]+ s, pid (\d+)\)/, 30_000, from);
    expect(launcher.output.slice(from)).toContain('restarting in 0.4 s (restart 2)');
    const pids = [hub.evaluationsPid, Number(back[1]), hub.gatewayPid];
    from = launcher.output.length;
    process.kill(Number(back[1]), 'SIGKILL');

    expect(await launcher.exited).toBe(1);
    const end = launcher.output.slice(from);
    expect(end).toMatch(/evaluations exited unexpectedly 3 times within 60 s \(last: SIGKILL\); it is crashing in a loop, stopping the hub/);
    // Its last lines come with it: here the restart's own start-up lines.
    expect(end).toMatch(/its last output:\n( {2}.*\n)* {2}.*subgraph ready/);
    expect(end).not.toMatch(/restarting in/);
    expect(pids.filter(alive)).toEqual([]);
    expect(bundleProcesses()).toEqual([]);
  }, 45_000);

  it('gives the gateway a one-line error for a malformed SHEQU_SUBGRAPH_URLS', async () => {
    const gateway = spawn(process.execPath, [path.join(buildDir, 'gateway.mjs')], {
      env: { ...process.env, SHEQU_DATA_DIR: dataDir, PORT: '0', SHEQU_SUBGRAPH_URLS: 'evaluations=http://127.0.0.1:1/graphql,committees' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    gateway.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => gateway.once('close', resolve))).toBe(1);
    expect(stderr).toBe(
      'gateway: SHEQU_SUBGRAPH_URLS must be name=url,name=url (e.g. evaluations=http://127.0.0.1:4005/graphql): "committees" is not name=url\n',
    );
  });
});

describe('npm start stops on SIGTERM', () => {
  it('stops every service, and a restart that was only scheduled never happens', async () => {
    // A long wait before the restart, so that SIGTERM surely comes during it.
    const launcher = launch({ SHEQU_RESTART_BACKOFF_MS: '5000' });
    const hub = await launcher.up(60_000);
    const from = launcher.output.length;
    process.kill(hub.evaluationsPid, 'SIGKILL');
    await launcher.waitFor(/evaluations exited unexpectedly \(SIGKILL\); restarting in 5 s \(restart 1\)/, 10_000, from);

    launcher.child.kill('SIGTERM');
    expect(await launcher.exited).toBe(0);
    expect(launcher.output.slice(from)).toContain('gateway stopped');
    expect(launcher.output.slice(from)).not.toMatch(/evaluations is back|evaluations\s+\| .*subgraph ready/);
    expect([hub.gatewayPid, hub.evaluationsPid].filter(alive)).toEqual([]);
    expect(bundleProcesses()).toEqual([]);
  }, 75_000);
});
