// Registry answers as the gateway would give them, shaped like the CLI's selections.
import type { SchemaCheck, SubgraphSummary, SubgraphVersion } from '../../subgraph/operations.ts';

export const partner: SubgraphSummary = {
  name: 'demo-partner',
  kind: 'PARTNER',
  partnerId: 'p1',
  routingUrl: 'http://127.0.0.1:4959/graphql',
  active: true,
  currentVersion: 2,
  keyGeneration: 1,
};

export const core: SubgraphSummary = {
  name: 'committees',
  kind: 'CORE',
  partnerId: null,
  routingUrl: 'http://127.0.0.1:4002/graphql',
  active: true,
  currentVersion: 1,
  keyGeneration: 1,
};

export const failingCheck: SchemaCheck = {
  ok: false,
  errors: [
    { code: 'POLICY_ROOT_FIELD_NAME', message: 'root fields of "demo-partner" begin with "demoPartner"', where: 'Query.hello' },
    {
      code: 'BREAKS_RECORDED_OPERATION',
      message: 'operation Community (dashboard.json) would fail: Cannot query field "name" on type "Community".',
      where: 'dashboard.json#Community',
    },
    {
      code: 'INVALID_FIELD_SHARING',
      message: 'Non-shareable field "Community.name" is resolved from multiple subgraphs\nit is resolved from "committees" and "demo-partner"',
      where: 'demo-partner',
    },
  ],
  warnings: [{ code: 'DANGEROUS_CHANGE', message: "Enum value 'X' was added to enum 'Kind'", where: 'Kind.X' }],
  changes: [
    { type: 'FIELD_ADDED', criticality: 'SAFE', message: "Field 'demoPartnerThing' was added to object type 'Community'", path: 'Community.demoPartnerThing' },
    { type: 'FIELD_REMOVED', criticality: 'BREAKING', message: "Field 'name' was removed from object type 'Community'", path: 'Community.name' },
    { type: 'ENUM_VALUE_ADDED', criticality: 'DANGEROUS', message: "Enum value 'X' was added to enum 'Kind'", path: 'Kind.X' },
  ],
};

export const passingCheck: SchemaCheck = {
  ok: true,
  errors: [],
  warnings: [],
  changes: [{ type: 'FIELD_ADDED', criticality: 'SAFE', message: "Field 'demoPartnerHello' was added to object type 'Query'", path: 'Query.demoPartnerHello' }],
};

export const breakingCheck: SchemaCheck = {
  ok: true,
  errors: [],
  warnings: [{ code: 'BREAKING_CHANGE', message: "Field 'demoPartnerHello' was removed from object type 'Query'", where: 'Query.demoPartnerHello' }],
  changes: [
    {
      type: 'FIELD_REMOVED',
      criticality: 'BREAKING',
      message: "Field 'demoPartnerHello' was removed from object type 'Query'",
      path: 'Query.demoPartnerHello',
    },
  ],
};

export const recordedOnlyCheck: SchemaCheck = {
  ok: false,
  errors: [
    {
      code: 'BREAKS_RECORDED_OPERATION',
      message: 'operation PartnerFeed (feeds.json) would fail: Cannot query field "demoPartnerHello" on type "Query".',
      where: 'feeds.json#PartnerFeed',
    },
    {
      code: 'BREAKS_RECORDED_OPERATION',
      message: 'operation PartnerFeed (feeds.json) would fail: Variable "$id" is never used.',
      where: 'feeds.json#PartnerFeed',
    },
  ],
  warnings: [],
  changes: breakingCheck.changes,
};

export const versions: SubgraphVersion[] = [
  {
    version: 2,
    action: 'PUBLISH',
    routingUrl: partner.routingUrl,
    actor: 'DISTRICT_ADMIN:subgraph-cli:alice',
    at: '2026-12-02T04:33:21.123Z',
    changes: [
      ...breakingCheck.changes,
      { type: 'FIELD_REMOVED', criticality: 'BREAKING', message: 'x', path: 'Community.a' },
      { type: 'FIELD_REMOVED', criticality: 'BREAKING', message: 'y', path: 'Community.b' },
      ...passingCheck.changes,
    ],
  },
  { version: 1, action: 'PUBLISH', routingUrl: partner.routingUrl, actor: 'PARTNER:partner-p1', at: '2026-12-01T09:00:00.000Z', changes: passingCheck.changes },
];
