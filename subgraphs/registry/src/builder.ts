import { createBuilder, type SubgraphContext } from '@shequ/kit';
import type { DB } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';

export const builder = createBuilder<PrismaTypes, DB>(getDatamodel());
export type Context = SubgraphContext<DB>;
builder.mutationType({});
