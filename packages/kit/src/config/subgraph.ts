// A subgraph process's configuration: what every subgraph reads (runSubgraph), plus what a few
// read besides (their extras). Parsed once at start; a bad value stops the subgraph there.
import { defineConfig, parseConfig, variables, type Env, type Shape, type Values } from './define.js';
import { duration, httpUrl, port, text, type LogLevel } from './kinds.js';
import { dataDirOf, logLevelOf } from './process.js';
import { secretsConfig, secretVariables, type HubSecretSettings } from './secrets.js';
import {
  DATABASE_SCHEMA,
  DATABASE_URL,
  LOG_LEVEL,
  NODE_ENV,
  REDIS_URL,
  SEED,
  SHEQU_DATA_DIR,
  SHEQU_DATA_KEY,
  SHEQU_DEMO_DAY,
  SHEQU_DEMO_SCALE,
  SHEQU_HOLIDAYS_FILE,
  SHEQU_LOG_LEVEL,
  SHEQU_SUBGRAPH_URLS,
  TRUSTED_DOCUMENTS_DIR,
} from './shared.js';
import { describe, withDefault } from './variable.js';

export interface DatabaseSettings {
  url: string | undefined;
  schema: string | undefined;
  /** How long a replica that finds migrations pending waits for the one applying them. */
  migrationWaitMs?: number | undefined;
}

export interface DemoSettings {
  scale: number;
  /** YYYY-MM-DD; undefined: today in the district. */
  day: string | undefined;
}

export interface SubgraphConfig {
  /** Undefined: the subgraph's own port (4001-4006). */
  port: number | undefined;
  host: string;
  database: DatabaseSettings;
  secrets: HubSecretSettings;
  /** Where the subgraph asks the hub as itself. */
  gatewayUrl: string;
  serviceToken: string | undefined;
  redisUrl: string | undefined;
  seed: boolean;
  holidaysFile: string | undefined;
  demo: DemoSettings;
  dataDir: string;
  logLevel: LogLevel;
  /** committees, evaluations. */
  dataKey?: string | undefined;
  /** evaluations. */
  liveRoundMs?: number;
  /** registry. */
  subgraphUrls?: Map<string, string>;
  /** registry: undefined means `<repo>/schema/operations`. */
  trustedDocumentsDir?: string | undefined;
}

export const subgraphVariables = variables(secretVariables, {
  PORT: describe(port(), { description: "the subgraph's port (0: a free one)", default: '4001-4006, one per subgraph' }),
  HOST: describe(withDefault(text(), '127.0.0.1'), { description: 'the address the subgraph listens on', default: '127.0.0.1' }),
  DATABASE_URL,
  DATABASE_SCHEMA,
  SHEQU_MIGRATION_WAIT_MS: describe(withDefault(duration({ min: 1 }), 120_000), {
    description:
      'PostgreSQL: how long a replica that finds migrations pending (or the demo data being seeded) waits for the one holding the lock, in milliseconds; then it stops with one line naming the holder',
    default: '120000',
  }),
  GATEWAY_URL: describe(httpUrl(), {
    description: 'where a subgraph asks the hub as itself (outbox deliveries, eligibility look-ups)',
    default: '`http://127.0.0.1:$GATEWAY_PORT/graphql`',
  }),
  GATEWAY_PORT: describe(withDefault(port(), 4000), { description: "the local gateway's port, when `GATEWAY_URL` is unset", default: '4000' }),
  SHEQU_SERVICE_TOKEN: describe(text(), {
    description: "secret: the subgraph's own `SERVICE` token from the identity provider, with `JWT_JWKS_URL` (with `JWT_SECRET` it is minted)",
    secret: true,
  }),
  REDIS_URL,
  SEED,
  SHEQU_HOLIDAYS_FILE,
  SHEQU_DEMO_SCALE,
  SHEQU_DEMO_DAY,
  SHEQU_DATA_DIR,
  LOG_LEVEL,
  SHEQU_LOG_LEVEL,
});

const SHEQU_LIVE_ROUND_MS = describe(withDefault(duration({ min: 0 }), 500), {
  description: 'milliseconds between two live scoreboard updates of a campaign',
  default: '500',
});

/** What some subgraphs read besides the common variables. */
export const subgraphExtras = {
  committees: { SHEQU_DATA_KEY },
  evaluations: { SHEQU_DATA_KEY, SHEQU_LIVE_ROUND_MS },
  registry: { SHEQU_SUBGRAPH_URLS, TRUSTED_DOCUMENTS_DIR },
} satisfies Record<string, Shape>;

type Extras = Partial<Values<typeof subgraphExtras.committees & typeof subgraphExtras.evaluations & typeof subgraphExtras.registry>>;

