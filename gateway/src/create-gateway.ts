import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import {
  createGatewayRuntime,
  type GatewayConfigBase,
  type GatewayConfigContext,
  type GatewayConfigSupergraph,
  type GatewayRuntime,
} from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import type { HubSecrets } from '@shequ/kit/auth/secrets';
import { createLogger, type Logger } from '@shequ/kit/logger';
import { wsKeepAliveMs } from '@shequ/kit/server/keep-alive';
import type { Registry } from 'prom-client';
import { graphiqlOptions, renderGraphiQL } from './graphiql.ts';
import { corsPolicy } from './cors.ts';
import { createErrorMasker } from './mask-errors.ts';
import { toRuntimeLogger } from './runtime-logger.ts';
import { gatewayConfigOfProcess, type GatewayConfig } from '@shequ/kit/config/gateway';
import { withSecurityOverrides, type SecurityConfig, type SecurityOverrides } from './security-config.ts';
import { securityPlugins, SECURITY_ERROR_CODES } from './security-plugins.ts';
import { useSubgraphAvailability } from './subgraph-availability.ts';
import { liveFeedsOf, type LiveFeeds } from './live-feeds.ts';
import { SharedStreams } from './shared-streams.ts';
import { useSharedSubscriptions } from './use-shared-subscriptions.ts';
import { useSubscriptionsAcrossReloads, type ReloadingRuntime } from './use-subscriptions-across-reloads.ts';
import { useSubgraphTimeout } from './use-subgraph-timeout.ts';
import { demandControl } from './use-cost-limit.ts';
import { createSupergraphSource, type SupergraphSource } from './supergraph-source.ts';
import { authorizationByRole } from './use-authorization.ts';
import { identityPlugins } from './use-identity.ts';
import { createGatewayMetrics } from './metrics.ts';
import { persistedDocuments } from './persisted-documents.ts';
import { loadTrustedDocuments } from './trusted-documents.ts';
import { tracingPlugins } from './tracing.ts';
import { responseCache } from './response-cache/use-response-cache.ts';
import { partnerKeysOf, type PartnerKeys } from '@shequ/kit/federation/partner-keys';
import { validateSupergraph } from '@shequ/kit/federation/supergraph';

export type QueryPlanner = 'rust' | 'js';
export type GatewayPlugins = ReturnType<NonNullable<GatewayConfigBase<Record<string, unknown>>['plugins']>>;
type TransportEntries = NonNullable<GatewayConfigBase<Record<string, unknown>>['transportEntries']>;

/** Runtime options a caller may still set (timeouts, HMAC signing, introspection, CORS...). */
export type RuntimeOverrides = Omit<
  Partial<GatewayConfigSupergraph>,
  | 'supergraph'
  | 'unifiedGraphHandler'
  | 'plugins'
  | 'transportEntries'
  | 'logging'
  | 'maskedErrors'
  | 'gracefulSchemaReload'
  | 'pollingInterval'
  // Set by the gateway itself (use-subgraph-timeout.ts says why the runtime's option is not used).
  | 'upstreamTimeout'
>;

export interface GatewayOptions {
  /**
   * The process's parsed configuration (the kit's gateway schema), which the options below
   * override. Default: this process's environment, parsed now (tests and benchmarks).
   */
  config?: GatewayConfig;
  /** Supergraph file path or http(s) URL, or a ready source. Default: `config.supergraph` (SUPERGRAPH), else `<repo>/schema/supergraph.graphql`. */
  supergraph?: string | SupergraphSource;
  /** How often the supergraph is checked for changes (when `supergraph` is not a source). Default: `config.pollIntervalMs`. */
  pollIntervalMs?: number;
  /** A supergraph file served while `supergraph` (a registry URL) has not answered yet. Default: `config.supergraphFallback`. */
  supergraphFallback?: string;
  /** Default: `config.queryPlanner` (QUERY_PLANNER, else `rust`). */
  queryPlanner?: QueryPlanner;
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. Default: `config.subgraphUrls`. */
  subgraphUrls?: Record<string, string>;
  /** Extra gateway plugins (auth, signing, limits, metrics), after the built-in ones. */
  plugins?: GatewayPlugins | ((context: GatewayConfigContext) => GatewayPlugins);
  /** How long in-flight operations may finish on the old supergraph after a reload. Default 30 s. */
  drainTimeoutMs?: number;
  /** Error codes (besides client and SUBGRAPH_UNAVAILABLE codes) that clients may see. */
  exposeErrorCodes?: string[];
  runtime?: RuntimeOverrides;
  /** Token verification and subgraph request signing; without it callers are all anonymous and requests unsigned. */
  identity?: Pick<HubSecrets, 'jwt' | 'upstreamSecret'>;
  /** Limits, trusted documents, metrics, tracing: `config.security` (README "Security") with these on top. */
  security?: SecurityOverrides;
  logger?: Logger;
  /**
   * Built-in plugins left out, for measuring what each costs (bench/gateway.ts). Never set in
   * production: leaving out identity or the guards drops signing, auth or limits.
   */
  leaveOut?: readonly BuiltInPlugin[];
}

