// The cost limit at its defaults against subgraphs that do not size their lists, shaped like the
// federation conformance suites' (Apollo's subgraph compatibility, The Guild's gateway audit):
// several levels of nested lists of small entities, inside one subgraph and across two. They
// used to be refused (8,420–32,840 against 5,000 at an assumed 20 items a list); a list that
// does not say its size is now assumed to hold 10, so they pass, while an operation costing far
// more is still refused with OPERATION_LIMIT_EXCEEDED.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeSupergraph } from '@shequ/kit/federation/supergraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayServer, type GatewayServer } from '../src/server.ts';
import { startSubgraph, type RunningSubgraph } from './helpers/subgraph.ts';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

// Nullable lists: the runtime assumes a default size only for those (a `[T!]!` counts one item).
const productsSdl = /* GraphQL */ `
  ${link}
  type Product @key(fields: "id") { id: ID! name: String variants: [Variant] }
  type Variant { id: ID! options: [VariantOption] }
  type VariantOption { id: ID! values: [OptionValue] }
  type OptionValue { id: ID! label: String }
  type Query { products: [Product] }
`;
const reviewsSdl = /* GraphQL */ `
  ${link}
  type Product @key(fields: "id") { id: ID! reviews: [Review] }
  type Review { id: ID! author: User comments: [Comment] }
  type Comment { id: ID! body: String }
  type User @key(fields: "id") { id: ID! reviews: [Review] }
`;

const products = ['p1', 'p2', 'p3'].map((id) => ({ id, name: `Product ${id}` }));
const nested = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

let hub: { gateway: GatewayServer; subgraphs: RunningSubgraph[]; dir: string };

beforeAll(async () => {
  const productsSubgraph = await startSubgraph({
    name: 'products',
    typeDefs: productsSdl,
    resolvers: {
      Query: { products: () => products },
      Product: {
        __resolveReference: (ref: { id: string }) => products.find((p) => p.id === ref.id),
        variants: (p: { id: string }) => nested(2, (i) => ({ id: `${p.id}-v${i}` })),
      },
      Variant: { options: (v: { id: string }) => nested(2, (i) => ({ id: `${v.id}-o${i}` })) },
      VariantOption: { values: (o: { id: string }) => nested(3, (i) => ({ id: `${o.id}-x${i}`, label: `value ${i}` })) },
    },
  });
  const reviewsSubgraph = await startSubgraph({
    name: 'reviews',
    typeDefs: reviewsSdl,
    resolvers: {
      Product: {
        __resolveReference: (ref: { id: string }) => ref,
        reviews: (p: { id: string }) => nested(2, (i) => ({ id: `${p.id}-r${i}`, author: { id: `u${i}` } })),
      },
      Review: { comments: (r: { id: string }) => nested(2, (i) => ({ id: `${r.id}-c${i}`, body: 'ok' })) },
      User: {
        __resolveReference: (ref: { id: string }) => ref,
        reviews: (u: { id: string }) => nested(2, (i) => ({ id: `${u.id}-r${i}`, author: u })),
      },
    },
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'shequ-cost-'));
  const file = path.join(dir, 'supergraph.graphql');
  await writeFile(
    file,
    composeSupergraph([
      { name: 'products', url: productsSubgraph.url, sdl: productsSdl },
      { name: 'reviews', url: reviewsSubgraph.url, sdl: reviewsSdl },
    ]),
  );
  // The environment's defaults (GRAPHQL_MAX_COST 5000, GRAPHQL_DEFAULT_LIST_SIZE 10); rate limits aside.
  const gateway = await startGatewayServer({ port: 0, host: '127.0.0.1', supergraph: file, security: { rateLimit: { perMinute: 0 } } });
  hub = { gateway, subgraphs: [productsSubgraph, reviewsSubgraph], dir };
});
afterAll(async () => {
  await hub?.gateway.close();
  await Promise.all(hub?.subgraphs.map((s) => s.close()) ?? []);
  if (hub) await rm(hub.dir, { recursive: true, force: true });
});

async function ask(query: string) {
  const res = await fetch(hub.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

describe('nested lists of small entities at the default limits', () => {
  it('answers three levels of nested lists in one subgraph, and five across two', async () => {
    // 10 + 100 + 1,000 in one subgraph (8,420 before, refused).
    const threeLevels = await ask('{ products { variants { options { id } } } }');
    expect(threeLevels.errors).toBeUndefined();
    expect(threeLevels.data.products[0].variants[1].options.map((o: { id: string }) => o.id)).toEqual(['p1-v1-o0', 'p1-v1-o1']);

    // Two branches of nested lists, one of them five deep, crossing into the other subgraph and back.
    const branches = await ask(`{
      products {
        name
        variants { options { id } }
        reviews { comments { body } author { reviews { comments { id } } } }
      }
    }`);
    expect(branches.errors).toBeUndefined();
    expect(branches.status).toBe(200);
    expect(branches.data.products).toHaveLength(3);
    expect(branches.data.products[2].variants[0].options).toHaveLength(2);
    expect(branches.data.products[0].reviews[1].author.reviews[0].comments).toHaveLength(2);
  });

  it('still refuses an operation costing over 10,000, the whole answer with it', async () => {
    // Four nested lists in one subgraph: 10 + 100 + 1,000 + 10,000.
    const refused = await ask('{ products { name variants { options { values { id } } } } }');
    expect(refused.status).toBe(400);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([
      {
        message: 'Operation cost 11110 exceeds the limit of 5000; ask for fewer items (first/last) or fewer nested lists.',
        extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', max: 5000 },
      },
    ]);
  });
});
