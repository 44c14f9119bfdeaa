// The subgraph's schema: it extends the hub's Community entity with the centre's clinics and
// vaccination rate, and adds one root field under the partner's prefix (healthCenter…), as the
// hub's registry requires of partners.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { clinicsServing, clinics, vaccinationRate } from './data/clinics.js';

export const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Community @key(fields: "id") {
    id: ID!
    "Clinics of the health centre that serve this community"
    clinics: [Clinic!]!
    "Share of residents (0–1) fully vaccinated under the national immunisation programme, from the centre's own records; null where it keeps none"
    vaccinationRate: Float
  }

  "A community health service centre (社区卫生服务中心) or station (社区卫生服务站) of the health centre"
  type Clinic {
    id: ID!
    name: String!
    address: String!
    "Opening hours as posted at the door, e.g. 周一至周五 8:00–17:30"
    openingHours: String!
  }

  type Query {
    "The health centre's clinics; with communityId, those serving that community"
    healthCenterClinics(communityId: ID): [Clinic!]!
  }
`);

const community = (id: string) => ({ id, clinics: clinicsServing(id), vaccinationRate: vaccinationRate(id) });

export const resolvers = {
  Query: {
    healthCenterClinics: (_: unknown, args: { communityId?: string | null }) => (args.communityId == null ? clinics : clinicsServing(args.communityId)),
  },
  Community: {
    // Any id the hub sends resolves; the centre's records decide what it has (maybe nothing).
    __resolveReference: (reference: { id: string }) => community(reference.id),
  },
};

export const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
