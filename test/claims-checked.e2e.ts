// A token's claims are checked against each other and against the records that own them before
// they grant anything (issue 16, item 1): a role without the claims it acts through is refused at
// the gateway (401); a "representative" the register does not hold, or holds for another community,
// casts nothing; a resident's token naming another community files nothing there; a party
// officer's personId in an observer's or a partner's token opens nothing; a resident's personal
// data is not shown to a token that names them with another community.
import { representativeId, type TokenClaims } from '@shequ/kit';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import party from '../subgraphs/party/src/index.js';
import services from '../subgraphs/services/src/index.js';
import { cast, codeOf, levels } from './evaluations-helpers.js';

const campaign = 'campaign-2026-h2';
const criteria = ['attitude', 'efficiency', 'commitments', 'support'];
const minzu01 = 'community-minzu-01';
const minzu02 = 'community-minzu-02';

let hub: TestFederation;
const ballotsStored = () => (hub.subgraphs.evaluations!.db.prisma as unknown as { ballot: { count(): Promise<number> } }).ballot.count();

beforeAll(async () => {
  hub = await startTestFederation({ subgraphs: [committees, departments, evaluations, party, services] });
}, 240_000);
afterAll(() => hub?.close());

describe('claims that do not fit their role', () => {
  it.each([
    ['a representative without a community', { role: 'REPRESENTATIVE', personId: representativeId(minzu01, 3) }, /REPRESENTATIVE needs communityId/],
    ['a representative without a person', { role: 'REPRESENTATIVE', communityId: minzu01 }, /REPRESENTATIVE needs personId/],
    ['committee staff without a community', { role: 'COMMITTEE_STAFF' }, /COMMITTEE_STAFF needs communityId/],
    ['street staff without a street', { role: 'STREET_STAFF' }, /STREET_STAFF needs streetId/],
    ['an unknown role', { role: 'MAYOR' as never }, /unknown role "MAYOR"/],
    ['a service that names no subgraph', { role: 'SERVICE', sub: 'batch-job' }, /SERVICE needs sub "service:<subgraph>"/],
  ] as [string, TokenClaims, RegExp][])('refuses %s at the gateway with 401', async (_label, claims, message) => {
    const res = await hub.query('{ streets { id } }', {}, claims);
    expect(res.status).toBe(401);
    expect(res.data ?? null).toBeNull();
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(message);
  });
});

describe('a representative is who the register says', () => {
  it("counts no ballot from a personId that is not a representative, or is one of another community, and replaces nobody's", async () => {
    // A real representative of minzu-02 scores a department first.
    const real = { role: 'REPRESENTATIVE', communityId: minzu02, personId: representativeId(minzu02, 4), sub: representativeId(minzu02, 4) } as const;
    expect((await cast(hub, real, campaign, 'dept-culture', levels(criteria, [5, 5, 5, 5]))).errors).toBeUndefined();
    const before = await ballotsStored();
    const ghost = { role: 'REPRESENTATIVE', communityId: minzu01, personId: 'ghost-1', sub: 'ghost-1' } as const;
    // minzu-01's token, minzu-02's representative: would replace the real one's ballot.
    const borrowed = { role: 'REPRESENTATIVE', communityId: minzu01, personId: representativeId(minzu02, 4), sub: 'borrowed' } as const;
    for (const voter of [ghost, borrowed]) {
      const res = await cast(hub, voter, campaign, 'dept-culture', levels(criteria, [1, 1, 1, 1]));
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.message).toMatch(/not a representative of its community/);
    }
    expect(await ballotsStored()).toBe(before);
    // The real representative's ballot is still theirs: casting again replaces it.
    const again = await cast(hub, real, campaign, 'dept-culture', levels(criteria, [4, 4, 4, 4]));
    expect(again.data?.castBallot.replacedPrevious).toBe(true);
  });
});

