// Dashboards from cache: answers to queries are kept for a short time (1 s by default) per view
// of the data (visibility.ts), with the kept Yoga/Envelop response cache: a hit is answered
// before parsing, planning or any subgraph. Errors are never cached (a partial answer while a
// subgraph is down is not kept).
//
// A write through the gateway is seen at once by every reader, on every replica sharing Redis:
// each cached answer is indexed by the subgraphs that contributed to it, and a mutation
// invalidates every answer that read from the subgraph it wrote to — whatever the mutation
// selected, and derived figures included (a donation changes a community's fund balance in the
// same subgraph and transaction). Entities the mutation returns are invalidated as well (the
// plugin's own rule). Writes that do not pass through a gateway (a subgraph's timers) are seen
// once the entry expires: hence a TTL of about a second.
import { createHash, randomUUID } from 'node:crypto';
import type { BuildResponseCacheKeyFunction, Cache } from '@envelop/response-cache';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST } from 'graphql/index.js';
import { canonicalJson } from '@shequ/kit/auth/canonical-json';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import type { Logger } from '@shequ/kit/logger';
import { useRootTypenameStripped } from './root-typename.ts';
import { createResponseCacheStore } from './store.ts';
import { visibilityKey } from './visibility.ts';

export interface ResponseCacheOptions {
  /** How long an answer is kept; 0 turns the cache off. */
  ttlMs: number;
  /** Answers kept in memory (without Redis). */
  maxEntries: number;
  redisUrl: string | undefined;
}

export interface ResponseCache {
  plugins: GatewayPlugin[];
  close(): Promise<void>;
}

/**
 * Not for the hub's own services: a subgraph asks another one through the gateway to check a
 * write it is about to make (does the community exist, is the task accepted), which must see the
 * state of now, and an outage as an outage. Not over graphql-ws either: dashboards query over
 * HTTP, and the plugin's answer headers (ETag) would travel in a WebSocket message's extensions.
 */
function cachedFor(context: unknown): boolean {
  const ctx = context as Record<string, unknown> | undefined;
  if (!ctx || 'connectionParams' in ctx) return false;
  return (ctx[claimsExtension] as { payload?: { role?: unknown } } | undefined)?.payload?.role !== SERVICE_ROLE;
}

const SERVICE_ROLE = 'SERVICE';

/** The pseudo-entity under which an answer is indexed by a subgraph it read from. */
const SUBGRAPH = 'shequ:Subgraph';

/**
 * The plugin's own key (document, operation, variables, session) hashed with node:crypto: its
 * default hashes with WebCrypto, an asynchronous job per request that cost ~0.15 ms of the
 * gateway's CPU on a small query, a tenth of what the whole plain runtime spends on it.
 */
const keyOf = (params: Parameters<BuildResponseCacheKeyFunction>[0], view: string): string => {
  let variables: string;
  try {
    variables = canonicalJson(params.variableValues ?? {});
  } catch {
    // Variables nested too deep to serialise (a hostile request): a key of its own, never shared,
    // and the request goes on to be refused by validation as it would without the cache.
    return `unshared:${randomUUID()}`;
  }
  return createHash('sha256')
    .update([params.documentString, params.operationName ?? '', variables, view].join('|'))
    .digest('hex');
};

/**
 * `graph`: names the supergraph in use (a digest of it): answers made on one supergraph are
 * never served on another, nor to another deployment sharing the same Redis.
 */
export function responseCache(options: ResponseCacheOptions, graph: () => string, log: Logger): ResponseCache {
  if (options.ttlMs <= 0) return { plugins: [], close: async () => {} };
  let lastStoreError = 0;
  const store = createResponseCacheStore({
    redisUrl: options.redisUrl,
    maxEntries: options.maxEntries,
    onStoreError: (message) => {
      // Once a minute at most: a Redis outage would otherwise log on every request.
      if (Date.now() - lastStoreError < 60_000) return;
      lastStoreError = Date.now();
      log.warn({ error: message }, 'response cache store unavailable; answering without it');
    },
  });

  const keyByContext = new WeakMap<object, string>();
  // Subgraphs read by the executions of each answer still running: identical requests running
  // at once share one entry, dropped when the last of them is done (after the answer is stored).
  const reading = new Map<string, { subgraphs: Set<string>; running: number; since: number }>();
  const writtenByContext = new WeakMap<object, Set<string>>();
  // Writes counted per subgraph: an answer whose execution began before a write to a subgraph it
  // read (and ended after it) may hold the old state, so it is not stored.
  let writes = 0;
  const lastWrite = new Map<string, number>();

  const cache: Cache = {
    get: (key) => store.cache.get(key),
    set(key, result, entities, ttl) {
      const entry = reading.get(key);
      const subgraphs = [...(entry?.subgraphs ?? [])];
      if (entry && subgraphs.some((name) => (lastWrite.get(name) ?? 0) > entry.since)) return;
      return store.cache.set(key, result, [...entities, ...subgraphs.map((id) => ({ typename: SUBGRAPH, id }))], ttl);
    },
    // Whole types are never invalidated (with Redis that is a KEYS scan): the subgraph index covers them.
    invalidate: (entities) => store.cache.invalidate([...entities].filter((entity) => entity.id != null)),
  };

  const cachePlugin = useResponseCache({
    cache,
    ttl: options.ttlMs,
    enabled: (_request, context) => cachedFor(context),
    session: (_request, context) => visibilityKey(context),
    buildResponseCacheKey: (params) => {
      const key = keyOf(params, `${graph()}/${params.sessionId}`);
      if (params.context) keyByContext.set(params.context, key);
      return key;
    },
    // The answer says when it was made; nothing about the cache is exposed to clients.
    includeExtensionMetadata: false,
  }) as GatewayPlugin;

  // After the cache plugin: its onExecuteDone (which stores the answer) runs before this one's.
  const subgraphIndex: GatewayPlugin = {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const context = executionRequest.context as object | undefined;
      if (!context) return;
      if (executionRequest.operationType === 'mutation') {
        let written = writtenByContext.get(context);
        if (!written) writtenByContext.set(context, (written = new Set()));
        written.add(subgraphName);
        return;
      }
      const key = keyByContext.get(context);
      if (key !== undefined) reading.get(key)?.subgraphs.add(subgraphName);
    },
    onExecute({ args }) {
      const context = args.contextValue as object;
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === 'mutation') {
        return {
          // Awaited before the answer is sent: a client reading right after its write sees it.
          async onExecuteDone() {
            const written = writtenByContext.get(context);
            if (!written?.size) return;
            writes++;
            for (const name of written) lastWrite.set(name, writes);
            await cache.invalidate([...written].map((id) => ({ typename: SUBGRAPH, id })));
          },
        };
      }
      const key = keyByContext.get(context);
      if (operation !== 'query' || key === undefined) return;
      let entry = reading.get(key);
      if (!entry) reading.set(key, (entry = { subgraphs: new Set(), running: 0, since: writes }));
      entry.running++;
      return {
        onExecuteDone() {
          if (--entry.running === 0) reading.delete(key);
        },
      };
    },
  };

  return { plugins: [useRootTypenameStripped(), cachePlugin, subgraphIndex], close: store.close };
}
