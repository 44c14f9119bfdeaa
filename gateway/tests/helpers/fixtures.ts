import { GraphQLError } from 'graphql';
import { startSubgraph, type RunningSubgraph } from './subgraph.ts';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** What subgraph A serves. `Street.length` is deployed but only composed in the "reload" test. */
export const streetsSdlWithLength = /* GraphQL */ `
  ${link}
  type Street @key(fields: "id") { id: ID! name: String! length: Int }
  type Query { streets: [Street!] street(id: ID!): Street }
`;
/** The SDL first published for A, before `Street.length` was added to the supergraph. */
export const streetsSdl = streetsSdlWithLength.replace(' length: Int', '');

/** Subgraph B extends A's Street entity; its fields are nullable so A can answer alone. */
export const communitiesSdl = /* GraphQL */ `
  ${link}
  type Street @key(fields: "id") { id: ID! communities: [Community!] }
  type Community { id: ID! name: String! street: Street }
  type Query { communities: [Community!] rejectInput: String crash: String }
  type Subscription { communityCreated(count: Int!): Community }
`;

const streets = [
  { id: 's1', name: 'Hanzheng Street', length: 1200 },
  { id: 's2', name: 'Jianghan Road', length: 900 },
];
const communities = [
  { id: 'c1', name: 'Minquan', streetId: 's1' },
  { id: 'c2', name: 'Shuita', streetId: 's1' },
  { id: 'c3', name: 'Qianjin', streetId: 's2' },
];

export function startStreets(port?: number): Promise<RunningSubgraph> {
  return startSubgraph({
    name: 'streets',
    port,
    typeDefs: streetsSdlWithLength,
    resolvers: {
      Query: {
        streets: () => streets,
        street: (_: unknown, { id }: { id: string }) => streets.find((s) => s.id === id) ?? null,
      },
      Street: { __resolveReference: (ref: { id: string }) => streets.find((s) => s.id === ref.id) ?? null },
    },
  });
}

export function startCommunities(port?: number): Promise<RunningSubgraph> {
  return startSubgraph({
    name: 'communities',
    port,
    typeDefs: communitiesSdl,
    resolvers: {
      Query: {
        communities: () => communities,
        rejectInput: () => {
          throw new GraphQLError('Name must not be empty', { extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
        },
        crash: () => {
          throw new Error('connection to db-internal.example:5432 refused');
        },
      },
      Street: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        communities: (street: { id: string }) => communities.filter((c) => c.streetId === street.id),
      },
      Community: { street: (c: { streetId: string }) => ({ id: c.streetId }) },
      Subscription: {
        communityCreated: {
          // A finite stream keeps the test deterministic and lets the upstream socket close.
          subscribe: async function* (_: unknown, { count }: { count: number }) {
            for (let i = 0; i < count; i++) {
              await new Promise((r) => setTimeout(r, 20));
              yield { communityCreated: { id: `n${i}`, name: `New ${i}`, streetId: 's2' } };
            }
          },
        },
      },
    },
  });
}
