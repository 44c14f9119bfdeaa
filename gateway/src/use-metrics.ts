// Prometheus metrics for /metrics: operations and their errors and latency by operation name,
// subgraph calls by subgraph, open subscriptions, HTTP statuses (429, 413... from the limits),
// and the process's own metrics. One registry per gateway, so tests can run several.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { getOperationAST, type DocumentNode } from 'graphql/index.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isAsyncIterable } from './is-async-iterable.ts';

export interface GatewayMetrics {
  registry: Registry;
  plugin: GatewayPlugin;
}

/** How @graphql-yoga/plugin-response-cache marks an answer it served. */
const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Operation names are chosen by clients: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shequ_gateway_' });
  const m = {
    http: new Counter({ name: 'shequ_gateway_http_responses_total', help: 'GraphQL HTTP responses by status', labelNames: ['status'], registers: [registry] }),
    operations: new Counter({ name: 'shequ_gateway_operations_total', help: 'Operations executed, by name and type', labelNames: ['operation', 'type'], registers: [registry] }),
    errors: new Counter({ name: 'shequ_gateway_operation_errors_total', help: 'Errors returned to clients, by operation and code', labelNames: ['operation', 'code'], registers: [registry] }),
    duration: new Histogram({ name: 'shequ_gateway_operation_duration_seconds', help: 'Query and mutation latency', labelNames: ['operation', 'type'], buckets: SECONDS, registers: [registry] }),
    subgraphRequests: new Counter({ name: 'shequ_gateway_subgraph_requests_total', help: 'Requests to subgraphs', labelNames: ['subgraph'], registers: [registry] }),
    subgraphErrors: new Counter({ name: 'shequ_gateway_subgraph_errors_total', help: 'Errors in subgraph responses, by code', labelNames: ['subgraph', 'code'], registers: [registry] }),
    subgraphDuration: new Histogram({ name: 'shequ_gateway_subgraph_duration_seconds', help: 'Subgraph request latency', labelNames: ['subgraph'], buckets: SECONDS, registers: [registry] }),
    cacheHits: new Counter({ name: 'shequ_gateway_response_cache_hits_total', help: 'Queries answered from the response cache, by name', labelNames: ['operation'], registers: [registry] }),
    subscriptions: new Gauge({ name: 'shequ_gateway_subscriptions_open', help: 'Subscriptions currently streaming', registers: [registry] }),
  };

  const names = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
  const operationOf = (document: DocumentNode, operationName: string | null | undefined) => {
    const ast = getOperationAST(document, operationName);
    return { operation: label(ast?.name?.value ?? operationName), type: ast?.operation ?? 'unknown' };
  };
  const countErrors = (operation: string, errors: readonly { extensions?: Record<string, unknown> }[] | undefined, fallback = 'INTERNAL_SERVER_ERROR') => {
    for (const error of errors ?? []) m.errors.inc({ operation, code: codeOf(error, fallback) });
  };
  const paramsName = (context: unknown) => (context as { params?: { operationName?: string } }).params?.operationName;

  const paramsOf = new WeakMap<Request, { operationName?: string | null; query?: string }>();
  const plugin: GatewayPlugin = {
    onResponse({ response }) {
      m.http.inc({ status: String(response.status) });
    },
    // A cached answer is served before parsing: no onExecute, so it is counted here, as an operation too.
    onParams({ params, request }) {
      paramsOf.set(request, params);
    },
    onExecutionResult({ result, request }) {
      if (!(result as Record<symbol, unknown> | undefined)?.[SERVED_FROM_CACHE]) return;
      const params = paramsOf.get(request);
      // Unparsed: the name is the one given, else the document's first operation's.
      const operation = label(params?.operationName ?? /^\s*query\s+([_A-Za-z]\w*)/.exec(params?.query ?? '')?.[1]);
      m.cacheHits.inc({ operation });
      m.operations.inc({ operation, type: 'query' });
    },
    onParse({ context }) {
      return ({ result }) => {
        if (result instanceof Error) m.errors.inc({ operation: label(paramsName(context)), code: codeOf(result as GraphQLError, 'GRAPHQL_PARSE_FAILED') });
      };
    },
    onValidate({ context }) {
      return ({ valid, result }) => {
        if (!valid) countErrors(label(paramsName(context)), result as readonly GraphQLError[], 'GRAPHQL_VALIDATION_FAILED');
      };
    },
    onExecute({ args }) {
      const { operation, type } = operationOf(args.document, args.operationName);
      m.operations.inc({ operation, type });
      const stop = m.duration.startTimer({ operation, type });
      return {
        onExecuteDone({ result }) {
          stop();
          if (!isAsyncIterable(result)) countErrors(operation, result.errors);
          return undefined;
        },
      };
    },
    onSubscribe({ args }) {
      const { operation, type } = operationOf(args.document, args.operationName);
      m.operations.inc({ operation, type });
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            countErrors(operation, result.errors);
            return undefined;
          }
          m.subscriptions.inc();
          return {
            onNext: ({ result: next }: { result: ExecutionResult }) => countErrors(operation, next.errors),
            onEnd: () => m.subscriptions.dec(),
          };
        },
      };
    },
    onSubgraphExecute({ subgraphName }) {
      m.subgraphRequests.inc({ subgraph: subgraphName });
      const stop = m.subgraphDuration.startTimer({ subgraph: subgraphName });
      return ({ result }) => {
        if (isAsyncIterable(result)) return { onNext: ({ result: next }) => countSubgraphErrors(subgraphName, next.errors) };
        stop();
        countSubgraphErrors(subgraphName, result.errors);
        return undefined;
      };
    },
  };
  const countSubgraphErrors = (subgraph: string, errors: readonly GraphQLError[] | undefined) => {
    for (const error of errors ?? []) m.subgraphErrors.inc({ subgraph, code: codeOf(error, 'UNKNOWN') });
  };

  return { registry, plugin };
}

function codeOf(error: { extensions?: Record<string, unknown> }, fallback: string): string {
  const code = error.extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code) ? code : fallback;
}
