import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { outboxWorkers } from './outbox/worker.js';
import { schema } from './schema.js';
import { seed } from './seed.js';

export const services: SubgraphDefinition<DB> = {
  name: 'services',
  defaultPort: 4004,
  prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
  createClient,
  schema,
  seed,
  // Delivers bad ratings to evaluations' rectification cases until acknowledged.
  workers: outboxWorkers,
};

export default services;
