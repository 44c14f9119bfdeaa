// Every limit and switch of the gateway's security layer, read once from the environment (see the
// README's "Security" section). Defaults suit dashboards: generous for real screens, tight for abuse.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorsOrigins } from './cors.ts';

/** `<repo>/schema/operations`, found from this file so it does not depend on the cwd. */
export const DEFAULT_OPERATIONS_DIR = fileURLToPath(new URL('../../schema/operations', import.meta.url));

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Estimated cost: one per object field, multiplied by the list sizes above it. */
  maxCost: number;
  /** The list size assumed for a list field without a `first`/`last`/`limit` argument. */
  defaultListSize: number;
  maxBodyBytes: number;
  /** Operations per HTTP batch; 0 turns batching off. */
  batchLimit: number;
}

export interface SecurityConfig {
  production: boolean;
  limits: OperationLimits;
  blockFieldSuggestions: boolean;
  introspection: boolean;
  /** Until the response starts; streams (SSE) run on once started. */
  requestTimeoutMs: number;
  subgraphTimeoutMs: number;
  rateLimit: {
    /** Operations per minute per caller (token subject, else client address); 0 turns limiting off. */
    perMinute: number;
    burst: number;
    /** Roles never limited: the hub's own services deliver outbox events in bursts. */
    exemptRoles: string[];
    /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
    trustProxy: boolean;
    /** REDIS_URL: counts shared by every gateway replica; unset, each process counts alone. */
    redisUrl: string | undefined;
  };
  trustedDocuments: {
    enabled: boolean;
    dir: string;
    /** Roles that may send operations outside the manifest: the hub's own services. */
    bypassRoles: string[];
  };
  metrics: { enabled: boolean; token: string | undefined };
  /** Answers to queries kept per view of the data (response-cache/); REDIS_URL shares them between replicas. */
  responseCache: { ttlMs: number; maxEntries: number; redisUrl: string | undefined };
  /** Spans through @graphql-hive/plugin-opentelemetry (tracing.ts): SHEQU_TRACING, on by itself with an OTLP endpoint. */
  tracing: boolean;
  /** OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set: the process sets up the SDK that exports spans there (main.ts). */
  otlpExport: boolean;
  /** Browser origins other than the hub's own that may call it (cors.ts); `*` for any, never with credentials. */
  corsOrigins: string[];
}

export type SecurityOverrides = Partial<Omit<SecurityConfig, 'limits' | 'rateLimit' | 'trustedDocuments' | 'metrics' | 'responseCache'>> & {
  limits?: Partial<OperationLimits>;
  rateLimit?: Partial<SecurityConfig['rateLimit']>;
  trustedDocuments?: Partial<SecurityConfig['trustedDocuments']>;
  metrics?: Partial<SecurityConfig['metrics']>;
  responseCache?: Partial<SecurityConfig['responseCache']>;
};

export class SecurityConfigError extends Error {
  override name = 'SecurityConfigError';
}

export function securityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const production = env.NODE_ENV === 'production';
  const int = (name: string, fallback: number, min = 0) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new SecurityConfigError(`${name} must be an integer >= ${min}, not "${raw}"`);
    return value;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    throw new SecurityConfigError(`${name} must be true or false, not "${env[name]}"`);
  };
  const list = (name: string, fallback: string[]) =>
    env[name] === undefined ? fallback : env[name]!.split(',').map((s) => s.trim()).filter(Boolean);

  const dir = env.TRUSTED_DOCUMENTS_DIR?.trim() || DEFAULT_OPERATIONS_DIR;
  const otlpExport = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
  return {
    production,
    limits: {
      maxDepth: int('GRAPHQL_MAX_DEPTH', 12, 1),
      maxAliases: int('GRAPHQL_MAX_ALIASES', 30, 0),
      maxTokens: int('GRAPHQL_MAX_TOKENS', 3_000, 1),
      maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 20, 0),
      maxCost: int('GRAPHQL_MAX_COST', 5_000, 1),
      defaultListSize: int('GRAPHQL_DEFAULT_LIST_SIZE', 20, 1),
      maxBodyBytes: int('GRAPHQL_MAX_BODY_BYTES', 100_000, 1_000),
      batchLimit: int('GRAPHQL_BATCH_LIMIT', 0, 0),
    },
    blockFieldSuggestions: bool('BLOCK_FIELD_SUGGESTIONS', production),
    introspection: bool('ALLOW_INTROSPECTION', !production),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 30_000, 1),
    subgraphTimeoutMs: int('SUBGRAPH_TIMEOUT_MS', 10_000, 1),
    rateLimit: {
      // Off in development: tests and local dashboards hammer one address on purpose.
      perMinute: int('RATE_LIMIT_PER_MINUTE', production ? 600 : 0, 0),
      burst: int('RATE_LIMIT_BURST', 120, 1),
      exemptRoles: list('RATE_LIMIT_EXEMPT_ROLES', ['SERVICE']),
      trustProxy: bool('TRUST_PROXY', false),
      redisUrl: env.REDIS_URL?.trim() || undefined,
    },
    trustedDocuments: {
      // Production turns it on by itself only when there is a manifest to trust.
      enabled: bool('TRUSTED_DOCUMENTS', production && hasManifest(dir)),
      dir,
      bypassRoles: list('TRUSTED_DOCUMENTS_BYPASS_ROLES', ['SERVICE']),
    },
    metrics: { enabled: bool('METRICS', true), token: env.METRICS_TOKEN?.trim() || undefined },
    responseCache: {
      ttlMs: int('RESPONSE_CACHE_TTL_MS', 1_000, 0),
      // A district dashboard's answer is ~40 kB: the default bounds the cache near 80 MB at worst.
      maxEntries: int('RESPONSE_CACHE_MAX_ENTRIES', 2_000, 1),
      redisUrl: env.REDIS_URL?.trim() || undefined,
    },
    tracing: bool('SHEQU_TRACING', otlpExport),
    otlpExport,
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
  };
}

/** The environment's configuration with a caller's (a test's) overrides on top. */
export function resolveSecurityConfig(overrides: SecurityOverrides = {}, env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const base = securityConfigFromEnv(env);
  return {
    ...base,
    ...overrides,
    limits: { ...base.limits, ...overrides.limits },
    rateLimit: { ...base.rateLimit, ...overrides.rateLimit },
    trustedDocuments: { ...base.trustedDocuments, ...overrides.trustedDocuments },
    metrics: { ...base.metrics, ...overrides.metrics },
    responseCache: { ...base.responseCache, ...overrides.responseCache },
  };
}

function corsOrigins(raw: string | undefined): string[] {
  try {
    return parseCorsOrigins(raw);
  } catch (error) {
    throw new SecurityConfigError((error as Error).message);
  }
}

function hasManifest(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));
}
