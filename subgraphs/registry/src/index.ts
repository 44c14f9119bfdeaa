// The schema registry: every subgraph of the federation with its history, checks of proposed
// changes, and the composed supergraph at GET /supergraph.graphql for the gateways to watch. It is
// a subgraph itself, so its API (for district administrators and partner agencies) is asked
// through the gateway like any other.
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { readCoreSubgraphs } from './domain/core.js';
import { startCoreSync, type CoreSyncOptions } from './domain/core-sync.js';
import { schema } from './schema.js';
import { supergraphRoute } from './supergraph-route.js';

/** The registry; `core` says where the core subgraphs come from (default: schema/, read every 2 s). */
export function registrySubgraph(core: CoreSyncOptions = {}): SubgraphDefinition<DB> {
  // schema/ unreadable for a moment (a compose writing it): core sync says so; serve what is recorded.
  const coreNames = () => {
    try {
      return (core.read ?? readCoreSubgraphs)().map((s) => s.name);
    } catch {
      return [];
    }
  };
  return {
    name: 'registry',
    defaultPort: 4006,
    prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
    createClient,
    schema,
    workers: (shared) => [startCoreSync(shared.prisma, shared.log, core)],
    routes: (shared) => [supergraphRoute(shared.prisma, shared.log, coreNames)],
  };
}

export const registry = registrySubgraph();

export default registry;
