import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A real Apollo subgraph on a free port, serving HTTP and graphql-ws on the same `/graphql`
 * path, the way the project's subgraphs do. `port` lets a test bring a stopped subgraph back
 * on the address the supergraph already names.
 */
export async function startSubgraph(opts: {
  name: string;
  typeDefs: string;
  // @apollo/subgraph does not export its resolver-map type from the package root.
  resolvers: NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;
  port?: number;
  /** What resolvers receive as context, from the incoming HTTP request (e.g. its headers). */
  context?: (req: http.IncomingMessage) => Record<string, unknown>;
}): Promise<RunningSubgraph> {
  const schema = buildSubgraphSchema({ typeDefs: parse(opts.typeDefs), resolvers: opts.resolvers });
  const app = express();
  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer({ schema }, wsServer);
  const apollo = new ApolloServer({
    schema,
    // Apollo's default outside production: stack traces in error extensions. The gateway
    // must strip them, so the tests keep them on.
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async ({ req }) => opts.context?.(req) ?? {} }));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: opts.name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      for (const client of wsServer.clients) client.terminate();
      await wsCleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      // Drain plugin closes idle keep-alive sockets so the port is really free afterwards.
      await apollo.stop();
    },
  };
}
