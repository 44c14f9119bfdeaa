import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger, demoCommunities, demoStreets, repoRoot } from '@shequ/kit';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../src/db.js';
import { demoBigDonorId } from '../src/demo/ids.js';
import party from '../src/index.js';

it('the published SDL in schema/ matches the code (run `npm run compose`)', () => {
  expect(`${printSubgraphSchema(party.schema).trim()}\n`).toBe(readFileSync(`${repoRoot}/schema/party.graphql`, 'utf8'));
});

const communityFields = `
  ... on Community {
    id
    partyOrganization { kind memberCount secretary { office } committee { office } }
    coConstructionUnits { contributionTotalFen agreements { resources } contributions { valueFen } }
    contributionTotalFen
    volunteerTeams { ledByPartyMember memberCount leader { skills totalHours } }
    volunteerStats { volunteers teams hours }
    partyActivities { kind participantCount }
  }`;
const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ${communityFields} } }`;
const refs = (n: number) => demoCommunities.slice(0, n).map((c) => ({ __typename: 'Community', id: c.id }));

await describeOnEachDatabase('party', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    // Without its outbox worker, whose polling would count among the SQL statements measured here.
    sg = await startTestSubgraph({ ...party, workers: undefined }, kind);
  });
  afterAll(() => sg?.dispose());

  it('seeds an organisation per community and over 10,000 volunteers, idempotently', async () => {
    const counts = async () => ({
      organizations: await sg.db.prisma.partyOrganization.count(),
      volunteers: await sg.db.prisma.volunteer.count(),
      hours: await sg.db.prisma.volunteerHours.count(),
      contributions: await sg.db.prisma.contribution.count(),
    });
    const first = await counts();
    expect(first.organizations).toBe(112);
    expect(first.volunteers).toBeGreaterThan(10_000);
    await party.seed!(sg.db.prisma, createLogger('test', 'silent'));
    expect(await counts()).toEqual(first);
  });

  it('makes an organisation of 50 members or more a general branch, with the larger committee', async () => {
    const res = await sg.query<{ _entities: { partyOrganization: { kind: string; memberCount: number; committee: unknown[] } }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Community { partyOrganization { kind memberCount committee { office } } } } }',
      { r: refs(112) },
    );
    expect(res.errors).toBeUndefined();
    const orgs = res.data!._entities.map((c) => c.partyOrganization);
    for (const o of orgs) {
      expect(o.kind).toBe(o.memberCount >= 50 ? 'GENERAL_BRANCH' : 'BRANCH');
      expect(o.committee).toHaveLength(o.kind === 'GENERAL_BRANCH' ? 5 : 3);
    }
    expect(new Set(orgs.map((o) => o.kind))).toEqual(new Set(['BRANCH', 'GENERAL_BRANCH']));
  });

  it('answers 5 or 112 communities with everything nested in the same number of SQL statements', async () => {
    const few = await sg.db.queries.measure(() => sg.query(entities, { r: refs(5) }));
    const all = await sg.db.queries.measure(() => sg.query(entities, { r: refs(112) }));
    expect(all.result.errors).toBeUndefined();
    expect(all.result.data!._entities).toHaveLength(112);
    expect(all.statements).toBe(few.statements);
    // One per kind of thing asked for (organisations, member counts, units, totals, teams, …).
    expect(all.statements).toBeLessThanOrEqual(16);
  });

  it('derives totals from the contributions: per unit, per community, and the big donor over 100,000 yuan', async () => {
    const res = await sg.query<{
      coConstructionUnits: { id: string; contributionTotalFen: number; contributions: { valueFen: number }[] }[];
      _entities: { contributionTotalFen: number }[];
    }>(
      `query($r: [_Any!]!) { coConstructionUnits(communityId: "community-minzu-01") { id contributionTotalFen contributions { valueFen } }
        _entities(representations: $r) { ... on Community { contributionTotalFen } } }`,
      { r: [{ __typename: 'Community', id: 'community-minzu-01' }] },
    );
    const units = res.data!.coConstructionUnits;
    for (const u of units) expect(u.contributionTotalFen).toBe(u.contributions.reduce((s, c) => s + c.valueFen, 0));
    expect(res.data!._entities[0]!.contributionTotalFen).toBe(units.reduce((s, u) => s + u.contributionTotalFen, 0));
    expect(units.find((u) => u.id === demoBigDonorId)!.contributionTotalFen).toBeGreaterThan(100_000 * 100);
  });

  it('answers volunteerStats for the district and for each street in one statement; the streets add up to the district', async () => {
    const q =
      'query($s: ID) { volunteerStats(streetId: $s) { communities volunteers partyMemberVolunteers teams teamsLedByPartyMembers partyLedTeamShare hours } }';
    type Stats = { communities: number; volunteers: number; teams: number; teamsLedByPartyMembers: number; partyLedTeamShare: number; hours: number };
    const district = await sg.db.queries.measure(() => sg.query<{ volunteerStats: Stats }>(q, { s: null }));
    expect(district.statements).toBe(1);
    const total = district.result.data!.volunteerStats;
    expect(total.communities).toBe(112);
    expect(total.volunteers).toBeGreaterThan(10_000);
    expect(total.partyLedTeamShare).toBeGreaterThan(0.5);
    expect(total.partyLedTeamShare).toBeLessThan(1);
    let volunteers = 0;
    let hours = 0;
    for (const street of demoStreets) {
      const one = await sg.db.queries.measure(() => sg.query<{ volunteerStats: Stats }>(q, { s: street.id }));
      expect(one.statements).toBe(1);
      expect(one.result.data!.volunteerStats.communities).toBe(street.communityCount);
      volunteers += one.result.data!.volunteerStats.volunteers;
      hours += one.result.data!.volunteerStats.hours;
    }
    expect(volunteers).toBe(total.volunteers);
    expect(hours).toBeCloseTo(total.hours, 1);
    expect((await sg.query<{ volunteerStats: Stats }>(q, { s: 'street-nowhere' })).data!.volunteerStats).toMatchObject({
      communities: 0,
      volunteers: 0,
      partyLedTeamShare: 0,
    });
  });
});
