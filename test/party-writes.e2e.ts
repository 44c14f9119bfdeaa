// Writing to the party subgraph through the gateway: hours logged once per idempotency key, also
// under concurrent duplicates; absurd values refused with nothing written; who may write what;
// totals that follow the rows they are derived from.
import type { TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import type { DB } from '../subgraphs/party/src/db.js';
import { demoBigDonorId, demoPartnerId, demoUnitId } from '../subgraphs/party/src/demo/ids.js';
import party from '../subgraphs/party/src/index.js';

const community = 'community-hualou-03';
const staff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: community };
const volunteer = 'vol-hualou-03-0042';
const serviceEvent = 'activity-hualou-03-04';

const logHours = `mutation($i: LogVolunteerHoursInput!) { logVolunteerHours(input: $i) { duplicate log { id hours volunteer { id } } } }`;
const recordContribution = `mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id valueFen unit { contributionTotalFen } } }`;
type Logged = { logVolunteerHours: { duplicate: boolean; log: { id: string; hours: number } } };

await describeOnEachDatabase('writing to party through the gateway', (database) => {
  let hub: TestFederation;
  let prisma: DB;
  const totalHours = async (id = volunteer) =>
    (await hub.query<{ volunteer: { totalHours: number } }>('query($id: ID!) { volunteer(id: $id) { totalHours } }', { id })).data!.volunteer.totalHours;
  const log = (hours: number, idempotencyKey: string, as: TokenClaims | null = staff, activityId = serviceEvent) =>
    hub.query<Logged>(logHours, { i: { volunteerId: volunteer, activityId, hours, idempotencyKey } }, as);

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, party], database });
    prisma = hub.subgraphs.party!.db.prisma as DB;
  });
  afterAll(() => hub?.close());

  it('counts hours logged twice with the same idempotency key once, and refuses the key for a different log', async () => {
    const before = await totalHours();
    const first = await log(2.5, 'retry-key-0001');
    expect(first.errors).toBeUndefined();
    expect(first.data!.logVolunteerHours).toMatchObject({ duplicate: false, log: { hours: 2.5 } });
    const again = await log(2.5, 'retry-key-0001');
    expect(again.data!.logVolunteerHours).toEqual({ ...first.data!.logVolunteerHours, duplicate: true });
    expect(await totalHours()).toBeCloseTo(before + 2.5, 5);

    const misuse = await log(3, 'retry-key-0001');
    expect(misuse.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await totalHours()).toBeCloseTo(before + 2.5, 5);
  });

  it("counts concurrent duplicates once: the database's unique key settles the race", async () => {
    const before = await totalHours();
    const results = await Promise.all(Array.from({ length: 6 }, () => log(1.5, 'race-key-0001')));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results.filter((r) => !r.data!.logVolunteerHours.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data!.logVolunteerHours.log.id)).size).toBe(1);
    expect(await prisma.volunteerHours.count({ where: { idempotencyKey: 'race-key-0001' } })).toBe(1);
    expect(await totalHours()).toBeCloseTo(before + 1.5, 5);
  });

  it('refuses negative, zero and absurd hours, and activities in 1800 or 2999, with BAD_USER_INPUT and writes nothing', async () => {
    const rows = await prisma.volunteerHours.count();
    for (const [hours, i] of [
      [0, 1],
      [-2, 2],
      [24.5, 3],
      [1000, 4],
      [0.001, 5],
    ] as const) {
      const res = await log(hours, `absurd-hours-${i}`);
      expect(res.errors?.[0]?.extensions?.code, `hours ${hours}`).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/hours/);
    }
    expect((await log(2, 'no')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Party-building events and events still to come take no hours.
    expect((await log(2, 'party-event-1', staff, 'activity-hualou-03-01')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await prisma.volunteerHours.count()).toBe(rows);
    const activities = await prisma.activity.count();
    for (const startsAt of ['1800-01-01T00:00:00Z', '2999-01-01T00:00:00Z']) {
      const res = await hub.query(
        'mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }',
        { i: { communityId: community, kind: 'PARTY_BUILDING', title: '党课', startsAt } },
        staff,
      );
      expect(res.errors?.[0]?.extensions?.code, startsAt).toBe('BAD_USER_INPUT');
    }
    expect(await prisma.activity.count()).toBe(activities);
  });

  it('refuses contributions of zero, negative or over 10^11 fen, and fractions of a fen', async () => {
    const unitId = demoUnitId(community, 1);
    const rows = await prisma.contribution.count();
    for (const valueFen of [0, -500, 100_000_000_001, 12.5]) {
      const res = await hub.query(recordContribution, { i: { unitId, kind: 'MONEY', description: '捐款', valueFen, contributedOn: '2025-05-01' } }, staff);
      expect(res.errors?.[0]?.extensions?.code, `valueFen ${valueFen}`).toBe('BAD_USER_INPUT');
    }
    const future = await hub.query(
      recordContribution,
      { i: { unitId, kind: 'MONEY', description: '捐款', valueFen: 100, contributedOn: '2999-01-01' } },
      staff,
    );
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await prisma.contribution.count()).toBe(rows);
  });

  it("lets only the community's staff, its party officers, district administrators — and a unit for itself — write", async () => {
    expect((await log(1, 'role-check-anon', null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const as of [
      { role: 'COMMITTEE_STAFF', communityId: 'community-hualou-04' },
      { role: 'RESIDENT', communityId: community },
      { role: 'RESIDENT', personId: 'pm-hualou-04-001' },
    ] as TokenClaims[]) {
      expect((await log(1, `role-check-${as.role}-${as.communityId ?? as.personId}`, as)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const officer = await log(1, 'role-check-officer', { role: 'RESIDENT', personId: 'pm-hualou-03-002' });
    expect(officer.errors).toBeUndefined();
    expect((await log(1, 'role-check-admin', { role: 'DISTRICT_ADMIN' })).errors).toBeUndefined();

    const contribution = (unitId: string, as: TokenClaims) =>
      hub.query<{ recordContribution: { valueFen: number; unit: { contributionTotalFen: number } } }>(
        recordContribution,
        { i: { unitId, kind: 'MONEY', description: '年度捐资', valueFen: 50_000_00, contributedOn: '2025-06-01' } },
        as,
      );
    const partner: TokenClaims = { role: 'PARTNER', partnerId: demoPartnerId(demoBigDonorId) };
    const totalBefore = (
      await hub.query<{ coConstructionUnit: { contributionTotalFen: number } }>(`{ coConstructionUnit(id: "${demoBigDonorId}") { contributionTotalFen } }`)
    ).data!.coConstructionUnit.contributionTotalFen;
    const own = await contribution(demoBigDonorId, partner);
    expect(own.errors).toBeUndefined();
    expect(own.data!.recordContribution.unit.contributionTotalFen).toBe(totalBefore + 50_000_00);
    expect((await contribution(demoUnitId('community-minzu-01', 2), partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('registers a unit, its agreement and contributions; a team, volunteers and an activity; totals follow', async () => {
    const mutate = async <T>(query: string, input: Record<string, unknown>, as: TokenClaims = staff) => {
      const res = await hub.query<T>(query, { i: input }, as);
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    const { registerCoConstructionUnit: unit } = await mutate<{ registerCoConstructionUnit: { id: string } }>(
      'mutation($i: RegisterCoConstructionUnitInput!) { registerCoConstructionUnit(input: $i) { id } }',
      { communityId: community, name: '花楼街口腔诊所', kind: 'ENTERPRISE', address: '花楼街12号' },
    );
    const { signCoConstructionAgreement: agreement } = await mutate<{ signCoConstructionAgreement: { id: string } }>(
      'mutation($i: SignCoConstructionAgreementInput!) { signCoConstructionAgreement(input: $i) { id } }',
      { unitId: unit.id, title: '义诊协议', resources: ['SERVICES', 'STAFF_TIME'], signedOn: '2025-01-15' },
    );
    const outside = await hub.query(
      recordContribution,
      { i: { unitId: unit.id, agreementId: agreement.id, kind: 'MONEY', description: '捐款', valueFen: 100, contributedOn: '2025-02-01' } },
      staff,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const before = (await hub.query<{ community: { contributionTotalFen: number } }>(`{ community(id: "${community}") { contributionTotalFen } }`)).data!
      .community.contributionTotalFen;
    await mutate(recordContribution, {
      unitId: unit.id,
      agreementId: agreement.id,
      kind: 'SERVICES',
      description: '口腔义诊',
      valueFen: 800_000,
      contributedOn: '2025-03-01',
    });
    const after = await hub.query<{ community: { contributionTotalFen: number; coConstructionUnits: { id: string; contributionTotalFen: number }[] } }>(
      `{ community(id: "${community}") { contributionTotalFen coConstructionUnits { id contributionTotalFen } } }`,
    );
    expect(after.data!.community.contributionTotalFen).toBe(before + 800_000);
    expect(after.data!.community.coConstructionUnits.find((u) => u.id === unit.id)!.contributionTotalFen).toBe(800_000);

    const stats = async () =>
      (
        await hub.query<{ community: { volunteerStats: { volunteers: number; teams: number; teamsLedByPartyMembers: number; hours: number } } }>(
          `{ community(id: "${community}") { volunteerStats { volunteers teams teamsLedByPartyMembers hours } } }`,
        )
      ).data!.community.volunteerStats;
    const start = await stats();
    const member = await prisma.partyMember.findFirst({ where: { organization: { communityId: community }, volunteer: null }, orderBy: { id: 'asc' } });
    const { registerVolunteer: leader } = await mutate<{ registerVolunteer: { id: string } }>(
      'mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
      { communityId: community, name: '赵志强', phone: '100-1234-5678', skills: ['IT_HELP', 'TUTORING'], partyMemberId: member!.id },
    );
    const twice = await hub.query(
      'mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
      { i: { communityId: community, name: '赵志强', skills: [], partyMemberId: member!.id } },
      staff,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { createVolunteerTeam: team } = await mutate<{ createVolunteerTeam: { id: string; ledByPartyMember: boolean } }>(
      'mutation($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id ledByPartyMember } }',
      { communityId: community, name: '智慧助老志愿队', focus: 'IT_HELP', leaderId: leader.id },
    );
    expect(team.ledByPartyMember).toBe(true);
    const { createActivity: activity } = await mutate<{ createActivity: { id: string; participantCount: number } }>(
      'mutation($i: CreateActivityInput!) { createActivity(input: $i) { id participantCount } }',
      {
        communityId: community,
        kind: 'VOLUNTEER_SERVICE',
        title: '手机使用培训',
        startsAt: '2025-09-01T02:00:00Z',
        teamId: team.id,
        volunteerIds: [leader.id],
      },
    );
    expect(activity.participantCount).toBe(1);
    await mutate(logHours, { volunteerId: leader.id, activityId: activity.id, hours: 3, idempotencyKey: 'new-team-log-1' });
    expect(await totalHours(leader.id)).toBe(3);
    const end = await stats();
    expect(end).toMatchObject({ volunteers: start.volunteers + 1, teams: start.teams + 1, teamsLedByPartyMembers: start.teamsLedByPartyMembers + 1 });
    expect(end.hours).toBeCloseTo(start.hours + 3, 2);
  });
});
