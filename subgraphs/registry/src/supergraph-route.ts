// GET /supergraph.graphql: what the gateways poll. 503 until every core subgraph has been recorded.
import type { HttpRoute, Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { supergraphServer } from './domain/supergraph.js';

export function supergraphRoute(prisma: DB, log: Logger, coreNames: () => readonly string[]): HttpRoute {
  const supergraph = supergraphServer(prisma, log, coreNames);
  return {
    path: '/supergraph.graphql',
    handle: async (req, res) => {
      const served = await supergraph.current();
      if (!served) {
        res.status(503).type('text/plain').send('no supergraph composed yet');
        return;
      }
      res.setHeader('etag', served.etag);
      res.setHeader('cache-control', 'no-cache');
      if (req.headers['if-none-match'] === served.etag) {
        res.status(304).end();
        return;
      }
      res.type('text/plain').send(served.sdl);
    },
  };
}
