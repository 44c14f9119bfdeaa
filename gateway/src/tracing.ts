// Tracing through @graphql-hive/plugin-opentelemetry: spans for the HTTP request (a child of the
// caller's `traceparent`), the operation, its phases, each subgraph call and its upstream fetch,
// whose context goes to the subgraph in `traceparent`. Off (SHEQU_TRACING), the plugin is not
// installed and no SDK is set up: nothing runs per request.
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger as HiveLogger } from '@graphql-hive/logger';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { ProxyTracerProvider, trace } from '@graphql-hive/plugin-opentelemetry/api';
import { disable, openTelemetrySetup } from '@graphql-hive/plugin-opentelemetry/setup';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export function tracingPlugins(enabled: boolean, context: GatewayConfigContext): GatewayPlugin[] {
  if (!enabled) return [];
  if (!spansAreExported()) {
    context.log.warn('tracing is on but no OpenTelemetry SDK is registered in this process: spans are dropped (set OTEL_EXPORTER_OTLP_ENDPOINT, see README "Observability")');
  }
  return [useOpenTelemetry({ ...context, traces: true })];
}

export interface SpanExport {
  /** Sends what is batched now. The plugin's own flush on dispose misses it: it asks the API's proxy provider. */
  flush(): Promise<void>;
  /** Flushes and unregisters the SDK. */
  stop(): Promise<void>;
}

/**
 * Sets up the OpenTelemetry SDK for this process (once: it is global): spans batched to an OTLP/HTTP
 * collector as JSON, at `url` or where the standard OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT says, with
 * its OTEL_EXPORTER_OTLP_HEADERS; W3C trace context and baggage propagated.
 */
export function exportSpans(options: { url?: string; log?: HiveLogger } = {}): SpanExport {
  const processor = new BatchSpanProcessor(new OTLPTraceExporter(options.url ? { url: options.url } : {}));
  openTelemetrySetup({
    log: options.log,
    resource: { serviceName: 'shequ-gateway' },
    contextManager: new AsyncLocalStorageContextManager(),
    // First: the batch processor keeps the span object it is handed and exports it later.
    traces: { processors: [redactSpans, processor] },
  });
  return {
    flush: () => processor.forceFlush(),
    async stop() {
      await processor.shutdown();
      disable();
    },
  };
}

/**
 * Spans leave the hub for a collector run by others; what the plugin records that may identify a
 * person or carry what they sent stays here: the client address (x-forwarded-for), a URL's query
 * string (a GET request's variables) and document texts (a literal may be an ID-card number; the
 * operation's name and hash identify it).
 */
const redactSpans: SpanProcessor = {
  onStart: () => undefined,
  onEnd(span: ReadableSpan) {
    const attributes = span.attributes as Record<string, unknown>;
    delete attributes['http.client_ip'];
    delete attributes['graphql.document'];
    const url = attributes['http.url'];
    if (typeof url === 'string' && url.includes('?')) attributes['http.url'] = url.slice(0, url.indexOf('?'));
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** True when an SDK has registered a tracer provider (here or through NODE_OPTIONS="--import ..."). */
function spansAreExported(): boolean {
  const provider = trace.getTracerProvider();
  const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
  return delegate.constructor.name !== 'NoopTracerProvider';
}
