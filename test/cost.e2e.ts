// The cost limit across the whole federation at its defaults (GRAPHQL_MAX_COST 5000): every list
// of ours says its size in the SDL (`src/list-sizes.ts` of each subgraph → @listSize, composed
// into the supergraph), so the dashboard's queries and the wider screens the district asks for
// pass, a connection costs what its `first` asks, and an operation costing over 10,000 is refused
// whole with OPERATION_LIMIT_EXCEEDED (the runtime stops at the subgraph request that would pass
// the limit, before sending it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@shequ/kit/paths';
import type { ListSizes } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { buildASTSchema, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../dashboard/src/api/operations.js';
import committees from '../subgraphs/committees/src/index.js';
import { listSizes as committeesSizes } from '../subgraphs/committees/src/list-sizes.js';
import departments from '../subgraphs/departments/src/index.js';
import { listSizes as departmentsSizes } from '../subgraphs/departments/src/list-sizes.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { listSizes as evaluationsSizes } from '../subgraphs/evaluations/src/list-sizes.js';
import party from '../subgraphs/party/src/index.js';
import { listSizes as partySizes } from '../subgraphs/party/src/list-sizes.js';
import registry from '../subgraphs/registry/src/index.js';
import { listSizes as registrySizes } from '../subgraphs/registry/src/list-sizes.js';
import services from '../subgraphs/services/src/index.js';
import { listSizes as servicesSizes } from '../subgraphs/services/src/list-sizes.js';
import { admin } from './evaluations-helpers.js';

const campaign = 'campaign-2026-h2';
const community = 'community-minzu-01';

function refusedForCost(res: { status: number; data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }): void {
  expect(res.status).toBe(400);
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.message).toMatch(/^Operation cost \d+ exceeds the limit of 5000; ask for fewer items \(first\/last\) or fewer nested lists\.$/);
  expect(res.errors![0]!.extensions).toEqual({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', max: 5000 });
}

describe('the cost limit over the federation', () => {
  let hub: TestFederation;
  let ids: { street: string; department: string; staff: string };

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations, party, services] });
    const res = await hub.query<{ streets: { id: string }[]; departments: { id: string; staff: { id: string }[] }[] }>(
      '{ streets { id } departments { id staff { id } } }',
    );
    expect(res.errors).toBeUndefined();
    const department = res.data!.departments.find((d) => d.staff.length > 0)!;
    ids = { street: res.data!.streets[0]!.id, department: department.id, staff: department.staff[0]!.id };
  }, 240_000);
  afterAll(() => hub?.close());

  it('answers every query of the dashboard', async () => {
    const variables: Record<string, Record<string, unknown>> = {
      CampaignBoard: { id: campaign },
      StreetCounts: { streetId: ids.street },
      CommunityPage: { id: community },
      CommunityLedger: { id: community },
      CommunityRequests: { id: community },
      TaskLedger: { communityId: community },
      DepartmentAccountability: { id: ids.department },
      StreetAccountability: { id: ids.street },
      StaffAccountability: { id: ids.staff },
    };
    const queries = Object.entries(operations).filter(([, doc]) => doc.startsWith('query '));
    expect(queries.length).toBeGreaterThanOrEqual(15);
    for (const [name, doc] of queries) {
      const res = await hub.query(doc, variables[name] ?? {}, admin);
      expect(res.errors, name).toBeUndefined();
      expect(res.data, name).toBeTruthy();
    }
  });

  it('answers the wide screens the old estimate refused: streets × communities × their lists, departments × staff × communities', async () => {
    const district = await hub.query<{ streets: { communities: { committeeMembers: unknown[] }[] }[] }>(
      `{ streets { id communities { id name committeeMembers { id name } consultationMembers { id } representatives { id }
           servicePoints { id name } volunteerTeams { id name } coConstructionUnits { id } } } }`,
      {},
      admin,
    );
    expect(district.errors).toBeUndefined();
    expect(district.data!.streets.length).toBe(13);
    expect(district.data!.streets.flatMap((s) => s.communities).some((c) => c.committeeMembers.length > 0)).toBe(true);

    const staffing = await hub.query<{ departments: { staff: { assignedCommunities: unknown[] | null }[] }[] }>(
      '{ departments { id name staff { id name position assignedCommunities { id name population street { id name } } } } }',
      {},
      admin,
    );
    expect(staffing.errors).toBeUndefined();
    expect(staffing.data!.departments.flatMap((d) => d.staff).length).toBeGreaterThan(0);

    // Three nested lists of small entities, with an entity hop in between.
    const nested = await hub.query('{ streets { staff { assignedCommunities { committeeMembers { id } servicePoints { id notices { id } } } } } }', {}, admin);
    expect(nested.errors).toBeUndefined();
  });

  it('refuses an operation costing over 10,000, the whole answer with it', async () => {
    // Departments alone: 12 departments × 15 staff × 12 communities × 6 staff × 12 communities.
    refusedForCost(await hub.query('{ departments { staff { assignedCommunities { assignedStaff { assignedCommunities { id } } } } } }', {}, admin));
  });

  it('prices a connection by its `first`: a small page passes, a large one is refused', async () => {
    // 1 + first × (edge + node + 9 committee members + 40 representatives).
    const page = 'query Page($n: Int) { communities(first: $n) { edges { node { id committeeMembers { id } representatives { id } } } } }';
    const small = await hub.query<{ communities: { edges: unknown[] } }>(page, { n: 20 }, admin);
    expect(small.errors).toBeUndefined();
    expect(small.data!.communities.edges).toHaveLength(20);
    refusedForCost(await hub.query(page, { n: 200 }, admin));
    refusedForCost(await hub.query('{ communities(first: 200) { edges { node { id committeeMembers { id } representatives { id } } } } }', {}, admin));
  });
});

