import { badInput, createBuilder, type BuilderTypes, type SubgraphContext } from '@shequ/kit';
import { Kind } from 'graphql';
import type { DB } from './db.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import { listSizes } from './list-sizes.js';

/** The largest single contribution accepted: 10^11 fen, one billion yuan. */
export const maxContributionFen = 100_000_000_000n;

// Contributions reach 10^11 fen and totals more, past GraphQL's 32-bit Int; this subgraph adds
// a `Fen` scalar (a JSON integer, exact up to 2^53) without changing the kit's shared builder.
type PartyTypes = Omit<BuilderTypes<PrismaTypes, DB>, 'Scalars'> & {
  Scalars: BuilderTypes<PrismaTypes, DB>['Scalars'] & { Fen: { Input: bigint; Output: bigint } };
};

export const builder = createBuilder<PrismaTypes, DB>(getDatamodel(), listSizes) as unknown as PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<PartyTypes>
>;
export type Context = SubgraphContext<DB>;

function parseFen(value: unknown): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw badInput('Fen must be a whole number of fen (分)');
  return BigInt(value);
}

builder.scalarType('Fen', {
  description: 'An amount of money in fen (分, 1/100 yuan), as a JSON integer',
  serialize: (value) => Number(value),
  parseValue: parseFen,
  parseLiteral: (ast) => parseFen(ast.kind === Kind.INT ? Number(ast.value) : null),
});

builder.mutationType({});
