import type { PrismaLike } from '../database/open-database.js';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../server/subgraph.js';
import { isolatedTarget, type DatabaseKind } from './databases.js';

export type TestSubgraph<DB extends PrismaLike> = RunningSubgraph<DB> & { dispose(): Promise<void> };

/** A subgraph on a free port over a fresh isolated database, seeded with its demo data. */
export async function startTestSubgraph<DB extends PrismaLike>(
  def: SubgraphDefinition<DB>,
  kind: DatabaseKind = 'pglite',
  options: { seed?: boolean } = {},
): Promise<TestSubgraph<DB>> {
  const running = await startSubgraph(def, { target: isolatedTarget(kind, def.name), port: 0, seed: options.seed ?? true });
  return {
    ...running,
    dispose: async () => {
      await running.stopServer();
      await running.db.drop();
    },
  };
}
