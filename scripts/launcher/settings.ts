// The launcher's environment, read once and strictly: a typo in a knob is one clear line at start,
// not a hub that quietly does something else.
import path from 'node:path';
import { defaultRestartPolicy, type RestartPolicy } from './policy.js';

export interface LauncherSettings {
  /** The services to start, subgraphs first (in the order given by `known`), the gateway last. */
  services: string[];
  /** `fixed`: subgraphs on their own ports, the gateway on PORT (4000); `free`: the launcher picks free ports. */
  ports: 'fixed' | 'free';
  gatewayPort: number;
  restart: RestartPolicy;
  readyTimeoutMs: number;
  subgraphNodeFlags: string[];
  /** E.g. a heap limit for a gateway that holds many thousands of subscriptions, or a profiler. */
  gatewayNodeFlags: string[];
  /** Where the services' bundles go (inside the repository: they load node_modules from there). */
  buildDir: string;
}

export class SettingsError extends Error {}

export const gatewayName = 'gateway';

export function readSettings(env: NodeJS.ProcessEnv, subgraphs: string[], repoRoot: string): LauncherSettings {
  const ports = env.SHEQU_PORTS || 'fixed';
  if (ports !== 'fixed' && ports !== 'free') throw new SettingsError(`SHEQU_PORTS must be "free" or "fixed", not "${ports}"`);
  return {
    services: selectServices(env.SHEQU_SERVICES, [...subgraphs, gatewayName]),
    ports,
    gatewayPort: integer('PORT', env.PORT, { min: 1, max: 65_535, fallback: 4000 }),
    restart: {
      ...defaultRestartPolicy,
      initialBackoffMs: integer('SHEQU_RESTART_BACKOFF_MS', env.SHEQU_RESTART_BACKOFF_MS, { min: 1, fallback: defaultRestartPolicy.initialBackoffMs }),
      ...crashLoop(env.SHEQU_CRASH_LOOP),
    },
    // Generous: a first start on a busy machine migrates and seeds five databases on two cores.
    readyTimeoutMs: integer('SHEQU_START_TIMEOUT_MS', env.SHEQU_START_TIMEOUT_MS, { min: 1, fallback: 240_000 }),
    // Embedded PostgreSQL is WebAssembly. V8 re-compiles its hot functions with its optimising tier
    // in background threads: 0.6-1.8 s of CPU per subgraph during start-up, when six processes
    // share two cores. Baseline (Liftoff) code answers the demo's queries as fast, and one V8
    // worker thread per subgraph instead of four contends less for the cores (bench/startup.md).
    subgraphNodeFlags: (env.SHEQU_SUBGRAPH_NODE_FLAGS ?? '--liftoff-only --v8-pool-size=1').split(' ').filter(Boolean),
    gatewayNodeFlags: (env.SHEQU_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    buildDir: buildDir(env.SHEQU_BUILD_DIR, repoRoot),
  };
}

function selectServices(value: string | undefined, known: string[]): string[] {
  if (!value) return known;
  const wanted = value.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    throw new SettingsError(`SHEQU_SERVICES names ${unknown.map((s) => `"${s}"`).join(', ')}; known services: ${known.join(', ')}`);
  }
  const twice = wanted.find((s, i) => wanted.indexOf(s) !== i);
  if (twice) throw new SettingsError(`SHEQU_SERVICES names "${twice}" twice`);
  return known.filter((s) => wanted.includes(s));
}

function crashLoop(value: string | undefined): Pick<RestartPolicy, 'crashLoopExits' | 'crashLoopWindowMs'> {
  const { crashLoopExits, crashLoopWindowMs } = defaultRestartPolicy;
  if (!value) return { crashLoopExits, crashLoopWindowMs };
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const exits = Number(match?.[1]);
  const windowMs = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(exits) || !Number.isSafeInteger(windowMs) || windowMs < 1) {
    throw new SettingsError(`SHEQU_CRASH_LOOP must be <exits>/<milliseconds>, e.g. 5/120000 (more than 5 unexpected exits of a service within 120000 ms stop the hub), not "${value}"`);
  }
  return { crashLoopExits: exits, crashLoopWindowMs: windowMs };
}

function integer(name: string, value: string | undefined, { min, max = Number.MAX_SAFE_INTEGER, fallback }: { min: number; max?: number; fallback: number }): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new SettingsError(`${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, not "${value}"`);
  }
  return n;
}

function buildDir(value: string | undefined, repoRoot: string): string {
  const dir = path.resolve(repoRoot, value || path.join('.build', 'start'));
  const inside = path.relative(repoRoot, dir);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new SettingsError(`SHEQU_BUILD_DIR must be a directory inside the repository (${repoRoot}): the bundles load their dependencies from its node_modules; not "${value}"`);
  }
  return dir;
}
