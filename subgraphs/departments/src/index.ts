import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { outboxWorkers } from './outbox/worker.js';
import { schema } from './schema.js';
import { seed } from './seed.js';

export const departments: SubgraphDefinition<DB> = {
  name: 'departments',
  defaultPort: 4003,
  prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
  createClient,
  schema,
  seed,
  // Delivers budget transfers to the committees ledger until acknowledged.
  workers: outboxWorkers,
};

export default departments;
