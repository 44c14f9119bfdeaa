// A minimal in-memory OpenTelemetry tracer and W3C propagator, registered through the API the way
// an SDK would be, so tests can see the gateway's spans without an SDK installed.
import { randomBytes } from 'node:crypto';
import {
  propagation,
  trace,
  type Context,
  type Span,
  type SpanContext,
  type SpanOptions,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';

export interface RecordedSpan {
  name: string;
  kind: number | undefined;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
  status: { code: number; message?: string } | undefined;
  ended: boolean;
}

export function installTestTracing(): { spans: RecordedSpan[]; uninstall(): void } {
  const spans: RecordedSpan[] = [];
  const tracer: Tracer = {
    startSpan(name: string, options: SpanOptions = {}, context?: Context): Span {
      const parent = context ? trace.getSpanContext(context) : undefined;
      const spanContext: SpanContext = { traceId: parent?.traceId ?? randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), traceFlags: 1 };
      const recorded: RecordedSpan = { name, kind: options.kind, traceId: spanContext.traceId, spanId: spanContext.spanId, parentSpanId: parent?.spanId, attributes: { ...options.attributes }, status: undefined, ended: false };
      spans.push(recorded);
      const span: Span = {
        spanContext: () => spanContext,
        setAttribute: (key, value) => ((recorded.attributes[key] = value), span),
        setAttributes: (attributes) => (Object.assign(recorded.attributes, attributes), span),
        addEvent: () => span,
        addLink: () => span,
        addLinks: () => span,
        setStatus: (status) => ((recorded.status = status), span),
        updateName: (n) => ((recorded.name = n), span),
        end: () => void (recorded.ended = true),
        isRecording: () => !recorded.ended,
        recordException: () => undefined,
      };
      return span;
    },
    startActiveSpan: (() => {
      throw new Error('not used by the gateway');
    }) as Tracer['startActiveSpan'],
  };
  class TestTracerProvider implements TracerProvider {
    getTracer(): Tracer {
      return tracer;
    }
  }
  const propagator: TextMapPropagator = {
    inject(context: Context, carrier: unknown, setter: TextMapSetter) {
      const sc = trace.getSpanContext(context);
      if (sc) setter.set(carrier, 'traceparent', `00-${sc.traceId}-${sc.spanId}-01`);
    },
    extract(context: Context, carrier: unknown, getter: TextMapGetter) {
      const header = getter.get(carrier, 'traceparent');
      const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
      return match ? trace.setSpanContext(context, { traceId: match[1]!, spanId: match[2]!, traceFlags: 1, isRemote: true }) : context;
    },
    fields: () => ['traceparent'],
  };
  trace.setGlobalTracerProvider(new TestTracerProvider());
  propagation.setGlobalPropagator(propagator);
  return {
    spans,
    uninstall() {
      trace.disable();
      propagation.disable();
    },
  };
}
