import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { outboxWorkers } from './outbox/worker.js';
import { schema } from './schema.js';
import { seed } from './seed.js';

export const party: SubgraphDefinition<DB> = {
  name: 'party',
  defaultPort: 4001,
  prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
  createClient,
  schema,
  seed,
  // Delivers money contributions to the committees ledger as donations until acknowledged.
  workers: outboxWorkers,
};

export default party;
