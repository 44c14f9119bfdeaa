// The metrics @graphql-mesh/plugin-prometheus (metrics.ts) cannot give, on the same registry:
// - HTTP responses by status: the plugin's HTTP histogram observes only requests that got as far
//   as parsing, so the guards' refusals (429, 413, 415, 403 before any parse) would go uncounted;
// - subscriptions streaming now: the plugin counts events, it keeps no gauge;
// - answers from the response cache: served in onParams, they never reach the parse and execute
//   hooks where the plugin counts, so they are counted here, as operations too;
// - each validation error by its code: the plugin counts a failed validation once, codeless, and
//   our operation limits refuse in validation with LIMIT_EXCEEDED;
// - the process's own metrics (memory, CPU, event loop), under our prefix.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { collectDefaultMetrics, Counter, Gauge, type Registry } from 'prom-client';
import { isAsyncIterable } from './is-async-iterable.ts';
import { codeOf, type OperationLabel } from './metric-labels.ts';

/** How @graphql-yoga/plugin-response-cache marks an answer it served. */
const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

export function useHubMetrics(
  registry: Registry,
  shared: { operations: Counter<'operation' | 'type'>; errors: Counter<'operation' | 'code'>; label: OperationLabel },
): GatewayPlugin {
  collectDefaultMetrics({ register: registry, prefix: 'shequ_gateway_' });
  const { operations, errors, label } = shared;
  const http = new Counter({
    name: 'shequ_gateway_http_responses_total',
    help: 'GraphQL HTTP responses by status',
    labelNames: ['status'],
    registers: [registry],
  });
  const cacheHits = new Counter({
    name: 'shequ_gateway_response_cache_hits_total',
    help: 'Queries answered from the response cache, by name',
    labelNames: ['operation'],
    registers: [registry],
  });
  const subscriptions = new Gauge({ name: 'shequ_gateway_subscriptions_open', help: 'Subscriptions currently streaming', registers: [registry] });

  const paramsOf = new WeakMap<Request, { operationName?: string | null; query?: string }>();
  return {
    onResponse({ response }) {
      http.inc({ status: String(response.status) });
    },
    onParams({ params, request }) {
      paramsOf.set(request, params);
    },
    onExecutionResult({ result, request }) {
      if (!(result as Record<symbol, unknown> | undefined)?.[SERVED_FROM_CACHE]) return;
      const params = paramsOf.get(request);
      // Unparsed: the name is the one given, else the document's first operation's.
      const operation = label(params?.operationName ?? /^\s*query\s+([_A-Za-z]\w*)/.exec(params?.query ?? '')?.[1]);
      cacheHits.inc({ operation });
      operations.inc({ operation, type: 'query' });
    },
    onValidate({ context }) {
      return ({ valid, result }) => {
        if (valid) return;
        const operation = label((context as { params?: { operationName?: string } }).params?.operationName);
        for (const error of result) errors.inc({ operation, code: codeOf(error, 'GRAPHQL_VALIDATION_FAILED') });
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return undefined;
          subscriptions.inc();
          return { onEnd: () => subscriptions.dec() };
        },
      };
    },
  };
}
