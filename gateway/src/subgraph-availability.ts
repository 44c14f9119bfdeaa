import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@shequ/kit/logger';
import type { ExecutionResult, GraphQLError as GraphQLErrorType } from 'graphql';
import { GraphQLError } from './graphql-error.ts';
import { isAsyncIterable } from './is-async-iterable.ts';

// From the hook's own payload, so no direct dependency on @graphql-tools/utils is needed.
type SubgraphExecutePayload = Parameters<NonNullable<GatewayPlugin['onSubgraphExecute']>>[0];
type Executor = SubgraphExecutePayload['executor'];
type ExecutionRequest = SubgraphExecutePayload['executionRequest'];

const WARN_INTERVAL_MS = 5_000;

/**
 * Codes the HTTP executor puts on errors it made itself because no GraphQL answer came back:
 * the request failed (refused, reset, DNS), the body was not GraphQL (a proxy's 502 page),
 * or the upstream timed out.
 */
const TRANSPORT_FAILURE_CODES = new Set(['SUBREQUEST_HTTP_ERROR', 'RESPONSE_VALIDATION_FAILED', 'TIMEOUT_ERROR']);

/** The error clients get for a subgraph that cannot be reached (`SUBGRAPH_UNAVAILABLE` in @shequ/kit/errors). */
export function subgraphUnavailable(subgraph: string): GraphQLErrorType {
  return new GraphQLError(`Subgraph "${subgraph}" is unavailable`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph } });
}

/**
 * Turns "could not reach subgraph X" into one clear, client-visible SUBGRAPH_UNAVAILABLE
 * error naming X, so partial data comes with an honest reason instead of the runtime's
 * masked "Unexpected error.". The underlying cause goes to the log only.
 */
export function useSubgraphAvailability(log: Logger): GatewayPlugin {
  // An outage fails every request touching the subgraph: one warning per subgraph per
  // interval, with a count, keeps the log readable.
  const lastWarned = new Map<string, { at: number; suppressed: number }>();
  function warnUnavailable(subgraph: string, cause: unknown): void {
    const now = Date.now();
    const state = lastWarned.get(subgraph);
    if (state && now - state.at < WARN_INTERVAL_MS) {
      state.suppressed++;
      return;
    }
    log.warn({ subgraph, cause, alsoFailedSinceLastWarning: state?.suppressed ?? 0 }, 'subgraph unavailable');
    lastWarned.set(subgraph, { at: now, suppressed: 0 });
  }

  function translate(subgraph: string, result: ExecutionResult): ExecutionResult | undefined {
    const errors = result.errors ?? [];
    const failures = errors.filter(isTransportFailure);
    if (failures.length === 0) return undefined;
    warnUnavailable(
      subgraph,
      failures.map((e) => e.message),
    );
    const others = errors.filter((e) => !isTransportFailure(e));
    return { ...result, errors: [subgraphUnavailable(subgraph), ...others] };
  }

  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      // The graphql-ws transport does not return an errors result when the subgraph's socket
      // fails: it throws, and lazily, from the subscription's iterator. Catch both.
      const unavailable = (error: unknown): ExecutionResult => {
        warnUnavailable(subgraphName, describe(error));
        return { errors: [subgraphUnavailable(subgraphName)] };
      };
      const guarded = async (request: ExecutionRequest) => {
        try {
          const result = await executor(request);
          return isAsyncIterable<ExecutionResult>(result) ? guardIterable(result, unavailable) : result;
        } catch (error) {
          if (!isConnectionError(error)) throw error;
          return unavailable(error);
        }
      };
      setExecutor(guarded as Executor);
      return ({ result, setResult }) => {
        if (isAsyncIterable(result)) {
          return {
            onNext({ result: next, setResult: setNext }) {
              const translated = translate(subgraphName, next);
              if (translated) setNext(translated);
            },
          };
        }
        const translated = translate(subgraphName, result);
        if (translated) setResult(translated);
        return undefined;
      };
    },
  };
}

/**
 * Ends a stream with one SUBGRAPH_UNAVAILABLE result when its connection fails. A plain
 * iterator rather than an async generator: a generator's return() waits for the pending
 * next(), so an unsubscribing client would hold the upstream subscription until its next event.
 */
function guardIterable(iterable: AsyncIterable<ExecutionResult>, onConnectionError: (error: unknown) => ExecutionResult): AsyncIterable<ExecutionResult> {
  return {
    [Symbol.asyncIterator]() {
      const inner = iterable[Symbol.asyncIterator]();
      let failed = false;
      return {
        async next() {
          if (failed) return { done: true, value: undefined };
          try {
            return await inner.next();
          } catch (error) {
            if (!isConnectionError(error)) throw error;
            failed = true;
            return { done: false, value: onConnectionError(error) };
          }
        },
        return: async (value?: unknown) => (await inner.return?.(value)) ?? { done: true, value: undefined },
        throw: async (error?: unknown) => (inner.throw ? inner.throw(error) : Promise.reject(error)),
      };
    },
  };
}

function isTransportFailure(error: GraphQLErrorType): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && TRANSPORT_FAILURE_CODES.has(code);
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);
/** Going away, abnormal closure, server error, restart, try again later, bad gateway. Not graphql-ws's 44xx protocol codes. */
const UNAVAILABLE_CLOSE_CODES = new Set([1001, 1006, 1011, 1012, 1013, 1014]);

/** Socket-level failures: Node errors, and the ws ErrorEvent / CloseEvent graphql-ws rejects with. */
function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; cause?: unknown; type?: unknown; error?: unknown };
    if (typeof candidate.code === 'string' && CONNECTION_CODES.has(candidate.code)) return true;
    if (candidate.type === 'close' && typeof candidate.code === 'number') return UNAVAILABLE_CLOSE_CODES.has(candidate.code);
    if (candidate.type === 'error') return true;
    e = candidate.cause ?? candidate.error;
  }
  return false;
}

/** Errors, ws ErrorEvents (message) and CloseEvents (code, reason) alike. */
function describe(error: unknown): string {
  const e = error as { message?: unknown; type?: unknown; code?: unknown; reason?: unknown } | undefined;
  if (typeof e?.message === 'string' && e.message) return e.message;
  return [e?.type ?? 'error', e?.code, e?.reason].filter((part) => part !== undefined && part !== '').join(' ');
}
