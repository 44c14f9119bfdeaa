// `npm start`'s own configuration (scripts/start.ts and scripts/launcher/): which services, on
// which ports, how restarts go. The services' variables pass through to them untouched; they
// parse their own (gateway.ts, subgraph.ts).
import path from 'node:path';
import { defineConfig, parseConfig, type Env } from './define.js';
import { duration, integer, oneOf, port, rawText } from './kinds.js';
import { DATABASE_URL, SHEQU_DATA_DIR } from './shared.js';
import { dataDirOf } from './process.js';
import { checked, describe, withDefault } from './variable.js';

export interface StartConfig {
  /** The services to start, subgraphs first (in the order of `known`), the gateway last. */
  services: string[];
  ports: 'fixed' | 'free';
  gatewayPort: number;
  initialBackoffMs: number | undefined;
  crashLoop: { exits: number; windowMs: number } | undefined;
  readyTimeoutMs: number;
  subgraphNodeFlags: string[];
  gatewayNodeFlags: string[];
  buildDir: string;
  /** Only whether it is set matters here (no embedded databases to prepare). */
  databaseUrl: string | undefined;
  dataDir: string;
}

/** The launcher's variables that npm start and start:cluster share (restarts, node flags, bundles, data). */
export interface SupervisionVariables {
  SHEQU_RESTART_BACKOFF_MS: number | undefined;
  SHEQU_CRASH_LOOP: { exits: number; windowMs: number } | undefined;
  SHEQU_START_TIMEOUT_MS: number;
  SHEQU_SUBGRAPH_NODE_FLAGS: string;
  SHEQU_GATEWAY_NODE_FLAGS: string;
  SHEQU_BUILD_DIR: string | undefined;
  SHEQU_DATA_DIR: string | undefined;
}

export function supervision(v: SupervisionVariables, repoRoot: string) {
  return {
    initialBackoffMs: v.SHEQU_RESTART_BACKOFF_MS,
    crashLoop: v.SHEQU_CRASH_LOOP,
    readyTimeoutMs: v.SHEQU_START_TIMEOUT_MS,
    subgraphNodeFlags: v.SHEQU_SUBGRAPH_NODE_FLAGS.split(' ').filter(Boolean),
    gatewayNodeFlags: v.SHEQU_GATEWAY_NODE_FLAGS.split(' ').filter(Boolean),
    buildDir: v.SHEQU_BUILD_DIR ?? path.join(repoRoot, '.build', 'start'),
    dataDir: dataDirOf(v),
  };
}

export const defaultSubgraphNodeFlags = '--liftoff-only --v8-pool-size=1';

/** `known`: every service there is; `repoRoot`: where bundles may go. */
export function startConfig(known: readonly string[], repoRoot: string) {
  return defineConfig({
    process: 'npm start',
    variables: {
      SHEQU_SERVICES: describe(
        checked((raw) => {
          const wanted = raw.split(',').map((s) => s.trim());
          const unknown = wanted.filter((s) => !known.includes(s));
          if (unknown.length > 0) return { problem: `SHEQU_SERVICES names ${unknown.map((s) => `"${s}"`).join(', ')}; known services: ${known.join(', ')}` };
          const twice = wanted.find((s, i) => wanted.indexOf(s) !== i);
          if (twice) return { problem: `SHEQU_SERVICES names "${twice}" twice` };
          return { value: known.filter((s) => wanted.includes(s)) };
        }),
        { description: 'e.g. `evaluations,gateway`: start only these', default: 'all services' },
      ),
      SHEQU_PORTS: describe(withDefault(oneOf(['free', 'fixed']), 'fixed'), {
        description: '`free`: every service on a free port the launcher picks (`PORT` is then ignored), the gateway told where through `SHEQU_SUBGRAPH_URLS`',
        default: 'fixed',
      }),
      PORT: describe(withDefault(port({ min: 1 }), 4000), { description: "the gateway's port (subgraphs keep 4001-4006)", default: '4000' }),
      SHEQU_RESTART_BACKOFF_MS: describe(duration({ min: 1, expected: 'a whole number from 1 up' }), {
        description: 'first wait before a restart, in milliseconds',
        default: '1000',
      }),
      SHEQU_CRASH_LOOP: describe(
        checked((raw) => {
          const match = /^(\d+)\/(\d+)$/.exec(raw);
          const exits = Number(match?.[1]);
          const windowMs = Number(match?.[2]);
          if (!match || !Number.isSafeInteger(exits) || !Number.isSafeInteger(windowMs) || windowMs < 1) {
            return {
              problem: `SHEQU_CRASH_LOOP must be <exits>/<milliseconds>, e.g. 5/120000 (more than 5 unexpected exits of a service within 120000 ms stop the hub), not ${JSON.stringify(raw)}`,
            };
          }
          return { value: { exits, windowMs } };
        }),
        { description: '`<exits>/<ms>`: more than that many unexpected exits of one service within that time stop the hub', default: '5/120000' },
      ),
      // Generous: a first start on a busy machine migrates and seeds five databases on two cores.
      SHEQU_START_TIMEOUT_MS: describe(withDefault(integer({ min: 1 }), 240_000), {
        description: 'how long a service may take to serve, in milliseconds',
        default: '240000',
      }),
      // Embedded PostgreSQL is WebAssembly. V8 re-compiles its hot functions with its optimising
      // tier in background threads: 0.6-1.8 s of CPU per subgraph during start-up, when six
      // processes share two cores. Baseline (Liftoff) code answers the demo's queries as fast,
      // and one V8 worker thread per subgraph contends less for the cores (bench/startup.md).
      // Empty is meaningful: V8's defaults.
      SHEQU_SUBGRAPH_NODE_FLAGS: describe(withDefault(rawText(), defaultSubgraphNodeFlags), {
        description: "the subgraphs' Node flags (empty: V8 defaults)",
        default: `\`${defaultSubgraphNodeFlags}\``,
      }),
      SHEQU_GATEWAY_NODE_FLAGS: describe(withDefault(rawText(), ''), {
        description: "the gateway's Node flags, e.g. `--max-old-space-size=2048`",
        default: 'no flags',
      }),
      SHEQU_BUILD_DIR: describe(
        checked((raw) => {
          const dir = path.resolve(repoRoot, raw);
          const inside = path.relative(repoRoot, dir);
          if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
            return {
              problem: `SHEQU_BUILD_DIR must be a directory inside the repository (${repoRoot}): the bundles load their dependencies from its node_modules; not ${JSON.stringify(raw)}`,
            };
          }
          return { value: dir };
        }),
        { description: "where the bundles go, inside the repository; tests use their own so as not to rebuild a running hub's", default: '`.build/start`' },
      ),
      DATABASE_URL,
      SHEQU_DATA_DIR,
    },
    build: (v): StartConfig => ({
      services: v.SHEQU_SERVICES ?? [...known],
      ports: v.SHEQU_PORTS,
      gatewayPort: v.PORT,
      ...supervision(v, repoRoot),
      databaseUrl: v.DATABASE_URL,
    }),
  });
}

export const loadStartConfig = (env: Env, known: readonly string[], repoRoot: string): StartConfig => parseConfig(startConfig(known, repoRoot), env);