/** The built-in plugins by name, in their order, as `leaveOut` names them. */
export const builtInPlugins = [
  'metrics',
  'subgraph-timeout',
  'subgraph-availability',
  'identity',
  'authorization',
  'guards',
  'response-cache',
  'subscriptions-across-reloads',
  'shared-subscriptions',
] as const;
export type BuiltInPlugin = (typeof builtInPlugins)[number];

export interface Gateway {
  runtime: GatewayRuntime;
  source: SupergraphSource;
  queryPlanner: QueryPlanner;
  security: SecurityConfig;
  /** What /metrics serves; undefined when metrics are off. */
  metrics: Registry | undefined;
  /** Upstream streams shared by identical state-feed subscriptions, open now. */
  sharedStreams: SharedStreams;
  /** True once a valid supergraph is loaded and the runtime has built its schema from it. */
  isReady(): Promise<boolean>;
  dispose(): Promise<void>;
}

/** Builds the Hive Gateway runtime over a hot-reloaded supergraph. */
export async function createGateway(options: GatewayOptions = {}): Promise<Gateway> {
  // Each subgraph call ties its cancellation to the signals above it with an abort listener: the
  // client request's (two or three per call) and the HTTP executor's own, one per subgraph and
  // shared by every call in flight. They are released when the call's combined signal is
  // collected. Node warns at 11 listeners on one signal, i.e. at a dashboard query's calls or
  // eleven concurrent requests: not a leak, so the limit is that of a busy gateway instead (for
  // the whole process, as the signals are the process's: a gateway is what a process hosts).
  setMaxListeners(10_000);
  const log = options.logger ?? createLogger('gateway');
  const config = options.config ?? gatewayConfigOfProcess();
  const queryPlanner = options.queryPlanner ?? config.queryPlanner;
  const subgraphUrls = options.subgraphUrls ?? config.subgraphUrls ?? {};
  const source =
    typeof options.supergraph === 'object'
      ? options.supergraph
      : createSupergraphSource({
          location: options.supergraph ?? config.supergraph,
          pollIntervalMs: options.pollIntervalMs ?? config.pollIntervalMs,
          fallback: options.supergraphFallback ?? config.supergraphFallback,
          logger: log,
          validate: (sdl) => {
            requireSubgraphUrls(sdl, subgraphUrls);
            partnerKeysOf(sdl);
          },
        });

  const transportEntries: TransportEntries = {
    // Apollo subgraphs serve subscriptions over graphql-ws on their GraphQL path, not over HTTP.
    '*.http': {
      options: {
        subscriptions: {
          kind: 'ws',
          location: '/graphql',
          // transport-ws keeps an idle upstream socket open 3 s for reuse, on a timer graphql-ws
          // does not clear on dispose: the gateway would hold the process for 3 s after close().
          options: { lazyCloseTimeout: 0, keepAlive: wsKeepAliveMs },
        },
      },
    },
  };
  for (const [name, location] of Object.entries(subgraphUrls)) transportEntries[name] = { location };

  const security = withSecurityOverrides(config.security, options.security);
  const metrics = security.metrics.enabled ? createGatewayMetrics() : undefined;
  const manifest = loadTrustedDocuments(security.trustedDocuments.dir);
  const guards = securityPlugins(security, log, manifest);
  let graphDigest = '';
  const cache = responseCache(security.responseCache, () => graphDigest, log);
  const authorization = authorizationByRole();
  const userPlugins = options.plugins;
  const leftOut = new Set(options.leaveOut ?? []);
  const on = <T>(name: BuiltInPlugin, plugins: T[]): T[] => (leftOut.has(name) ? [] : plugins);
  // State feeds as the current supergraph marks them, and its partner subgraphs; read again when it changes.
  let feeds: LiveFeeds = new Map();
  let partnerKeys: PartnerKeys = new Map();
  const readSupergraphMarks = () => {
    const sdl = source.current();
    feeds = sdl === undefined ? new Map() : liveFeedsOf(sdl);
    partnerKeys = sdl === undefined ? new Map() : partnerKeysOf(sdl);
    graphDigest = sdl === undefined ? '' : createHash('sha256').update(sdl).digest('base64url').slice(0, 16);
  };
  const sharedStreams = new SharedStreams();
  const tracing = await tracingPlugins(security.tracing);
  const runtime = createGatewayRuntime({
    // The runtime's product landing page on every non-GraphQL path; our server owns those.
    landingPage: false,
    // GraphiQL needs introspection: both off in production unless ALLOW_INTROSPECTION=true.
    graphiql: security.introspection ? graphiqlOptions : false,
    renderGraphiQL,
    disableIntrospection: security.introspection ? undefined : {},
    batching: security.limits.batchLimit > 0 ? { limit: security.limits.batchLimit } : false,
    // Cost from the supergraph's @cost/@listSize; use-cost-limit.ts answers its refusals.
    demandControl: leftOut.has('guards') ? undefined : demandControl(security.limits),
    // A client that goes away (or times out) cancels its subgraph calls.
    upstreamCancellation: true,
    // Identical queries from the same caller while one is running share its execution: when a
    // cached answer expires, the screens asking for it cause one execution, not one each. Keyed
    // by the caller's token only among the headers (each request has an id of its own).
    inboundInflightRequestDeduplication: { shouldIncludeHeader: (name) => name === 'authorization' },
    cors: corsPolicy(security.corsOrigins),
    genericAuth: authorization.genericAuth,
    persistedDocuments: persistedDocuments(manifest),
    ...options.runtime,
    supergraph: () => {
      const sdl = source.current();
      if (sdl === undefined) throw new Error(`no valid supergraph loaded from ${source.location}`);
      return sdl;
    },
    // undefined falls back to the runtime's own JavaScript planner.
    unifiedGraphHandler: queryPlanner === 'rust' ? unifiedGraphHandler : undefined,
    transportEntries,
    gracefulSchemaReload: { drainTimeout: options.drainTimeoutMs ?? 30_000 },
    logging: toRuntimeLogger(log),
    maskedErrors: { maskError: createErrorMasker(log, { exposeCodes: [...SECURITY_ERROR_CODES, ...(options.exposeErrorCodes ?? [])] }) },
    plugins: (context) => [
      // First: its spans hold what every plugin below does, refusals too.
      ...tracing(context),
      // Before ours, so that it also counts what the plugins below refuse.
      ...on('metrics', metrics ? metrics.plugins(context.log) : []),
      // Before any plugin that wraps the subgraph executor: it must sit directly over the transport.
      ...on('subgraph-timeout', useSubgraphTimeout(security.subgraphTimeoutMs)),
      ...on('subgraph-availability', [useSubgraphAvailability(log)]),
      ...on('identity', options.identity ? identityPlugins(options.identity, () => partnerKeys) : []),
      ...on('authorization', [authorization.plugin]),
      // After identity: rate limits and trusted documents need the verified caller.
      ...on('guards', guards),
      // After the guards: a hit is answered in onParams, once a persisted hash is resolved and
      // the caller is known and admitted; before execution, so a hit costs no plan.
      ...on('response-cache', cache.plugins),
      // Inside the sharing below: a shared stream outlives a reload with its subscribers.
      ...on('subscriptions-across-reloads', [useSubscriptionsAcrossReloads((): ReloadingRuntime => runtime)]),
      // Last of ours: the stream it shares is what the plugins above let through.
      ...on('shared-subscriptions', [useSharedSubscriptions(() => feeds, sharedStreams)]),
      ...(typeof userPlugins === 'function' ? userPlugins(context) : (userPlugins ?? [])),
    ],
  });

  // The runtime reads `supergraph()` lazily and only again when told; a rejected file never
  // gets here, and a supergraph the planner cannot use is logged by the runtime, which then
  // keeps the previous one.
  source.onChange(async () => {
    readSupergraphMarks();
    await runtime.invalidateUnifiedGraph();
  });

  async function isReady(): Promise<boolean> {
    if (source.current() === undefined) return false;
    try {
      await runtime.getSchema();
      return true;
    } catch {
      return false;
    }
  }

  await source.start();
  readSupergraphMarks();
  // Build the plan-ready schema now rather than on the first client request.
  await isReady();
  log.info({ queryPlanner, supergraph: source.location }, 'gateway created');

  return {
    runtime,
    source,
    queryPlanner,
    security,
    metrics: metrics?.registry,
    sharedStreams,
    isReady,
    async dispose() {
      source.close();
      await runtime.dispose();
      await cache.close();
    },
  };
}

/** A supergraph naming a subgraph the gateway cannot reach is as bad as an invalid one. */
function requireSubgraphUrls(sdl: string, overrides: Record<string, string>): void {
  const missing = validateSupergraph(sdl).filter((s) => !s.url && !overrides[s.name]);
  if (missing.length > 0) throw new Error(`supergraph has no URL for subgraph(s): ${missing.map((s) => s.name).join(', ')}`);
}
