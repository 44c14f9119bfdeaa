import { createBuilder, type SubgraphContext } from '@shequ/kit';
import type { DB } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import { listSizes } from './list-sizes.js';

/** The largest single contribution accepted: 10^11 fen, one billion yuan. */
export const maxContributionFen = 100_000_000_000n;

// Contributions reach 10^11 fen and totals more, past GraphQL's 32-bit Int: money is the kit's `Fen`.
export const builder = createBuilder<PrismaTypes, DB>(getDatamodel(), listSizes);
export type Context = SubgraphContext<DB>;

builder.mutationType({});