describe("a resident's token", () => {
  it('files no request into a community the register does not have the resident in', async () => {
    const admin = { role: 'DISTRICT_ADMIN' } as const;
    const list = await hub.query<{ residents: { edges: { node: { id: string } }[] } }>(
      'query($c: ID!) { residents(communityId: $c, first: 1) { edges { node { id } } } }',
      { c: minzu01 },
      admin,
    );
    const residentOfA = list.data!.residents.edges[0]!.node.id;
    const file = 'mutation($input: FileServiceRequestInput!) { fileServiceRequest(input: $input) { id community { id } } }';
    const input = { serviceCode: 'S1-06', description: '厨房水龙头漏水，请上门维修', address: '民族路12号3栋2单元501室' };
    const count = async (communityId: string) =>
      (
        await hub.query<{ community: { serviceRequests: unknown[] } }>(
          'query($c: ID!) { community(id: $c) { serviceRequests(first: 200) { id } } }',
          { c: communityId },
          admin,
        )
      ).data!.community.serviceRequests.length;
    const inB = await count(minzu02);

    const inconsistent = await hub.query(file, { input }, { role: 'RESIDENT', communityId: minzu02, personId: residentOfA, sub: residentOfA });
    expect(codeOf(inconsistent)).toBe('FORBIDDEN');
    expect(await count(minzu02)).toBe(inB);

    // The same resident with their own community is served.
    const own = await hub.query<{ fileServiceRequest: { community: { id: string } } }>(
      file,
      { input },
      { role: 'RESIDENT', communityId: minzu01, personId: residentOfA, sub: residentOfA },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.fileServiceRequest.community.id).toBe(minzu01);

    // Their personal data is theirs under a consistent token only.
    const mine = 'query($id: ID!) { resident(id: $id) { id phone address } }';
    const self = await hub.query<{ resident: { phone: string | null } }>(
      mine,
      { id: residentOfA },
      { role: 'RESIDENT', communityId: minzu01, personId: residentOfA },
    );
    expect(self.data!.resident.phone).toEqual(expect.any(String));
    const other = await hub.query<{ resident: { phone: string | null; address: string | null } | null }>(
      mine,
      { id: residentOfA },
      { role: 'RESIDENT', communityId: minzu02, personId: residentOfA },
    );
    expect(other.data?.resident?.phone ?? null).toBeNull();
    expect(other.data?.resident?.address ?? null).toBeNull();
  });
});

describe("a party officer's powers", () => {
  const officerId = 'pm-minzu-01-001';
  const members = 'query($c: ID!) { community(id: $c) { partyOrganization { members { id name phone } } } }';
  const activity = 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }';
  const input = { communityId: minzu01, kind: 'PARTY_BUILDING', title: '主题党日：学习社区治理条例', startsAt: '2026-12-10T09:00:00+08:00' };

  it('are held only under a role that can hold them, for their own community', async () => {
    const holder = { role: 'RESIDENT', communityId: minzu01, personId: officerId } as const;
    const named = async (as: TokenClaims) =>
      (
        await hub.query<{ community: { partyOrganization: { members: { name: string | null }[] } } }>(members, { c: minzu01 }, as)
      ).data!.community.partyOrganization.members.filter((m) => m.name !== null).length;
    expect(await named(holder)).toBeGreaterThan(0);
    for (const as of [
      { role: 'OBSERVER', personId: officerId },
      { role: 'PARTNER', partnerId: 'partner-health-center', personId: officerId },
      { role: 'DEPARTMENT_STAFF', departmentId: 'dept-health', personId: officerId },
      { role: 'RESIDENT', communityId: minzu02, personId: officerId },
    ] as TokenClaims[]) {
      expect(await named(as), JSON.stringify(as)).toBe(0);
      const write = await hub.query(activity, { input }, as);
      expect(codeOf(write), JSON.stringify(as)).toBe('FORBIDDEN');
    }
    const ok = await hub.query(activity, { input }, holder);
    expect(ok.errors).toBeUndefined();
  });
});
