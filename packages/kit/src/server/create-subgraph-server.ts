import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import { createContext, type SubgraphContext } from '../schema/context.js';
import { maskErrors } from './format-error.js';

export interface SubgraphServerOptions<DB> {
  name: string;
  schema: GraphQLSchema;
  prisma: DB;
  log: Logger;
  /** Readiness probe: resolves when dependencies (the database) answer. */
  ready: () => Promise<void>;
  /** Runs before /graphql (HTTP) — e.g. verifying that the gateway signed the request. */
  guard?: RequestHandler;
}

export interface SubgraphServer {
  httpServer: Server;
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

/** Apollo Server 5 + graphql-ws on one port, with health endpoints. Does not listen by itself. */
export async function createSubgraphServer<DB>(options: SubgraphServerOptions<DB>): Promise<SubgraphServer> {
  const { schema, prisma, log } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { ctx?: SubgraphContext<DB> }>(
    {
      schema,
      context: (ctx) => createContext(prisma, log, ctx.extra.request.headers),
      onError: (_ctx, _id, _payload, errors) => {
        log.warn({ errors: errors.map((e) => e.message) }, 'subscription error');
      },
    },
    wsServer,
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
    res.json({ status: 'ok', subgraph: options.name });
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
  const guard: RequestHandler = options.guard ?? ((_req, _res, next) => next());
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    guard,
    expressMiddleware(apollo, { context: async ({ req }) => createContext(prisma, log, req.headers) }),
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
