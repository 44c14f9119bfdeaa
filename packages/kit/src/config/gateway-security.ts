// The variables of the gateway's security layer (README "Security"): limits, rate limits,
// trusted documents, metrics, the response cache, tracing, CORS. Defaults suit dashboards:
// generous for real screens, tight for abuse; some differ in production.
import { existsSync, readdirSync } from 'node:fs';
import { CorsConfigError, parseCorsOrigins } from './cors-origins.js';
import { defineConfig, type Values } from './define.js';
import { boolean, integer, list, text } from './kinds.js';
import { NODE_ENV, REDIS_URL, TRUSTED_DOCUMENTS_DIR } from './shared.js';
import { inRepo } from './repo-root.js';
import { checked, describe, withDefault, type Variable } from './variable.js';

/** `<repo>/schema/operations`. */
export const DEFAULT_OPERATIONS_DIR = inRepo('schema', 'operations');

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** The runtime's demand control: what an operation's subgraph requests may cost together (use-cost-limit.ts). */
  maxCost: number;
  /** The size assumed for a (nullable) list whose SDL has no `@listSize`: only partners' lists, ours all say how big they are. */
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
  /** Spans through @graphql-hive/plugin-opentelemetry (gateway tracing.ts): SHEQU_TRACING, on by itself with an OTLP endpoint. */
  tracing: boolean;
  /** An OTLP endpoint is set: the gateway process sets up the SDK that exports spans there (main.ts). */
  otlpExport: boolean;
  /** Browser origins other than the hub's own that may call it (cors.ts); `*` for any, never with credentials. */
  corsOrigins: string[];
}

// "an integer >= N": the wording these variables have always had, which operators know.
const atLeast = (min: number, fallback: number, description: string): Variable<number> =>
  describe(withDefault(integer({ min, expected: `an integer >= ${min}` }), fallback), { description, default: String(fallback) });

