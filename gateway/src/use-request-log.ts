// One structured line per operation: name, type, caller's role, duration and error codes. It goes
// through the request's logger, which the runtime has tagged with the request id (x-request-id,
// also sent to every subgraph and back to the client). Never variables or subjects: personal data.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { callerFromClaims } from '@shequ/kit/auth/caller';
import { claimsExtension } from '@shequ/kit/auth/upstream-signature';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { getOperationAST } from 'graphql/index.js';
import { isAsyncIterable } from './is-async-iterable.ts';

interface RequestContext {
  log?: { info(attrs: Record<string, unknown>, message: string): void };
  [claimsExtension]?: { payload?: Record<string, unknown> };
}

export function useRequestLog(): GatewayPlugin {
  const started = (args: ExecutionArgs) => {
    const ast = getOperationAST(args.document, args.operationName);
    const context = args.contextValue as RequestContext;
    const startedAt = performance.now();
    return (result: ExecutionResult | undefined, streaming = false) => {
      const errors = result?.errors?.map((e) => e.extensions?.code ?? 'UNCODED');
      context.log?.info(
        {
          operation: ast?.name?.value ?? args.operationName ?? null,
          type: ast?.operation ?? null,
          role: callerFromClaims(context[claimsExtension]?.payload).role,
          durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
          ...(streaming ? { streaming } : {}),
          ...(errors?.length ? { errors } : {}),
        },
        'graphql operation',
      );
    };
  };
  return {
    onExecute({ args }) {
      const done = started(args);
      return { onExecuteDone: ({ result }) => done(isAsyncIterable(result) ? undefined : result, isAsyncIterable(result)) };
    },
    onSubscribe({ args }) {
      const done = started(args);
      return { onSubscribeResult: ({ result }) => done(isAsyncIterable(result) ? undefined : result, isAsyncIterable(result)) };
    },
  };
}
