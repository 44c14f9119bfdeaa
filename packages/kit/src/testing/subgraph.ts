import { randomBytes } from 'node:crypto';
import { claimsExtension, signRequest } from '../auth/upstream-signature.js';
import type { JwtVerification } from '../auth/secrets.js';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher.js';
import type { PrismaLike } from '../database/open-database.js';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../server/subgraph.js';
import { isolatedTarget, type DatabaseKind } from './databases.js';
import { postGraphQL, type GraphQLResponse } from './graphql-client.js';

export type TestSubgraph<DB extends PrismaLike> = RunningSubgraph<DB> & {
  upstreamSecret: string;
  /** Asks the subgraph as the gateway would: signed, with the given caller claims. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, claims?: Record<string, unknown> | null): Promise<GraphQLResponse<T>>;
  dispose(): Promise<void>;
};

/** The data key's cipher of in-process test subgraphs: one random key per test process, never SHEQU_DATA_KEY. */
export const testFieldCipher: FieldCipher = createFieldCipher(randomBytes(32));

/** The extensions the gateway adds to a subgraph request (a new nonce each call). */
export function gatewaySignedExtensions(query: string, variables: Record<string, unknown>, claims: Record<string, unknown> | null, secret: string) {
  return signRequest({ query, variables, extensions: claims ? { [claimsExtension]: { payload: claims } } : {} }, secret);
}

/** A subgraph on a free port over a fresh isolated database, seeded with its demo data. */
export async function startTestSubgraph<DB extends PrismaLike>(
  def: SubgraphDefinition<DB>,
  kind: DatabaseKind = 'pglite',
  options: {
    seed?: boolean;
    upstreamSecret?: string;
    jwt?: JwtVerification;
    gatewayUrl?: () => string | undefined;
    redisUrl?: string;
    /** With `usesDataKey`; default testFieldCipher. */
    fieldCipher?: FieldCipher;
  } = {},
): Promise<TestSubgraph<DB>> {
  const upstreamSecret = options.upstreamSecret ?? randomBytes(32).toString('base64url');
  const running = await startSubgraph(def, {
    target: isolatedTarget(kind, def.name),
    port: 0,
    seed: options.seed ?? true,
    upstreamSecret,
    jwt: options.jwt ?? { kind: 'secret', secret: randomBytes(32).toString('base64url'), issuer: 'shequ', audience: 'shequ' },
    gatewayUrl: options.gatewayUrl ?? (() => undefined),
    redisUrl: options.redisUrl,
    ...(def.usesDataKey ? { fieldCipher: options.fieldCipher ?? testFieldCipher } : {}),
  });
  return {
    ...running,
    upstreamSecret,
    query: (query, variables = {}, claims = null) =>
      postGraphQL(running.url, query, variables, {}, gatewaySignedExtensions(query, variables, claims, upstreamSecret)),
    dispose: async () => {
      await running.close();
      await running.db.drop();
    },
  };
}
