import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger, demoCommunities, demoStreets, repoRoot } from '@shequ/kit';
import { describeOnEachDatabase, gatewaySignedExtensions, type GraphQLResponse, postGraphQL, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/db.js';
import committees from '../src/index.js';

it('the published SDL in schema/ matches the code (run `npm run compose`)', () => {
  expect(`${printSubgraphSchema(committees.schema).trim()}\n`).toBe(readFileSync(`${repoRoot}/schema/committees.graphql`, 'utf8'));
});

await describeOnEachDatabase('committees', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph(committees, kind);
  });
  afterAll(() => sg?.dispose());

  it('seeds the demo district idempotently: 112 communities, 1,680 representatives, 560 elected members, 3,360 residents', async () => {
    const p = sg.db.prisma;
    const counts = async () => ({
      communities: await p.community.count(),
      representatives: await p.representative.count(),
      servingMembers: await p.committeeMember.count({ where: { termEnd: null } }),
      directors: await p.committeeMember.count({ where: { termEnd: null, position: 'DIRECTOR' } }),
      completedRounds: await p.electionRound.count({ where: { stage: 'COMPLETED', openFor: null } }),
      elected: await p.electionCandidate.count({ where: { status: 'ELECTED' } }),
      residents: await p.resident.count(),
      consultationConveners: await p.consultationMember.count({ where: { convener: true } }),
      meetings: await p.consultationMeeting.count(),
      ledgerEntries: await p.ledgerEntry.count(),
    });
    const first = await counts();
    expect(first).toMatchObject({
      communities: 112,
      representatives: 1680,
      servingMembers: 560,
      directors: 112,
      completedRounds: 112,
      elected: 560,
      residents: 3360,
      consultationConveners: 112,
      meetings: 336,
    });
    const { statements } = await sg.db.queries.measure(() => committees.seed!(p, createLogger('test', 'silent'), { fieldCipher: sg.shared.fieldCipher }));
    expect(await counts()).toEqual(first);
    // A restart asks once whether the demo tables are filled and sends no rows again.
    expect(statements).toBe(1);
  });

  it('keeps every ledger balance equal to the sum of its entries and never negative', async () => {
    const sums = await sg.db.prisma.ledgerEntry.groupBy({ by: ['communityId'], _sum: { amountFen: true } });
    expect(sums).toHaveLength(112);
    const res = await sg.query<{ communities: { edges: { node: { id: string; fundBalanceFen: number } }[] } }>(
      '{ communities(first: 200) { edges { node { id fundBalanceFen } } } }',
    );
    const balances = new Map(res.data!.communities.edges.map((e) => [e.node.id, e.node.fundBalanceFen]));
    for (const s of sums) {
      expect(balances.get(s.communityId)).toBe(s._sum.amountFen);
      expect(s._sum.amountFen).toBeGreaterThan(0);
    }
  });

  it('resolves 112 Community references with one SQL statement', async () => {
    const representations = demoCommunities.map((c) => ({ __typename: 'Community', id: c.id }));
    const { result, statements } = await sg.db.queries.measure(() =>
      sg.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id name } } }', { r: representations }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(112);
    expect(result.data!._entities[5]).toEqual({ id: demoCommunities[5]!.id, name: demoCommunities[5]!.name });
    expect(statements).toBe(1);
  });

  it('resolves Street.communities for all 13 streets with one SQL statement', async () => {
    const representations = demoStreets.map((s) => ({ __typename: 'Street', id: s.id }));
    const { result, statements } = await sg.db.queries.measure(() =>
      sg.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Street { communities { id } } } }', { r: representations }),
    );
    const counts = (result.data!._entities as { communities: unknown[] }[]).map((s) => s.communities.length);
    expect(counts).toEqual(demoStreets.map((s) => s.communityCount));
    expect(statements).toBe(1);
  });

  it('pages through communities of a street as a Relay connection', async () => {
    const q =
      'query($after: String) { communities(streetId: "street-xinhua", first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: GraphQLResponse = await sg.query(q, { after });
      const conn = res.data!.communities as { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(
      demoCommunities
        .filter((c) => c.streetId === 'street-xinhua')
        .map((c) => c.id)
        .sort(),
    );
  });

  it('answers an unknown community with null, and bad input with BAD_USER_INPUT', async () => {
    expect((await sg.query('{ community(id: "nope") { id } }')).data).toEqual({ community: null });
    for (const args of ['first: -1', 'after: "garbage"']) {
      const bad = await sg.query(`{ communities(${args}) { edges { cursor } } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('only the gateway may ask', () => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph(committees, 'pglite', { seed: false });
  });
  afterAll(() => sg?.dispose());

  it('refuses unsigned, wrongly signed and tampered requests, but serves health endpoints', async () => {
    const unsigned = await postGraphQL(sg.url, '{ communities { edges { cursor } } }');
    expect(unsigned.status).toBe(401);
    expect(unsigned.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const forged = gatewaySignedExtensions('{ __typename }', {}, { role: 'DISTRICT_ADMIN' }, 'not-the-secret-not-the-secret-123');
    expect((await postGraphQL(sg.url, '{ __typename }', {}, {}, forged)).status).toBe(401);

    // A genuine signature for an anonymous caller cannot be reused with an elevated identity.
    const genuine = gatewaySignedExtensions('{ __typename }', {}, null, sg.upstreamSecret);
    expect((await postGraphQL(sg.url, '{ __typename }', {}, {}, genuine)).status).toBe(200);
    const tampered = { ...genuine, jwt: { payload: { role: 'DISTRICT_ADMIN' } } };
    expect((await postGraphQL(sg.url, '{ __typename }', {}, {}, tampered)).status).toBe(401);

    const get = await fetch(`${sg.url}?query=%7B__typename%7D`);
    expect(get.status).toBe(401);
    expect((await fetch(sg.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect((await fetch(sg.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });
});
