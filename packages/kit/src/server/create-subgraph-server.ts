import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { gatewayRequestCheck } from '../auth/gateway-request.js';
import type { NonceStore } from '../auth/nonce-store.js';
import type { GraphQLParams } from '../auth/upstream-signature.js';
import { createContext, type SubgraphContext, type SubgraphServices } from '../schema/context.js';
import { maskErrors } from './format-error.js';
import { wsKeepAliveMs } from './keep-alive.js';
import { streamCounter } from './stream-counter.js';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export interface SubgraphServerOptions<DB> {
  name: string;
  schema: GraphQLSchema;
  shared: SubgraphServices<DB>;
  /** Readiness probe: resolves when dependencies (the database) answer. */
  ready: () => Promise<void>;
  /** The secret the gateway signs subgraph requests with; unsigned requests are refused. */
  upstreamSecret: string;
  /** Nonces of the gateway requests already run: each signed request runs once. */
  nonces: NonceStore;
  /** Unsigned GET endpoints of the subgraph's own (see SubgraphDefinition.routes). */
  routes?: HttpRoute[];
}

export interface HttpRoute {
  path: string;
  handle: RequestHandler;
}

interface Verified {
  claims: Record<string, unknown> | null;
}

export interface SubgraphServer {
  httpServer: Server;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

/** Apollo Server 5 + graphql-ws on one port, with health endpoints. Does not listen by itself. */
export async function createSubgraphServer<DB>(options: SubgraphServerOptions<DB>): Promise<SubgraphServer> {
  const { schema, shared } = options;
  const { log } = shared;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const fromTheGateway = gatewayRequestCheck(options.upstreamSecret, options.nonces);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const streams = streamCounter();
  // A subscribe message's nonce is spent in onSubscribe; its context reads the claims kept here.
  const verifiedPayloads = new WeakMap<object, Verified>();
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onOperation: (_ctx, _id, _payload, _args, result) => (isAsyncIterable(result) ? (streams.count(result) as unknown as typeof result) : undefined),
      onSubscribe: async (_ctx, _id, payload) => {
        const check = await fromTheGateway(payload as GraphQLParams);
        if (!check.ok) {
          log.warn({ reason: check.reason }, 'refused a subscription that did not come from the gateway');
          return [new GraphQLError(check.message, { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        verifiedPayloads.set(payload, { claims: check.claims });
        return undefined;
      },
      context: (ctx, _id, payload) => createContext(shared, ctx.extra.request.headers, verifiedPayloads.get(payload)?.claims ?? null),
      onError: (_ctx, _id, _payload, errors) => {
        log.warn({ errors: errors.map((e) => e.message) }, 'subscription error');
      },
    },
    wsServer,
    wsKeepAliveMs,
  );

  const apollo = new ApolloServer<SubgraphContext<DB>>({
    schema,
    formatError: maskErrors(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', subgraph: options.name, subscriptions: streams.open() });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.ready();
      res.json({ status: 'ready', subgraph: options.name });
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', subgraph: options.name });
    }
  });
  for (const route of options.routes ?? []) app.get(route.path, route.handle);
  // Only the gateway may ask: everything but the health endpoints needs its signature.
  const onlyTheGateway: RequestHandler = async (req, res, next) => {
    const check = await fromTheGateway(req.method === 'POST' ? (req.body as GraphQLParams) : null);
    if (!check.ok) {
      log.warn({ reason: check.reason, ip: req.ip }, 'refused a request that did not come from the gateway');
      res.status(401).json({ errors: [{ message: check.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    (res.locals as Verified).claims = check.claims;
    next();
  };
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    onlyTheGateway,
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(shared, req.headers, (res.locals as Verified).claims) }),
  );

  let closed = false;
  return {
    httpServer,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const actual = (httpServer.address() as AddressInfo).port;
          resolve({ url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/graphql`, port: actual });
        });
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const client of wsServer.clients) client.terminate();
      // apollo.stop() drains the http server (and the ws server through drainServer above).
      await apollo.stop();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
