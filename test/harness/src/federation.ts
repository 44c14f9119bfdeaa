// The whole federation in one test process: every subgraph on a free port over a fresh isolated
// database, and the gateway in front of a supergraph composed for those ports, with its own keys.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph, startGatewayServer, type GatewayServer, type GatewayServerOptions } from '@shequ/gateway';
import { issueToken, type HubSecrets, type PrismaLike, type SubgraphDefinition, type TokenClaims } from '@shequ/kit';
import { postGraphQL, startTestSubgraph, type DatabaseKind, type GraphQLResponse, type TestSubgraph } from '@shequ/kit/testing';

export interface TestFederation {
  /** The gateway's /graphql URL. */
  url: string;
  gateway: GatewayServer;
  subgraphs: Record<string, TestSubgraph<PrismaLike>>;
  /** The supergraph file the gateway watches; rewrite it to test hot reload. */
  supergraphPath: string;
  secrets: Pick<HubSecrets, 'jwt' | 'upstreamSecret'>;
  /** A token the gateway accepts. */
  token(claims: TokenClaims): Promise<string>;
  /** Asks through the gateway, anonymously or as the given caller. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: TokenClaims | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface TestFederationOptions {
  subgraphs: SubgraphDefinition<any>[];
  database?: DatabaseKind;
  /** Route subscription events through Redis (else in-process). */
  redisUrl?: string;
  seed?: boolean;
  gateway?: Omit<GatewayServerOptions, 'supergraph' | 'supergraphFallback' | 'port' | 'identity'>;
  /**
   * The URL the gateway watches for its supergraph (a registry's), once every subgraph serves;
   * the supergraph composed here is served until it answers. Default: only the composed file.
   */
  watchSupergraph?: (subgraphs: Record<string, TestSubgraph<PrismaLike>>) => string;
}

export async function startTestFederation(options: TestFederationOptions): Promise<TestFederation> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shequ-federation-'));
  const jwtSecret = randomBytes(32).toString('base64url');
  const secrets: TestFederation['secrets'] = {
    jwt: { kind: 'secret', secret: jwtSecret, issuer: 'shequ', audience: 'shequ' },
    upstreamSecret: randomBytes(32).toString('base64url'),
  };
  const started: TestSubgraph<PrismaLike>[] = [];
  let gatewayUrl: string | undefined;
  try {
    for (const def of options.subgraphs) {
      started.push(
        await startTestSubgraph(def, options.database ?? 'pglite', {
          seed: options.seed ?? true,
          upstreamSecret: secrets.upstreamSecret,
          jwt: secrets.jwt,
          gatewayUrl: () => gatewayUrl,
          redisUrl: options.redisUrl,
        }),
      );
    }
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    const sdl = composeSupergraph(options.subgraphs.map((def, i) => ({ name: def.name, url: started[i]!.url, sdl: printSubgraphSchema(def.schema) })));
    await writeFile(supergraphPath, sdl);
    const watched = options.watchSupergraph?.(Object.fromEntries(started.map((s) => [s.name, s])));
    const gateway = await startGatewayServer({
      ...options.gateway,
      supergraph: watched ?? supergraphPath,
      supergraphFallback: watched ? supergraphPath : undefined,
      port: 0,
      host: '127.0.0.1',
      pollIntervalMs: 200,
      identity: secrets,
    });
    gatewayUrl = gateway.url;
    const token = (claims: TokenClaims) => issueToken(claims, jwtSecret);
    return {
      url: gateway.url,
      gateway,
      subgraphs: Object.fromEntries(started.map((s) => [s.name, s])),
      supergraphPath,
      secrets,
      token,
      query: async (query, variables, as) => postGraphQL(gateway.url, query, variables, as ? { authorization: `Bearer ${await token(as)}` } : {}),
      close: async () => {
        await gateway.close();
        await Promise.all(started.map((s) => s.dispose()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.dispose()));
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
