// Per-request batched reads, shared by the types: whatever list the gateway asks for, each of
// these costs one SQL statement per request.
import type {
  Activity,
  CoConstructionAgreement,
  CoConstructionUnit,
  Contribution,
  PartyMember,
  PartyOrganization,
  Volunteer,
  VolunteerTeam,
} from './generated/prisma/client.js';
import type { Context } from './builder.js';

const ids = (keys: readonly string[]) => ({ in: [...keys] });

export const organizationById = (ctx: Context) =>
  ctx.loaders.byKey(
    'organizationById',
    (o: PartyOrganization) => o.id,
    (keys: readonly string[]) => ctx.prisma.partyOrganization.findMany({ where: { id: ids(keys) } }),
  );

export const organizationByCommunity = (ctx: Context) =>
  ctx.loaders.byKey(
    'organizationByCommunity',
    (o: PartyOrganization) => o.communityId,
    (keys: readonly string[]) => ctx.prisma.partyOrganization.findMany({ where: { communityId: ids(keys) } }),
  );

export const memberById = (ctx: Context) =>
  ctx.loaders.byKey(
    'memberById',
    (m: PartyMember) => m.id,
    (keys: readonly string[]) => ctx.prisma.partyMember.findMany({ where: { id: ids(keys) } }),
  );

export const membersByOrganization = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'membersByOrganization',
    (m: PartyMember) => m.organizationId,
    (keys: readonly string[]) => ctx.prisma.partyMember.findMany({ where: { organizationId: ids(keys) }, orderBy: { id: 'asc' } }),
  );

/** The committee (members holding an office) of each organisation. */
export const officersByOrganization = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'officersByOrganization',
    (m: PartyMember) => m.organizationId,
    (keys: readonly string[]) => ctx.prisma.partyMember.findMany({ where: { organizationId: ids(keys), office: { not: null } }, orderBy: { id: 'asc' } }),
  );

export const unitById = (ctx: Context) =>
  ctx.loaders.byKey(
    'unitById',
    (u: CoConstructionUnit) => u.id,
    (keys: readonly string[]) => ctx.prisma.coConstructionUnit.findMany({ where: { id: ids(keys) } }),
  );

export const unitsByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'unitsByCommunity',
    (u: CoConstructionUnit) => u.communityId,
    (keys: readonly string[]) => ctx.prisma.coConstructionUnit.findMany({ where: { communityId: ids(keys) }, orderBy: { id: 'asc' } }),
  );

export const agreementsByUnit = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'agreementsByUnit',
    (a: CoConstructionAgreement) => a.unitId,
    (keys: readonly string[]) => ctx.prisma.coConstructionAgreement.findMany({ where: { unitId: ids(keys) }, orderBy: [{ signedOn: 'asc' }, { id: 'asc' }] }),
  );

export const agreementById = (ctx: Context) =>
  ctx.loaders.byKey(
    'agreementById',
    (a: CoConstructionAgreement) => a.id,
    (keys: readonly string[]) => ctx.prisma.coConstructionAgreement.findMany({ where: { id: ids(keys) } }),
  );

export const contributionsByUnit = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'contributionsByUnit',
    (c: Contribution) => c.unitId,
    (keys: readonly string[]) => ctx.prisma.contribution.findMany({ where: { unitId: ids(keys) }, orderBy: [{ contributedOn: 'desc' }, { id: 'asc' }] }),
  );

type Total = { key: string; totalFen: bigint };
export const contributionTotalByUnit = (ctx: Context) =>
  ctx.loaders.byKey(
    'contributionTotalByUnit',
    (t: Total) => t.key,
    async (keys: readonly string[]) =>
      (await ctx.prisma.contribution.groupBy({ by: ['unitId'], where: { unitId: ids(keys) }, _sum: { valueFen: true } })).map((g) => ({
        key: g.unitId,
        totalFen: g._sum.valueFen ?? 0n,
      })),
  );

