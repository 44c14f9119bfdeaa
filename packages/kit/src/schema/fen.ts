import { Kind, type ValueNode } from 'graphql';
import { badInput } from '../errors.js';

/**
 * `Fen`, the one money type of every subgraph: an amount in fen (分, 1/100 yuan) as a JSON
 * integer, exact up to Number.MAX_SAFE_INTEGER (2^53 − 1, about 90 trillion yuan), where GraphQL's
 * 32-bit `Int` stops at 2^31 − 1 fen (¥21.47 million, less than a district's yearly total).
 *
 * Input is never negative: every amount a caller sends (a budget, a price, a donation, a
 * ledger entry whose direction its mutation or category names) is 0 or more, and each field
 * still checks its own bounds. Output may be negative where the field says so (a ledger
 * entry's signed amount). The same definition is registered in every subgraph, so the
 * supergraph composes one scalar.
 */
export const fenDescription =
  'An amount of money in fen (1/100 yuan), a JSON integer exact up to 2^53 − 1; never negative on input; ' +
  'a field says when its value is signed. 金额，单位为分（1/100 元），JSON 整数，精确至 2^53 − 1；输入不得为负，带符号的字段另行说明。';

export function parseFen(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badInput('Fen must be a whole number of fen (分) within ±(2^53 − 1)');
  }
  if (value < 0) throw badInput('Fen must not be negative on input; the mutation says which way money goes');
  return value;
}

function serializeFen(value: unknown): number {
  const n =
    typeof value === 'bigint' ? (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : Number.NaN) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new TypeError(`Fen cannot represent ${String(value)} exactly`);
  return n;
}

function parseFenLiteral(ast: ValueNode): number {
  // Number('1e3') would accept a float literal; only an INT literal is a Fen.
  return parseFen(ast.kind === Kind.INT ? Number(ast.value) : null);
}

export const fenScalar = {
  description: fenDescription,
  serialize: serializeFen,
  parseValue: parseFen,
  parseLiteral: parseFenLiteral,
};
