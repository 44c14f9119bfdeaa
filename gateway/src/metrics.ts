// Prometheus metrics for /metrics, one registry per gateway (tests run several): the operation and
// subgraph metrics come from @graphql-mesh/plugin-prometheus, configured under the names the README
// lists and with labels we choose (operation, type, code, subgraph), so a label never carries what
// a client put in a request beyond a bounded, well-formed operation name: the plugin's defaults
// would label by the URL (a GET request's query string holds its variables), by the error's path
// and by every operation name a client invents. What the plugin cannot give is in use-hub-metrics.ts.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@graphql-hive/logger';
import usePrometheus, { createCounter, createHistogram, type PrometheusPluginOptions } from '@graphql-mesh/plugin-prometheus';
import { getOperationAST, type DocumentNode, type OperationTypeNode } from 'graphql/index.js';
import { Registry } from 'prom-client';
import { codeOf, operationLabels } from './metric-labels.ts';
import { useHubMetrics } from './use-hub-metrics.ts';

export interface GatewayMetrics {
  registry: Registry;
  plugins(log: Logger): GatewayPlugin[];
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What the plugin hands a label function: the parsed document, if any, and the error counted. */
type Observed = { document?: DocumentNode; error?: unknown; errorPhase?: string };
type EnvelopContext = { params?: { operationName?: string | null } } | undefined;
type MetricsConfig = Exclude<PrometheusPluginOptions['metrics'], true>;
/** The configured form (a metric object, not a switch) of one of the plugin's metrics. */
type Metric<K extends keyof MetricsConfig> = Extract<NonNullable<MetricsConfig[K]>, { fillLabelsFn: unknown }>;

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  const label = operationLabels();
  const operationOf = (params: Observed, context: EnvelopContext) => {
    const given = context?.params?.operationName;
    const ast = params.document ? getOperationAST(params.document, given) : undefined;
    return { operation: label(ast?.name?.value ?? given), type: (ast?.operation ?? 'unknown') as OperationTypeNode | 'unknown' };
  };

  const operations: Metric<'graphql_envelop_request'> = createCounter({
    registry,
    counter: {
      name: 'shequ_gateway_operations_total',
      help: 'Operations executed, by name and type (a subscription once it ends)',
      labelNames: ['operation', 'type'],
    },
    fillLabelsFn: operationOf,
  });
  const errors: Metric<'graphql_envelop_error_result'> = createCounter({
    registry,
    counter: { name: 'shequ_gateway_operation_errors_total', help: 'Errors returned to clients, by operation and code', labelNames: ['operation', 'code'] },
    // A failed validation is counted by useHubMetrics, which sees each error's code (LIMIT_EXCEEDED...).
    phases: ['parse', 'context', 'execute', 'subscribe'],
    fillLabelsFn: (params: Observed, context: EnvelopContext) => ({
      operation: operationOf(params, context).operation,
      code: codeOf(params.error, params.errorPhase === 'parse' ? 'GRAPHQL_PARSE_FAILED' : 'INTERNAL_SERVER_ERROR'),
    }),
  });
  const duration: Metric<'graphql_envelop_phase_execute'> = createHistogram({
    registry,
    histogram: { name: 'shequ_gateway_operation_duration_seconds', help: 'Query and mutation latency', labelNames: ['operation', 'type'], buckets: SECONDS },
    fillLabelsFn: operationOf,
  });
  type SubgraphCall = { subgraphName: string; executionRequest: { operationType?: string } };
  const subgraph = ({ subgraphName }: SubgraphCall) => ({ subgraph: subgraphName });
  const subgraphDuration: Metric<'graphql_gateway_subgraph_execute_duration'> = createHistogram({
    registry,
    histogram: {
      name: 'shequ_gateway_subgraph_duration_seconds',
      help: 'Subgraph request latency (its _count: requests)',
      labelNames: ['subgraph'],
      buckets: SECONDS,
    },
    fillLabelsFn: subgraph,
    // A subscription's "duration" is how long it streamed: not a latency.
    shouldObserve: ({ executionRequest }: SubgraphCall) => executionRequest.operationType !== 'subscription',
  });
  const subgraphErrors: Metric<'graphql_gateway_subgraph_execute_errors'> = createCounter({
    registry,
    counter: { name: 'shequ_gateway_subgraph_errors_total', help: 'Errors in subgraph responses', labelNames: ['subgraph'] },
    fillLabelsFn: subgraph,
  });

  return {
    registry,
    plugins: (log) => [
      usePrometheus({
        log,
        registry,
        // Served by our server, behind METRICS_TOKEN and outside the GraphQL pipeline (server.ts).
        endpoint: false,
        metrics: {
          graphql_envelop_request: operations,
          graphql_envelop_error_result: errors,
          graphql_envelop_phase_execute: duration,
          graphql_gateway_subgraph_execute_duration: subgraphDuration,
          graphql_gateway_subgraph_execute_errors: subgraphErrors,
          // Each metric left on costs hooks on every request; these say nothing the above do not.
          graphql_envelop_request_duration: false,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_validate: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_schema_change: false,
          graphql_envelop_execute_resolver: false,
          // Labelled by URL and answered only for parsed requests: our HTTP status counter counts refusals too.
          graphql_yoga_http_duration: false,
          graphql_gateway_fetch_duration: false,
        },
      }),
      useHubMetrics(registry, { operations: operations.counter, errors: errors.counter, label }),
    ],
  };
}