export const contributionTotalByCommunity = (ctx: Context) =>
  ctx.loaders.byKey(
    'contributionTotalByCommunity',
    (t: Total) => t.key,
    (keys: readonly string[]) =>
      ctx.prisma.$queryRaw<Total[]>`
      SELECT u."communityId" AS key, sum(c."valueFen")::bigint AS "totalFen"
      FROM "Contribution" c JOIN "CoConstructionUnit" u ON u.id = c."unitId"
      WHERE u."communityId" = ANY(${[...keys]}) GROUP BY u."communityId"`,
  );

export const teamById = (ctx: Context) =>
  ctx.loaders.byKey(
    'teamById',
    (t: VolunteerTeam) => t.id,
    (keys: readonly string[]) => ctx.prisma.volunteerTeam.findMany({ where: { id: ids(keys) } }),
  );

export const teamsByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'teamsByCommunity',
    (t: VolunteerTeam) => t.communityId,
    (keys: readonly string[]) => ctx.prisma.volunteerTeam.findMany({ where: { communityId: ids(keys) }, orderBy: { id: 'asc' } }),
  );

export const volunteerById = (ctx: Context) =>
  ctx.loaders.byKey(
    'volunteerById',
    (v: Volunteer) => v.id,
    (keys: readonly string[]) => ctx.prisma.volunteer.findMany({ where: { id: ids(keys) } }),
  );

export const volunteersByTeam = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'volunteersByTeam',
    (v: Volunteer) => v.teamId ?? '',
    (keys: readonly string[]) => ctx.prisma.volunteer.findMany({ where: { teamId: ids(keys) }, orderBy: { id: 'asc' } }),
  );

type Minutes = { key: string; minutes: number };
export const minutesByVolunteer = (ctx: Context) =>
  ctx.loaders.byKey(
    'minutesByVolunteer',
    (m: Minutes) => m.key,
    async (keys: readonly string[]) =>
      (await ctx.prisma.volunteerHours.groupBy({ by: ['volunteerId'], where: { volunteerId: ids(keys) }, _sum: { minutes: true } })).map((g) => ({
        key: g.volunteerId,
        minutes: g._sum.minutes ?? 0,
      })),
  );

export const activityById = (ctx: Context) =>
  ctx.loaders.byKey(
    'activityById',
    (a: Activity) => a.id,
    (keys: readonly string[]) => ctx.prisma.activity.findMany({ where: { id: ids(keys) } }),
  );

export const activitiesByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'activitiesByCommunity',
    (a: Activity) => a.communityId,
    (keys: readonly string[]) => ctx.prisma.activity.findMany({ where: { communityId: ids(keys) }, orderBy: [{ startsAt: 'desc' }, { id: 'asc' }] }),
  );

/** Who took part: those recorded as participants, and every volunteer with hours logged for it. */
export interface Participation {
  id: string;
  volunteerId: string | null;
  partyMemberId: string | null;
  minutes: number;
}

export const participantsByActivity = (ctx: Context) =>
  ctx.loaders.get<string, Participation[]>('participantsByActivity', async (keys) => {
    const [recorded, logged] = await Promise.all([
      ctx.prisma.activityParticipant.findMany({ where: { activityId: ids(keys) }, orderBy: { id: 'asc' } }),
      ctx.prisma.volunteerHours.groupBy({
        by: ['activityId', 'volunteerId'],
        where: { activityId: ids(keys) },
        _sum: { minutes: true },
        orderBy: [{ activityId: 'asc' }, { volunteerId: 'asc' }],
      }),
    ]);
    const byActivity = new Map<string, Participation[]>(keys.map((k) => [k, []]));
    for (const p of recorded) byActivity.get(p.activityId)?.push({ id: p.id, volunteerId: p.volunteerId, partyMemberId: p.partyMemberId, minutes: 0 });
    for (const l of logged) {
      const list = byActivity.get(l.activityId);
      const known = list?.find((p) => p.volunteerId === l.volunteerId);
      if (known) known.minutes = l._sum.minutes ?? 0;
      else list?.push({ id: `${l.activityId}:${l.volunteerId}`, volunteerId: l.volunteerId, partyMemberId: null, minutes: l._sum.minutes ?? 0 });
    }
    return keys.map((k) => byActivity.get(k) ?? []);
  });
