// Tracing through @graphql-hive/plugin-opentelemetry: spans for the HTTP request (a child of the
// caller's `traceparent`), the operation, its phases, each subgraph call and its upstream fetch,
// whose context goes to the subgraph in `traceparent`. Off (SHEQU_TRACING), the plugin is not
// installed and no SDK is set up: nothing runs per request, and the packages are not even loaded
// (imported when needed: the plugin and the SDK take ~0.2 s of start-up to load).
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger as HiveLogger } from '@graphql-hive/logger';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The tracing plugin for the runtime's plugin factory, loaded now if tracing is on. */
export async function tracingPlugins(enabled: boolean): Promise<(context: GatewayConfigContext) => GatewayPlugin[]> {
  if (!enabled) return () => [];
  const [{ useOpenTelemetry }, { ProxyTracerProvider, trace }] = await Promise.all([
    import('@graphql-hive/plugin-opentelemetry'),
    import('@graphql-hive/plugin-opentelemetry/api'),
  ]);
  const provider = trace.getTracerProvider();
  const registered = (provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider).constructor.name !== 'NoopTracerProvider';
  return (context) => {
    if (!registered) {
      context.log.warn(
        'tracing is on but no OpenTelemetry SDK is registered in this process: spans are dropped (set OTEL_EXPORTER_OTLP_ENDPOINT, see README "Observability")',
      );
    }
    return [useOpenTelemetry({ ...context, traces: true })];
  };
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
export async function exportSpans(options: { url?: string; log?: HiveLogger } = {}): Promise<SpanExport> {
  const [{ disable, openTelemetrySetup }, { AsyncLocalStorageContextManager }, { OTLPTraceExporter }, { BatchSpanProcessor }] = await Promise.all([
    import('@graphql-hive/plugin-opentelemetry/setup'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
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