export const securityVariables = {
  NODE_ENV,
  REDIS_URL,
  TRUSTED_DOCUMENTS_DIR,
  GRAPHQL_MAX_DEPTH: atLeast(1, 12, 'deepest selection an operation may have'),
  GRAPHQL_MAX_ALIASES: atLeast(0, 30, 'aliases per operation'),
  GRAPHQL_MAX_TOKENS: atLeast(1, 3_000, 'tokens per operation document'),
  GRAPHQL_MAX_DIRECTIVES: atLeast(0, 20, 'directives per operation'),
  GRAPHQL_MAX_COST: atLeast(
    1,
    5_000,
    'what the subgraph requests of one operation may cost together (IBM cost spec: one per object, times the `@listSize` of the lists above it)',
  ),
  GRAPHQL_DEFAULT_LIST_SIZE: atLeast(1, 10, "size assumed for a nullable list whose subgraph declares no `@listSize` (a partner's)"),
  GRAPHQL_MAX_BODY_BYTES: atLeast(1_000, 100_000, 'request body, and each graphql-ws message, in bytes'),
  GRAPHQL_BATCH_LIMIT: atLeast(0, 0, 'operations per HTTP batch (0: no batching)'),
  BLOCK_FIELD_SUGGESTIONS: describe(boolean(), { description: 'remove "Did you mean …" from errors', default: 'true in production, else false' }),
  ALLOW_INTROSPECTION: describe(boolean(), { description: 'introspection and GraphiQL', default: 'false in production, else true' }),
  REQUEST_TIMEOUT_MS: atLeast(1, 30_000, 'milliseconds until the response starts (streams then run on)'),
  SUBGRAPH_TIMEOUT_MS: atLeast(1, 10_000, 'milliseconds for each subgraph call'),
  // Off in development: tests and local dashboards hammer one address on purpose.
  RATE_LIMIT_PER_MINUTE: describe(integer({ min: 0, expected: 'an integer >= 0' }), {
    description: 'operations per minute per token subject, else per client address (0: off)',
    default: '600 in production, else 0',
  }),
  RATE_LIMIT_BURST: atLeast(1, 120, 'operations a caller may send at once, earned back at the rate'),
  RATE_LIMIT_EXEMPT_ROLES: describe(withDefault(list(), ['SERVICE']), { description: 'roles never rate limited (comma-separated)', default: 'SERVICE' }),
  TRUST_PROXY: describe(withDefault(boolean(), false), {
    description: 'take the client address from X-Forwarded-For (only behind a proxy that sets it)',
    default: 'false',
  }),
  TRUSTED_DOCUMENTS: describe(boolean(), {
    description: 'refuse operations that are not in the recorded manifests',
    default: 'true in production when a manifest exists, else false',
  }),
  TRUSTED_DOCUMENTS_BYPASS_ROLES: describe(withDefault(list(), ['SERVICE']), {
    description: 'roles that may send operations outside the manifests',
    default: 'SERVICE',
  }),
  METRICS: describe(withDefault(boolean(), true), { description: 'serve Prometheus metrics at `/metrics`', default: 'true' }),
  METRICS_TOKEN: describe(text(), { description: 'secret: the bearer token `/metrics` requires (unset: none)', secret: true }),
  RESPONSE_CACHE_TTL_MS: atLeast(0, 1_000, 'milliseconds answers to queries are kept (0: no cache)'),
  // A district dashboard's answer is ~40 kB: the default bounds the cache near 80 MB at worst.
  RESPONSE_CACHE_MAX_ENTRIES: atLeast(1, 2_000, 'answers kept in memory'),
  SHEQU_TRACING: describe(boolean(), {
    description: 'OpenTelemetry spans per operation and subgraph call',
    default: 'true when `OTEL_EXPORTER_OTLP_ENDPOINT` is set',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: describe(text(), {
    description: 'OTLP/HTTP collector the gateway sends its spans to (`/v1/traces` is added); turns tracing on',
  }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: describe(text(), { description: 'the full OTLP/HTTP traces URL, over `OTEL_EXPORTER_OTLP_ENDPOINT`; turns tracing on' }),
  CORS_ORIGINS: describe(
    withDefault(
      checked((raw) => {
        try {
          return { value: parseCorsOrigins(raw) };
        } catch (error) {
          if (error instanceof CorsConfigError) return { problem: error.message };
          throw error;
        }
      }),
      [],
    ),
    {
      description: 'other web origins whose pages may call the hub (`https://a.example,https://b.example`, `*` any; never with credentials)',
      default: 'no other origin',
    },
  ),
};

export function buildSecurity(v: Values<typeof securityVariables>): SecurityConfig {
  const production = v.NODE_ENV === 'production';
  const dir = v.TRUSTED_DOCUMENTS_DIR ?? DEFAULT_OPERATIONS_DIR;
  const otlpExport = Boolean(v.OTEL_EXPORTER_OTLP_ENDPOINT || v.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  return {
    production,
    limits: {
      maxDepth: v.GRAPHQL_MAX_DEPTH,
      maxAliases: v.GRAPHQL_MAX_ALIASES,
      maxTokens: v.GRAPHQL_MAX_TOKENS,
      maxDirectives: v.GRAPHQL_MAX_DIRECTIVES,
      maxCost: v.GRAPHQL_MAX_COST,
      defaultListSize: v.GRAPHQL_DEFAULT_LIST_SIZE,
      maxBodyBytes: v.GRAPHQL_MAX_BODY_BYTES,
      batchLimit: v.GRAPHQL_BATCH_LIMIT,
    },
    blockFieldSuggestions: v.BLOCK_FIELD_SUGGESTIONS ?? production,
    introspection: v.ALLOW_INTROSPECTION ?? !production,
    requestTimeoutMs: v.REQUEST_TIMEOUT_MS,
    subgraphTimeoutMs: v.SUBGRAPH_TIMEOUT_MS,
    rateLimit: {
      perMinute: v.RATE_LIMIT_PER_MINUTE ?? (production ? 600 : 0),
      burst: v.RATE_LIMIT_BURST,
      exemptRoles: v.RATE_LIMIT_EXEMPT_ROLES,
      trustProxy: v.TRUST_PROXY,
      redisUrl: v.REDIS_URL,
    },
    trustedDocuments: {
      // Production turns it on by itself only when there is a manifest to trust.
      enabled: v.TRUSTED_DOCUMENTS ?? (production && hasManifest(dir)),
      dir,
      bypassRoles: v.TRUSTED_DOCUMENTS_BYPASS_ROLES,
    },
    metrics: { enabled: v.METRICS, token: v.METRICS_TOKEN },
    responseCache: { ttlMs: v.RESPONSE_CACHE_TTL_MS, maxEntries: v.RESPONSE_CACHE_MAX_ENTRIES, redisUrl: v.REDIS_URL },
    tracing: v.SHEQU_TRACING ?? otlpExport,
    otlpExport,
    corsOrigins: v.CORS_ORIGINS,
  };
}

export const securityConfig = defineConfig({ process: 'gateway', variables: securityVariables, build: buildSecurity });

function hasManifest(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));
}
