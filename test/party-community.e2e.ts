// The party subgraph through the gateway: a community with its party organisation, units,
// contributions and volunteers in one query across subgraphs; party members' personal data only
// for the organisation's officers and district administrators; district-wide volunteer
// statistics in one SQL statement; registering an organisation takes the street from committees.
import { createLogger, demoCommunities, type TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import { demoBigDonorId } from '../subgraphs/party/src/demo/ids.js';
import party from '../subgraphs/party/src/index.js';
import { seedCommunities } from '../subgraphs/party/src/seed.js';

// Left out of the party demo data, so that the test can register its organisation.
const unregistered = 'community-qianjin-08';
// Without its outbox worker, whose polling would count among the SQL statements measured here.
const partyWithoutOne = {
  ...party,
  workers: undefined,
  seed: (prisma: Parameters<typeof seedCommunities>[0]) =>
    seedCommunities(
      prisma,
      createLogger('party', 'silent'),
      demoCommunities.filter((c) => c.id !== unregistered),
    ),
};

const communityQuery = `query($id: ID!) {
  community(id: $id) {
    name
    street { name }
    partyOrganization { name kind memberCount secretary { office name phone joinedOn } members { id name } }
    coConstructionUnits { id name contributionTotalFen contributions { kind valueFen } }
    contributionTotalFen
    volunteerStats { volunteers partyMemberVolunteers teams teamsLedByPartyMembers partyLedTeamShare hours }
    volunteerTeams { name ledByPartyMember leader { name totalHours } }
  }
}`;

type Member = { id: string; name: string | null };
type CommunityAnswer = {
  community: {
    name: string;
    street: { name: string } | null;
    partyOrganization: {
      name: string;
      kind: string;
      memberCount: number;
      secretary: { office: string; name: string | null; phone: string | null; joinedOn: string | null };
      members: Member[];
    };
    coConstructionUnits: { id: string; name: string; contributionTotalFen: number; contributions: { kind: string; valueFen: number }[] }[];
    contributionTotalFen: number;
    volunteerStats: {
      volunteers: number;
      partyMemberVolunteers: number;
      teams: number;
      teamsLedByPartyMembers: number;
      partyLedTeamShare: number;
      hours: number;
    };
    volunteerTeams: { name: string; ledByPartyMember: boolean; leader: { name: string | null; totalHours: number } | null }[];
  };
};

const minzu01 = 'community-minzu-01';
const officer: TokenClaims = { role: 'RESIDENT', personId: 'pm-minzu-01-001', communityId: minzu01 };

await describeOnEachDatabase('party through the gateway', (database) => {
  let hub: TestFederation;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, partyWithoutOne], database });
  });
  afterAll(() => hub?.close());

  it('answers a community with its party organisation, units, contributions and volunteer totals in one query', async () => {
    const res = await hub.query<CommunityAnswer>(communityQuery, { id: minzu01 }, { role: 'DISTRICT_ADMIN' });
    expect(res.errors).toBeUndefined();
    const c = res.data!.community;
    expect(c.street?.name).toBe('民族街道');
    expect(c.partyOrganization.name).toBe(`${c.name}${c.partyOrganization.kind === 'GENERAL_BRANCH' ? '党总支' : '党支部'}`);
    expect(c.partyOrganization.members).toHaveLength(c.partyOrganization.memberCount);
    const donor = c.coConstructionUnits.find((u) => u.id === demoBigDonorId)!;
    expect(donor.contributionTotalFen).toBeGreaterThan(100_000 * 100);
    expect(c.contributionTotalFen).toBe(c.coConstructionUnits.reduce((sum, u) => sum + u.contributionTotalFen, 0));
    expect(c.volunteerStats.volunteers).toBeGreaterThanOrEqual(88);
    expect(c.volunteerStats.hours).toBeGreaterThan(0);
    expect(c.volunteerStats.teams).toBe(c.volunteerTeams.length);
    expect(c.volunteerStats.teamsLedByPartyMembers).toBe(c.volunteerTeams.filter((t) => t.ledByPartyMember).length);
  });

  it("pages the district's co-construction units for anyone, each with its community's name from committees, and costs a page by its first", async () => {
    const page = `query($first: Int, $after: String) { districtCoConstructionUnits(first: $first, after: $after) {
        edges { node { id contributionTotalFen community { id name } } } pageInfo { hasNextPage endCursor } } }`;
    type Answer = {
      districtCoConstructionUnits: {
        edges: { node: { id: string; contributionTotalFen: number; community: { id: string; name: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await hub.query<Answer>(page, { first: 25 }, null);
    expect(first.errors).toBeUndefined();
    const one = first.data!.districtCoConstructionUnits;
    expect(one.edges).toHaveLength(25);
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(one.edges.every((e) => e.node.community.name.length > 0)).toBe(true);
    const second = await hub.query<Answer>(page, { first: 25, after: one.pageInfo.endCursor }, null);
    const ids = new Set([...one.edges, ...second.data!.districtCoConstructionUnits.edges].map((e) => e.node.id));
    expect(ids.size).toBe(50);
    // 200 organisations × 60 members each is past the gateway's cost limit; a page of 5 is not.
    const wide = '{ districtPartyOrganizations(first: 200) { edges { node { members { id } committee { id } } } } }';
    expect((await hub.query(wide, {}, { role: 'DISTRICT_ADMIN' })).errors?.[0]?.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    expect((await hub.query(wide.replace('200', '5'), {}, { role: 'DISTRICT_ADMIN' })).errors).toBeUndefined();
  });

  it("shows party members' personal data to the organisation's officers and district administrators only", async () => {
    const visible = async (as: TokenClaims | null) => {
      const res = await hub.query<CommunityAnswer>(communityQuery, { id: minzu01 }, as);
      expect(res.errors).toBeUndefined();
      const org = res.data!.community.partyOrganization;
      expect(org.secretary.office).toBe('SECRETARY');
      expect(org.memberCount).toBeGreaterThan(0);
      const named = org.members.filter((m) => m.name !== null).length;
      const { name, phone, joinedOn } = org.secretary;
      expect([name, phone, joinedOn].every((v) => (named ? v !== null : v === null))).toBe(true);
      return named === org.members.length ? 'all' : named === 0 ? 'none' : 'some';
    };
    expect(await visible({ role: 'DISTRICT_ADMIN' })).toBe('all');
    expect(await visible(officer)).toBe('all');
    expect(await visible(null)).toBe('none');
    expect(await visible({ role: 'RESIDENT', communityId: minzu01 })).toBe('none');
    expect(await visible({ role: 'COMMITTEE_STAFF', communityId: minzu01 })).toBe('none');
    expect(await visible({ role: 'STREET_STAFF', streetId: 'street-minzu' })).toBe('none');
    // An ordinary member, and the secretary of the neighbouring community, are not this organisation's officers.
    expect(await visible({ role: 'RESIDENT', personId: 'pm-minzu-01-020', communityId: minzu01 })).toBe('none');
    expect(await visible({ role: 'RESIDENT', personId: 'pm-minzu-02-001', communityId: 'community-minzu-02' })).toBe('none');
  });

  it("shows volunteers' names to the community's committee staff, but not to other communities or the public", async () => {
    const leaderNames = async (as: TokenClaims | null) => {
      const res = await hub.query<CommunityAnswer>(communityQuery, { id: minzu01 }, as);
      return res.data!.community.volunteerTeams.map((t) => t.leader?.name ?? null);
    };
    expect((await leaderNames({ role: 'COMMITTEE_STAFF', communityId: minzu01 })).every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    expect((await leaderNames(officer)).every((n) => typeof n === 'string')).toBe(true);
    for (const as of [
      null,
      { role: 'COMMITTEE_STAFF', communityId: 'community-minzu-02' },
      { role: 'PARTNER', partnerId: `partner-${demoBigDonorId}` },
    ] as (TokenClaims | null)[]) {
      expect(await leaderNames(as)).toEqual([null, null, null, null]);
    }
  });

  it('answers district-wide volunteer statistics over 10,000 volunteers with one SQL statement, by street too', async () => {
    const partyDb = hub.subgraphs.party!.db;
    const district = await partyDb.queries.measure(() =>
      hub.query<{ volunteerStats: { communities: number; volunteers: number; hours: number; partyLedTeamShare: number } }>(
        '{ volunteerStats { communities volunteers hours partyLedTeamShare } }',
      ),
    );
    expect(district.result.errors).toBeUndefined();
    expect(district.result.data!.volunteerStats.volunteers).toBeGreaterThan(10_000);
    expect(district.result.data!.volunteerStats.communities).toBe(111);
    expect(district.statements).toBe(1);
    const street = await partyDb.queries.measure(() => hub.query('{ volunteerStats(streetId: "street-xinhua") { communities volunteers } }'));
    expect(street.result.data!.volunteerStats.communities).toBe(10);
    expect(street.statements).toBe(1);
    // Every community of every street, asked across subgraphs, still costs one statement here.
    const perCommunity = await partyDb.queries.measure(() =>
      hub.query<{ streets: { communities: { volunteerStats: { volunteers: number } | null }[] }[] }>(
        '{ streets { communities { volunteerStats { volunteers } } } }',
      ),
    );
    expect(perCommunity.result.errors).toBeUndefined();
    const counted = perCommunity.result.data!.streets.flatMap((s) => s.communities).reduce((sum, c) => sum + (c.volunteerStats?.volunteers ?? 0), 0);
    expect(counted).toBe(district.result.data!.volunteerStats.volunteers);
    expect(perCommunity.statements).toBe(1);
  });

  it('registers a party organisation with the street committees knows, refusing duplicates, strangers and guesses', async () => {
    const register = (communityId: string, as: TokenClaims | null = { role: 'DISTRICT_ADMIN' }) =>
      hub.query<{ registerPartyOrganization: { id: string; community: { id: string; name: string } | null } }>(
        'mutation($i: RegisterPartyOrganizationInput!) { registerPartyOrganization(input: $i) { id community { id name } } }',
        { i: { communityId, name: '前锋社区党支部', kind: 'BRANCH', foundedOn: '2002-07-01' } },
        as,
      );
    expect((await register(unregistered, { role: 'COMMITTEE_STAFF', communityId: unregistered })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await register(unregistered, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await register('community-nowhere-01')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await register(minzu01)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await hub.subgraphs.committees!.stopServer();
    try {
      const down = await register(unregistered);
      expect(down.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(
        await hub.subgraphs.party!.db.prisma.$queryRawUnsafe<unknown[]>('SELECT 1 FROM "PartyOrganization" WHERE "communityId" = $1', unregistered),
      ).toHaveLength(0);
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }

    const ok = await register(unregistered);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerPartyOrganization.community?.id).toBe(unregistered);
    const stats = await hub.query<{ volunteerStats: { communities: number } }>('{ volunteerStats(streetId: "street-qianjin") { communities } }');
    expect(stats.data!.volunteerStats.communities).toBe(8);
    expect((await register(unregistered)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
