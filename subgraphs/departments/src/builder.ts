import { createBuilder, type SubgraphContext } from '@shequ/kit';
import type { DB } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import { listSizes } from './list-sizes.js';

export const builder = createBuilder<PrismaTypes, DB>(getDatamodel(), listSizes);
builder.mutationType({});
export type Context = SubgraphContext<DB>;
