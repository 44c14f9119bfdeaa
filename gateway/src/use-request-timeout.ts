// A request that has not started its response within the limit gets a GraphQL error (504,
// REQUEST_TIMEOUT) and its work is aborted. Streams (SSE) that have started run on: their
// response began in time. Each subgraph call of a query or mutation has its own, shorter limit
// (use-subgraph-timeout.ts).
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export const REQUEST_TIMEOUT = 'REQUEST_TIMEOUT';

export function useRequestTimeout(timeoutMs: number): GatewayPlugin {
  return {
    onRequest({ request, requestHandler, setRequestHandler, fetchAPI }) {
      const deadline = new AbortController();
      // Upstream cancellation follows request.signal: timing out aborts the subgraph calls too.
      Object.defineProperty(request, 'signal', { value: AbortSignal.any([request.signal, deadline.signal]), configurable: true });
      const timedOut = () =>
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: `The request took longer than ${timeoutMs} ms`, extensions: { code: REQUEST_TIMEOUT } }] }),
          { status: 504, headers: { 'content-type': 'application/json; charset=utf-8' } },
        );
      setRequestHandler((req, ctx) => {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<Response>((resolve) => {
          timer = setTimeout(() => {
            deadline.abort(new Error('request timeout'));
            resolve(timedOut());
          }, timeoutMs);
        });
        return Promise.race([Promise.resolve(requestHandler(req, ctx)), expired]).finally(() => clearTimeout(timer));
      });
    },
  };
}
