import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { schema } from './schema.js';
import { seed } from './seed.js';

export const evaluations: SubgraphDefinition<DB> = {
  name: 'evaluations',
  defaultPort: 4005,
  prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
  createClient,
  // Ballot links are keyed with the data key (domain/ballot-key.ts), read once at start.
  usesDataKey: true,
  schema,
  seed,
};

export default evaluations;
