// The stored summaries equal a recount from the rows after the seed and after a mix of writes,
// sequential and concurrent, of every kind the triggers follow.
import { randomUUID } from 'node:crypto';
import { demoCommunities } from '@shequ/kit';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recomputePartyAggregates, storedPartyAggregates } from '../src/aggregates/recompute.js';
import type { DB } from '../src/db.js';
import party from '../src/index.js';

await describeOnEachDatabase('party aggregates', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph({ ...party, workers: undefined }, kind);
  });
  afterAll(() => sg?.dispose());

  const consistent = async () => expect(await storedPartyAggregates(sg.db.prisma)).toEqual(await recomputePartyAggregates(sg.db.prisma));

  it('are filled by the seed exactly as a recount says', async () => {
    const stored = await storedPartyAggregates(sg.db.prisma);
    expect(stored.communities).toHaveLength(112);
    expect(stored.communities.reduce((n, c) => n + c.volunteers, 0)).toBeGreaterThan(10_000);
    await consistent();
  });

  it('follow inserts, moves, party membership, leaders, hours and deletions, also when concurrent', async () => {
    const db = sg.db.prisma;
    const [a, b] = demoCommunities.map((c) => c.id);
    const orgA = await db.partyOrganization.findUniqueOrThrow({ where: { communityId: a! } });
    const member = await db.partyMember.create({
      data: {
        id: `pm-${randomUUID()}`,
        organizationId: orgA.id,
        name: '王芳',
        gender: 'FEMALE',
        birthYear: 1980,
        phone: '13800000000',
        joinedOn: new Date('2010-07-01'),
      },
    });
    const team = await db.volunteerTeam.create({ data: { id: `team-${randomUUID()}`, communityId: a!, name: '测试队', focus: 'REPAIRS' } });
    const activity = await db.activity.create({
      data: {
        id: `act-${randomUUID()}`,
        communityId: a!,
        teamId: team.id,
        kind: 'VOLUNTEER_SERVICE',
        title: '义务维修',
        startsAt: new Date('2026-01-10T02:00:00Z'),
      },
    });
    const volunteer = (n: number, extra: Partial<{ teamId: string; partyMemberId: string }> = {}) => ({
      id: `vol-${randomUUID()}`,
      communityId: a!,
      name: `志愿者${n}`,
      skills: ['REPAIRS' as const],
      registeredOn: new Date('2025-03-01'),
      ...extra,
    });
    const leader = await db.volunteer.create({ data: volunteer(0, { teamId: team.id }) });
    await db.volunteerTeam.update({ where: { id: team.id }, data: { leaderId: leader.id } });
    await db.volunteer.update({ where: { id: leader.id }, data: { partyMemberId: member.id } }); // the leader joins the party
    await consistent();

    // Many writers at once, each its own transaction: none may lose another's counts.
    await Promise.all([
      ...Array.from({ length: 12 }, (_, n) => db.volunteer.create({ data: volunteer(n + 1, { teamId: team.id }) })),
      ...Array.from({ length: 12 }, () =>
        db.volunteerHours.create({ data: { id: randomUUID(), idempotencyKey: randomUUID(), volunteerId: leader.id, activityId: activity.id, minutes: 45 } }),
      ),
      db.volunteer.createMany({ data: [volunteer(100), volunteer(101)] }),
      db.volunteerHours.createMany({
        data: [{ id: randomUUID(), idempotencyKey: 'dup', volunteerId: leader.id, activityId: activity.id, minutes: 30 }],
        skipDuplicates: true,
      }),
      db.volunteerHours.createMany({
        data: [{ id: randomUUID(), idempotencyKey: 'dup', volunteerId: leader.id, activityId: activity.id, minutes: 30 }],
        skipDuplicates: true,
      }),
    ]);
    await consistent();

    // Moves between teams and communities, an activity moved with its hours, deletions.
    const someone = await db.volunteer.findFirstOrThrow({ where: { teamId: team.id, id: { not: leader.id } } });
    await db.volunteer.update({ where: { id: someone.id }, data: { teamId: null, communityId: b! } });
    await db.activity.update({ where: { id: activity.id }, data: { communityId: b! } });
    await db.volunteerHours.updateMany({ where: { activityId: activity.id }, data: { minutes: 60 } });
    await db.volunteerHours.deleteMany({ where: { volunteerId: leader.id, minutes: 60, idempotencyKey: 'dup' } });
    await db.volunteerHours.deleteMany({ where: { volunteerId: leader.id } });
    await db.volunteer.delete({ where: { id: leader.id } }); // the team is no longer party-led
    await db.volunteerTeam.update({ where: { id: team.id }, data: { communityId: b! } });
    await db.partyMember.update({ where: { id: member.id }, data: { name: '王芳芳' } });
    await consistent();
    await db.activity.delete({ where: { id: activity.id } });
    await db.volunteer.deleteMany({ where: { teamId: team.id } });
    await db.volunteerTeam.delete({ where: { id: team.id } });
    await db.partyMember.delete({ where: { id: member.id } });
    await consistent();
  });
});
