// A new supergraph (a partner publishing, `npm run compose`) must not end every live feed. The
// runtime does not keep subscriptions on the supergraph they started on: it ends them, without a
// word, when that supergraph's transports are disposed (fusion-runtime's graceful reload pins
// requests, "intentionally not" streams). So a stream that ends because the supergraph changed
// is started again on the new one, under the same request and caller, when its document is still
// valid there. A state feed's first message is the current state, so a screen sees no gap (and a
// shared stream keeps its subscribers); an event feed misses only what happened during the switch.
// A subscription the new supergraph no longer serves ends with an error saying so (SCHEMA_RELOAD).
//
// Starting again goes through the whole plugin chain anew (authorization included), so that the
// runtime plans it on the current supergraph's executor; marked, so that this plugin and the
// stream sharing let it through as it is.
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { specifiedRules, validate, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import { GraphQLError } from './graphql-error.ts';
import { isAsyncIterable } from './is-async-iterable.ts';
import { knownOperationTypesRule } from './use-known-operation-types.ts';

const rules: ValidationRule[] = [...specifiedRules, knownOperationTypesRule as ValidationRule];

type Subscribe = (args: ExecutionArgs) => unknown;

/** What of the runtime this needs: its current schema, and its plugin chain. */
export interface ReloadingRuntime {
  getSchema(): GraphQLSchema | Promise<GraphQLSchema>;
  getEnveloped(context?: unknown): { subscribe: Subscribe };
}

const restartMark = Symbol('shequ.subscriptionStartedAgain');

/** A subscription being started again after a reload: plugins that wrap streams leave it alone. */
export const isStartedAgain = (context: unknown): boolean => typeof context === 'object' && context !== null && restartMark in context;

export function useSubscriptionsAcrossReloads(runtime: () => ReloadingRuntime): GatewayPlugin {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      if (isStartedAgain(args.contextValue)) return;
      const subscribe = subscribeFn as Subscribe;
      setSubscribeFn((async (subscribeArgs: ExecutionArgs) => {
        const first = await subscribe(subscribeArgs);
        return isAsyncIterable<ExecutionResult>(first) ? followAcrossReloads(first, subscribeArgs, runtime()) : first;
      }) as typeof subscribeFn);
    },
  };
}

async function* followAcrossReloads(stream: AsyncIterable<ExecutionResult>, args: ExecutionArgs, runtime: ReloadingRuntime): AsyncGenerator<ExecutionResult> {
  let current = args;
  let upstream: AsyncIterable<ExecutionResult> | unknown = stream;
  while (isAsyncIterable<ExecutionResult>(upstream)) {
    yield* upstream;
    if (signalOf(current)?.aborted) return;
    const schema = await runtime.getSchema();
    // Ended on the supergraph that serves now: a real end (a closed campaign's feed completes).
    if (schema === current.schema) return;
    const invalid = validate(schema, current.document, rules);
    if (invalid.length > 0) {
      yield {
        errors: [
          new GraphQLError(`The federation changed and no longer serves this subscription: ${invalid.map((e) => e.message).join('; ')}`, {
            extensions: { code: 'SCHEMA_RELOAD' },
          }),
        ],
      };
      return;
    }
    current = { ...current, schema };
    const contextValue = markedStartedAgain(current.contextValue);
    upstream = await runtime.getEnveloped(contextValue).subscribe({ ...current, contextValue });
  }
  // Subscribing again was refused (e.g. its subgraph is away): the client hears why.
  if (upstream) yield upstream as ExecutionResult;
}

function markedStartedAgain(context: unknown): unknown {
  if (typeof context !== 'object' || context === null) return context;
  return new Proxy(context, {
    get: (target, property) => (property === restartMark ? true : Reflect.get(target, property, target)),
    has: (target, property) => property === restartMark || Reflect.has(target, property),
  });
}

function signalOf(args: ExecutionArgs): AbortSignal | undefined {
  return (args.contextValue as { request?: { signal?: AbortSignal } } | undefined)?.request?.signal;
}
