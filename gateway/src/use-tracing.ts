// OpenTelemetry spans through @opentelemetry/api: one per operation (a child of the caller's
// `traceparent`, when a propagator is registered) and one per subgraph call, whose context is
// sent to the subgraph. The API alone records nothing: spans are exported once an SDK is
// registered in the process (see the README's "Security" section), so this costs nothing when off.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { context as otelContext, propagation, ProxyTracerProvider, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { getOperationAST } from 'graphql/index.js';
import { isAsyncIterable } from './is-async-iterable.ts';

export function useTracing(): GatewayPlugin {
  const tracer = trace.getTracer('shequ-gateway');
  const operationSpans = new WeakMap<object, Span>();
  const subgraphSpans = new WeakMap<object, Span>();

  const start = (args: ExecutionArgs) => {
    const ast = getOperationAST(args.document, args.operationName);
    const type = ast?.operation ?? 'query';
    const name = ast?.name?.value ?? args.operationName ?? 'anonymous';
    const request = (args.contextValue as { request?: Request }).request;
    const carrier = request ? Object.fromEntries(request.headers) : {};
    const span = tracer.startSpan(
      `graphql.${type} ${name}`,
      { kind: SpanKind.SERVER, attributes: { 'graphql.operation.name': name, 'graphql.operation.type': type } },
      propagation.extract(ROOT_CONTEXT, carrier),
    );
    if (args.contextValue) operationSpans.set(args.contextValue, span);
    return span;
  };
  const finish = (span: Span, result: ExecutionResult | undefined) => {
    if (result?.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: result.errors.map((e) => e.extensions?.code ?? e.message).join(', ') });
    span.end();
  };

  return {
    onExecute({ args }) {
      const span = start(args);
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) finish(span, result);
          else return { onEnd: () => span.end() };
          return undefined;
        },
      };
    },
    onSubscribe({ args }) {
      const span = start(args);
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) finish(span, result);
          else return { onEnd: () => span.end() };
          return undefined;
        },
      };
    },
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const parent = executionRequest.context ? operationSpans.get(executionRequest.context) : undefined;
      const span = tracer.startSpan(
        `subgraph ${subgraphName}`,
        { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': subgraphName } },
        parent ? trace.setSpan(otelContext.active(), parent) : undefined,
      );
      subgraphSpans.set(executionRequest, span);
      return ({ result }) => {
        if (isAsyncIterable(result)) return { onEnd: () => span.end() };
        finish(span, result);
        return undefined;
      };
    },
    onFetch({ executionRequest, options, setOptions }) {
      const span = executionRequest ? subgraphSpans.get(executionRequest) : undefined;
      if (!span) return;
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      propagation.inject(trace.setSpan(ROOT_CONTEXT, span), headers);
      setOptions({ ...options, headers });
    },
  };
}

/** True when spans go somewhere: an SDK has registered a tracer provider. */
export function tracingIsExported(): boolean {
  const provider = trace.getTracerProvider();
  const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
  return delegate.constructor.name !== 'NoopTracerProvider';
}