function build(name: string, v: Values<typeof subgraphVariables> & Extras): SubgraphConfig {
  const reads = (variable: string) => variable in ((subgraphExtras as Record<string, Shape>)[name] ?? {});
  return {
    port: v.PORT,
    host: v.HOST,
    database: { url: v.DATABASE_URL, schema: v.DATABASE_SCHEMA, migrationWaitMs: v.SHEQU_MIGRATION_WAIT_MS },
    secrets: secretsConfig.build(v),
    gatewayUrl: v.GATEWAY_URL ?? `http://127.0.0.1:${v.GATEWAY_PORT}/graphql`,
    serviceToken: v.SHEQU_SERVICE_TOKEN,
    redisUrl: v.REDIS_URL,
    seed: v.SEED,
    holidaysFile: v.SHEQU_HOLIDAYS_FILE,
    demo: { scale: v.SHEQU_DEMO_SCALE, day: v.SHEQU_DEMO_DAY },
    dataDir: dataDirOf(v),
    logLevel: logLevelOf(v),
    ...(reads('SHEQU_DATA_KEY') ? { dataKey: v.SHEQU_DATA_KEY } : {}),
    ...(reads('SHEQU_LIVE_ROUND_MS') ? { liveRoundMs: v.SHEQU_LIVE_ROUND_MS ?? 500 } : {}),
    ...(reads('SHEQU_SUBGRAPH_URLS') ? { subgraphUrls: v.SHEQU_SUBGRAPH_URLS ?? new Map<string, string>() } : {}),
    ...(reads('TRUSTED_DOCUMENTS_DIR') ? { trustedDocumentsDir: v.TRUSTED_DOCUMENTS_DIR } : {}),
  };
}

/** The schema of subgraph `name`: the common variables and its extras. */
export function subgraphConfig(name: string) {
  const extras: Shape = (subgraphExtras as Record<string, Shape>)[name] ?? {};
  return defineConfig({
    process: name,
    variables: variables(subgraphVariables, extras),
    build: (v) => build(name, v as Values<typeof subgraphVariables> & Extras),
  });
}

export const loadSubgraphConfig = (name: string, env: Env): SubgraphConfig => parseConfig(subgraphConfig(name), env);

/** One group of a subgraph's variables, for code that reads only those (demo data, a key). */
export const demoConfig = defineConfig({
  process: 'subgraphs',
  variables: { SHEQU_DEMO_SCALE, SHEQU_DEMO_DAY },
  build: (v): DemoSettings => ({ scale: v.SHEQU_DEMO_SCALE, day: v.SHEQU_DEMO_DAY }),
});

// Groups of the same variables, for code deep inside a subgraph that needs only those and runs
// before (or without) runSubgraph: in-process test federations, seeds, module constants. Each
// reads the environment when called; runSubgraph has already refused bad values at start.

export const demoSettings = (env: Env = process.env): DemoSettings => parseConfig(demoConfig, env);

export const holidaysConfig = defineConfig({ process: 'subgraphs', variables: { SHEQU_HOLIDAYS_FILE }, build: (v) => ({ file: v.SHEQU_HOLIDAYS_FILE }) });
export const holidaysSettings = (env: Env = process.env): { file: string | undefined } => parseConfig(holidaysConfig, env);

// The data key is not read on first use: runSubgraph builds the cipher at start from
// SubgraphConfig.dataKey; this group is for tools and tests that name their environment.
export const dataKeyConfig = defineConfig({
  process: 'committees, evaluations',
  variables: { NODE_ENV, SHEQU_DATA_KEY },
  build: (v) => ({ production: v.NODE_ENV === 'production', dataKey: v.SHEQU_DATA_KEY }),
});
export const dataKeySettings = (env: Env): { production: boolean; dataKey: string | undefined } => parseConfig(dataKeyConfig, env);

export const liveConfig = defineConfig({ process: 'evaluations', variables: { SHEQU_LIVE_ROUND_MS }, build: (v) => ({ roundMs: v.SHEQU_LIVE_ROUND_MS }) });
export const liveSettings = (env: Env = process.env): { roundMs: number } => parseConfig(liveConfig, env);

export const registryConfig = defineConfig({
  process: 'registry',
  variables: subgraphExtras.registry,
  build: (v) => ({ subgraphUrls: v.SHEQU_SUBGRAPH_URLS ?? new Map<string, string>(), trustedDocumentsDir: v.TRUSTED_DOCUMENTS_DIR }),
});
export const registrySettings = (env: Env = process.env): { subgraphUrls: Map<string, string>; trustedDocumentsDir: string | undefined } =>
  parseConfig(registryConfig, env);
