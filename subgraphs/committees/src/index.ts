import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@shequ/kit';
import { createClient, type DB } from './db.js';
import { personalDataCipher } from './residents/cipher.js';
import { schema } from './schema.js';
import { seed } from './seed.js';

export const committees: SubgraphDefinition<DB> = {
  name: 'committees',
  defaultPort: 4002,
  prismaDir: fileURLToPath(new URL('../prisma', import.meta.url)),
  createClient: (adapter) => {
    // The data key is loaded when the database opens, so that a production process without
    // SHEQU_DATA_KEY refuses to start instead of failing at its first resident.
    personalDataCipher();
    return createClient(adapter);
  },
  schema,
  seed,
};

export default committees;
