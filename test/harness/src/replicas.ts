// Scale-out in one test process: a second instance of one of a federation's subgraphs over the
// same database (PostgreSQL: an in-memory PGlite cannot be shared), and a second gateway that
// routes that subgraph to the new instance and the others to the federation's own. With a Redis
// URL on both sides, events published by one instance reach subscribers of the other.
import { startGatewayServer, type GatewayServer } from '@shequ/gateway';
import { issueToken, startSubgraph, type PrismaLike, type RunningSubgraph, type SubgraphDefinition, type TokenClaims } from '@shequ/kit';
import { postGraphQL, type GraphQLResponse } from '@shequ/kit/testing';
import type { TestFederation } from './federation.js';

export interface Replica<DB extends PrismaLike = PrismaLike> {
  /** The second instance of the subgraph. */
  subgraph: RunningSubgraph<DB>;
  /** The second gateway: this subgraph from the replica, every other one from the federation. */
  gateway: GatewayServer;
  url: string;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: TokenClaims | null): Promise<GraphQLResponse<T>>;
  /** Stops the gateway and the replica; the shared database stays (the federation owns it). */
  close(): Promise<void>;
}

export async function startReplica<DB extends PrismaLike>(
  hub: TestFederation,
  def: SubgraphDefinition<DB>,
  options: { redisUrl?: string } = {},
): Promise<Replica<DB>> {
  const first = hub.subgraphs[def.name];
  if (!first) throw new Error(`the federation has no subgraph "${def.name}"`);
  if (first.db.target.kind !== 'postgres') throw new Error('a replica shares its database: start the federation with database: "postgres"');
  let gatewayUrl: string | undefined;
  const subgraph = await startSubgraph(def, {
    target: first.db.target,
    port: 0,
    seed: false,
    upstreamSecret: hub.secrets.upstreamSecret,
    jwt: hub.secrets.jwt,
    gatewayUrl: () => gatewayUrl,
    redisUrl: options.redisUrl,
    // The same data key as the first: both read and write the same sealed fields.
    ...(first.shared.fieldCipher ? { fieldCipher: first.shared.fieldCipher } : {}),
  });
  let gateway: GatewayServer;
  try {
    gateway = await startGatewayServer({
      supergraph: hub.supergraphPath,
      subgraphUrls: { [def.name]: subgraph.url },
      port: 0,
      host: '127.0.0.1',
      pollIntervalMs: 200,
      identity: hub.secrets,
    });
  } catch (err) {
    await subgraph.close();
    throw err;
  }
  gatewayUrl = gateway.url;
  const jwt = hub.secrets.jwt;
  const token = (claims: TokenClaims) => issueToken(claims, jwt.kind === 'secret' ? jwt.secret : '');
  return {
    subgraph,
    gateway,
    url: gateway.url,
    query: async (query, variables, as) => postGraphQL(gateway.url, query, variables, as ? { authorization: `Bearer ${await token(as)}` } : {}),
    close: async () => {
      await gateway.close();
      // close() also closes the pool; the schema itself is the federation's to drop.
      await subgraph.close();
    },
  };
}