describe('list sizes in the schema', () => {
  const supergraph = readFileSync(path.join(repoRoot, 'schema', 'supergraph.graphql'), 'utf8');

  it('are composed into the committed supergraph as @listSize and @cost', () => {
    expect(supergraph).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/cost\/v0\.1"/);
    expect(supergraph).toContain('directive @listSize(');
    expect(supergraph).toContain('directive @cost(');
    const fields = fieldDirectives(buildASTSchema(parse(supergraph), { assumeValidSDL: true }));
    expect(fields.get('Street.communities')).toContain('@listSize(assumedSize: 12)');
    expect(fields.get('Department.staff')).toContain('@listSize(assumedSize: 15)');
    expect(fields.get('Query.communities')).toContain('@listSize(slicingArguments: ["first"], sizedFields: ["edges"])');
    expect(fields.get('Query.commitments')).toContain('@listSize(slicingArguments: ["limit"])');
    expect(fields.get('Query.volunteerStats')).toContain('@cost(weight: 10)');
  });

  it('size every list of objects, and name only fields that exist', () => {
    const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
    const fields = fieldDirectives(schema);
    const unsized = [...fields].filter(([name, directives]) => isObjectList(schema, name) && !directives.includes('@listSize'));
    expect(unsized.map(([name]) => name)).toEqual([]);

    const tables: [string, GraphQLSchema, ListSizes][] = [
      ['committees', committees.schema, committeesSizes],
      ['departments', departments.schema, departmentsSizes],
      ['evaluations', evaluations.schema, evaluationsSizes],
      ['party', party.schema, partySizes],
      ['registry', registry.schema, registrySizes],
      ['services', services.schema, servicesSizes],
    ];
    for (const [name, subgraph, sizes] of tables) {
      const missing = Object.keys(sizes).filter((key) => {
        const [type, field] = key.split('.') as [string, string];
        const t = subgraph.getType(type);
        return !isObjectType(t) || !t.getFields()[field];
      });
      expect(missing, name).toEqual([]);
    }
  });
});

/** 'Type.field' → the directives on it, as printed in the supergraph. */
function fieldDirectives(schema: GraphQLSchema): Map<string, string> {
  const out = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    for (const field of Object.values(type.getFields())) {
      const printed = (field.astNode?.directives ?? []).map((d) => {
        const args = (d.arguments ?? []).map((a) => `${a.name.value}: ${printValue(a.value)}`).join(', ');
        return `@${d.name.value}${args ? `(${args})` : ''}`;
      });
      out.set(`${type.name}.${field.name}`, printed.join(' '));
    }
  }
  return out;
}

function printValue(value: import('graphql').ConstValueNode | import('graphql').ValueNode): string {
  if (value.kind === 'ListValue') return `[${value.values.map(printValue).join(', ')}]`;
  if (value.kind === 'StringValue') return JSON.stringify(value.value);
  return 'value' in value ? String(value.value) : value.kind;
}

/** A field returning a list of objects (the ones the cost counts); a connection's edges are sized by it. */
function isObjectList(schema: GraphQLSchema, name: string): boolean {
  const [type, fieldName] = name.split('.') as [string, string];
  if (type.endsWith('Connection') && fieldName === 'edges') return false;
  const field = (schema.getType(type) as import('graphql').GraphQLObjectType).getFields()[fieldName]!;
  return isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));
}
