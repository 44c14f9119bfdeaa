import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { schema } from './schema.js';
import { seed } from './seed.js';

export const committees: SubgraphDefinition<DB> = {
  name: 'committees',
  defaultPort: 4002,
  prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
  createClient,
  // ID-card numbers are sealed with the data key: runSubgraph reads SHEQU_DATA_KEY at start (a
  // production process without it stops there with one line), not at the first resident.
  usesDataKey: true,
  schema,
  seed,
};

export default committees;
