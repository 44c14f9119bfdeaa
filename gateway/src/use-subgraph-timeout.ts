// Each subgraph call of a query or mutation gets a deadline (GATEWAY_TIMEOUT when it passes); a
// subscription's upstream stream has none: it lasts as long as its client holds it.
//
// This is the runtime's own `useUpstreamTimeout`, placed with care rather than set through the
// runtime's `upstreamTimeout` option, because with that option (gateway-runtime 2.12.1):
// - subscriptions get the deadline too, and are completed when it passes;
// - the deadline is raced only against executors that answer with a promise. An executor that
//   answers at once — the graphql-ws executor with a subscription's iterator, the HTTP executor for
//   a request whose client has already gone (it answers an aborted signal synchronously) — leaves
//   the deadline's promise unhandled, and when it fires the process dies (unhandled rejection).
//   One anonymous subscriber, or one browser tab closed mid-request, took the whole hub down.
// So the deadline is given to queries and mutations only, and the executor beneath it always
// answers with a promise.
import { useUpstreamTimeout, type GatewayPlugin } from '@graphql-hive/gateway-runtime';

type SubgraphExecutePayload = Parameters<NonNullable<GatewayPlugin['onSubgraphExecute']>>[0];
type Executor = SubgraphExecutePayload['executor'];

/** Must come before other plugins that replace the executor: the first replacement is the innermost. */
export function useSubgraphTimeout(timeoutMs: number): GatewayPlugin[] {
  const alwaysAPromise: GatewayPlugin = {
    onSubgraphExecute({ executor, setExecutor }) {
      const answered: Executor = (request) => {
        try {
          return Promise.resolve(executor(request));
        } catch (error) {
          return Promise.reject(error);
        }
      };
      setExecutor(answered);
    },
  };
  const deadline = useUpstreamTimeout(({ executionRequest }) => (executionRequest?.operationType === 'subscription' ? undefined : timeoutMs)) as GatewayPlugin;
  return [alwaysAPromise, deadline];
}
