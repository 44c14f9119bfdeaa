import { randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getGraphQLWSOptions } from '@graphql-hive/gateway-runtime';
import { requestIdHeader } from '@shequ/kit/schema/context';
import { gatewayConfigOfProcess } from '@shequ/kit/config/gateway';
import { createLogger } from '@shequ/kit/logger';
import { wsKeepAliveMs } from '@shequ/kit/server/keep-alive';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createGateway, type Gateway, type GatewayOptions } from './create-gateway.ts';
import { dashboardSite } from './dashboard-site.ts';
import { batchWrites } from './ws-batched-writes.ts';
import { refusalsAsResults } from './ws-refusals.ts';
import { SECURITY_ERROR_CODES } from './security-plugins.ts';
import { oversizedMessagesAsWarnings } from './ws-oversized-messages.ts';

export interface GatewayServerOptions extends GatewayOptions {
  /** 0 picks a free port. Default: `config.port` (PORT, else 4000). */
  port?: number;
  /** Default: all interfaces. */
  host?: string;
  /** The built web dashboard served at `/`. Default: `config.dashboardDir` (DASHBOARD_DIR, else `<repo>/dashboard/dist`). */
  dashboardDir?: string;
}

export interface GatewayServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (ws:// for the same path works too). */
  url: string;
  port: number;
  gateway: Gateway;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/**
 * Serves the gateway on one port: GraphiQL, HTTP and SSE (the runtime itself), graphql-ws
 * (a `ws` server on the same path), `/healthz`, `/readyz`, `/metrics` (Prometheus), and the web
 * dashboard at `/`.
 */
export async function startGatewayServer(options: GatewayServerOptions = {}): Promise<GatewayServer> {
  const log = options.logger ?? createLogger('gateway');
  const config = options.config ?? gatewayConfigOfProcess();
  const gateway = await createGateway({ ...options, config, logger: log });
  const { runtime } = gateway;
  const site = dashboardSite(options.dashboardDir ?? config.dashboardDir);

  // /healthz, /readyz and /metrics are ours, outside the runtime: through it, every probe and
  // scrape would pass every plugin (counted as a GraphQL response, traced, rate-limited, logged).
  // The runtime's own checks (`/healthcheck`, `/readiness`) are never routed to: ours report more
  // (/healthz the shared streams, which tests and the README read) and /readyz asks the same thing
  // the runtime's readiness check asks, whether the runtime has built its schema from a valid
  // supergraph (Gateway.isReady), with a reason in the body.
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return void reply(res, 200, { status: 'ok', sharedStreams: gateway.sharedStreams.size });
    if (path === '/metrics') return void serveMetrics(gateway, req, res);
    if (path === '/readyz') {
      return void gateway.isReady().then(
        (ready) => reply(res, ready ? 200 : 503, { status: ready ? 'ready' : 'no valid supergraph loaded' }),
        () => reply(res, 503, { status: 'not ready' }),
      );
    }
    if (path !== GRAPHQL_PATH) return void site(req, res, () => reply(res, 404, { error: `not found; GraphQL is at ${GRAPHQL_PATH}` }));
    ensureRequestId(req.headers);
    void runtime.requestListener(req, res);
  });
  // Slow clients (slowloris) must not hold sockets: the whole request within the operation
  // deadline, its headers within 10 s.
  server.requestTimeout = gateway.security.requestTimeoutMs;
  server.headersTimeout = Math.min(10_000, gateway.security.requestTimeoutMs);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A district's screens reconnect all at once after a network blip: room for them in the
      // accept queue (Node's default is 511; the kernel caps it at net.core.somaxconn).
      server.listen(options.port ?? config.port, options.host, 4096, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // e.g. EADDRINUSE: leave nothing running behind the thrown error.
    await gateway.dispose();
    throw error;
  }

  // Attached only once listening: a WebSocketServer re-emits the http server's listen error,
  // which graphql-ws would print as an "internal error" of its own.
  // The body-size limit holds for graphql-ws messages too: ws reads a frame's length first and
  // closes the socket with 1009 (Message Too Big) before buffering one that is larger.
  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: gateway.security.limits.maxBodyBytes });
  // Before graphql-ws's own handler, so that it sends through the batched socket.
  wsServer.on('connection', batchWrites);
  wsServer.on('connection', oversizedMessagesAsWarnings(log, gateway.security.limits.maxBodyBytes));
  const wsHandle = useServer(
    refusalsAsResults(
      getGraphQLWSOptions<Record<string, unknown>, { request: http.IncomingMessage }>(runtime, (ctx) => ({
        req: ctx.extra.request,
        // Plugins (auth) read the upgrade request's headers as they would an HTTP request's.
        request: new runtime.fetchAPI.Request(`http://localhost${ctx.extra.request.url ?? GRAPHQL_PATH}`, {
          headers: toHeaders(ensureRequestId(ctx.extra.request.headers)),
        }),
      })),
      SECURITY_ERROR_CODES,
    ),
    wsServer,
    wsKeepAliveMs,
  );

  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${GRAPHQL_PATH}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    gateway,
    close() {
      closing ??= (async () => {
        // Stop taking connections (and WebSocket upgrades) first.
        const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Subscribers are told the server is going away (1001) instead of seeing a reset; a
        // client that does not answer the close handshake would hold this for ws's 30 s.
        const unanswered = setTimeout(() => {
          for (const client of wsServer.clients) client.terminate();
        }, 1_000);
        await wsHandle.dispose();
        clearTimeout(unanswered);
        // Ends SSE streams and upstream subscriptions; operations still running are aborted
        // with a retryable SHUTTING_DOWN error.
        await gateway.dispose();
        server.closeAllConnections();
        await httpClosed;
      })();
      return closing;
    },
  };
}

/**
 * Request ids are the runtime's (its `requestId`, on by default): it puts the x-request-id in the
 * request's log lines, sends it to every subgraph and back in the response, and makes one up when
 * there is none. Only its taking of the client's header as it is needs this: a header could carry
 * anything into the logs, so one that is not a plain token is replaced with a fresh id first (the
 * runtime's `generateRequestId` is not asked when the header is there).
 */
function ensureRequestId(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  const given = headers[requestIdHeader];
  if (typeof given !== 'string' || !/^[\w-]{1,100}$/.test(given)) headers[requestIdHeader] = randomUUID();
  return headers;
}

function serveMetrics(gateway: Gateway, req: http.IncomingMessage, res: http.ServerResponse): void {
  const { metrics, security } = gateway;
  if (!metrics) {
    reply(res, 404, { error: 'metrics are off (METRICS=false)' });
    return;
  }
  const token = security.metrics.token;
  if (token && !safeEqual(req.headers.authorization ?? '', `Bearer ${token}`)) {
    reply(res, 401, { error: 'metrics need the METRICS_TOKEN bearer token' });
    return;
  }
  metrics.metrics().then(
    (text) => {
      res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
      res.end(text);
    },
    () => reply(res, 500, { error: 'metrics unavailable' }),
  );
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function toHeaders(headers: http.IncomingHttpHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([key, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.map((v): [string, string] => [key, v]) : [[key, value] as [string, string]],
  );
}
