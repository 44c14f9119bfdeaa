// `npm run start:cluster`'s own configuration (scripts/start-cluster.ts): replicas of every
// service on one machine behind nginx, against PostgreSQL and Redis. The knobs it shares with
// `npm start` (restarts, start timeout, node flags, bundles) are the same definitions; the
// services' own variables pass through to every replica untouched.
import { defineConfig, parseConfig, type Env } from './define.js';
import { duration, integer, port, text } from './kinds.js';
import { DATABASE_URL, REDIS_URL } from './shared.js';
import { startConfig, supervision } from './start.js';
import { describe, withDefault } from './variable.js';

export interface ClusterConfig {
  /** nginx's port: the hub's one address (HTTP and WebSocket). */
  port: number;
  replicas: number;
  nginx: string;
  /** Where nginx's generated configuration and temporary files go; undefined: a fresh temporary directory. */
  nginxDir: string | undefined;
  /** How long nginx keeps a quiet proxied connection (a subscription between two events) open. */
  proxyReadTimeoutMs: number;
  /** Required, but checked by the script, which says how to set them. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  initialBackoffMs: number | undefined;
  crashLoop: { exits: number; windowMs: number } | undefined;
  readyTimeoutMs: number;
  subgraphNodeFlags: string[];
  gatewayNodeFlags: string[];
  buildDir: string;
  dataDir: string;
}

/** The cluster's variables; `start` is `npm start`'s definition, whose shared knobs it reads as they are. */
export function clusterConfig(start: ReturnType<typeof startConfig>, repoRoot: string) {
  const s = start.variables;
  return defineConfig({
    process: 'npm run start:cluster',
    variables: {
      PORT: describe(withDefault(port({ min: 1 }), 4000), {
        description: "nginx's port, in front of the gateway replicas (HTTP and WebSocket)",
        default: '4000',
      }),
      SHEQU_REPLICAS: describe(withDefault(integer({ min: 1, max: 8 }), 2), {
        description: 'replicas of each gateway and subgraph (the registry too)',
        default: '2',
      }),
      SHEQU_NGINX: describe(withDefault(text(), 'nginx'), {
        description: 'the nginx to run (Debian: `apt-get install nginx`); a name is looked up on `PATH` and in `/usr/sbin`',
        default: 'nginx',
      }),
      SHEQU_NGINX_DIR: describe(text(), {
        description: "where nginx's generated `nginx.conf`, pid and temporary files go (kept); unset: a fresh temporary directory, removed on stop",
        default: 'a temporary directory',
      }),
      SHEQU_NGINX_READ_TIMEOUT_MS: describe(withDefault(duration({ min: 1_000 }), 3_600_000), {
        description: 'how long nginx keeps a proxied connection open without a byte from upstream (a quiet subscription), in milliseconds',
        default: '3600000',
      }),
      DATABASE_URL,
      REDIS_URL,
      SHEQU_RESTART_BACKOFF_MS: s.SHEQU_RESTART_BACKOFF_MS,
      SHEQU_CRASH_LOOP: s.SHEQU_CRASH_LOOP,
      SHEQU_START_TIMEOUT_MS: s.SHEQU_START_TIMEOUT_MS,
      SHEQU_SUBGRAPH_NODE_FLAGS: s.SHEQU_SUBGRAPH_NODE_FLAGS,
      SHEQU_GATEWAY_NODE_FLAGS: s.SHEQU_GATEWAY_NODE_FLAGS,
      SHEQU_BUILD_DIR: s.SHEQU_BUILD_DIR,
      SHEQU_DATA_DIR: s.SHEQU_DATA_DIR,
    },
    build: (v): ClusterConfig => ({
      port: v.PORT,
      replicas: v.SHEQU_REPLICAS,
      nginx: v.SHEQU_NGINX,
      nginxDir: v.SHEQU_NGINX_DIR,
      proxyReadTimeoutMs: v.SHEQU_NGINX_READ_TIMEOUT_MS,
      databaseUrl: v.DATABASE_URL,
      redisUrl: v.REDIS_URL,
      ...supervision(v, repoRoot),
    }),
  });
}

export const loadClusterConfig = (env: Env, known: readonly string[], repoRoot: string): ClusterConfig =>
  parseConfig(clusterConfig(startConfig(known, repoRoot), repoRoot), env);
