// The party's summaries counted again from the rows: what the triggers of the `aggregates`
// migration must have stored. Tests compare the two after writes; an operator can too.
import type { DB } from '../db.js';

export interface CommunityVolunteerFigures {
  communityId: string;
  volunteers: number;
  partyMemberVolunteers: number;
  teams: number;
  teamsLedByPartyMembers: number;
  minutes: bigint;
}

export interface PartyRecount {
  communities: CommunityVolunteerFigures[];
  organizations: { organizationId: string; members: number }[];
  teams: { teamId: string; members: number }[];
}

/** Every summary as the rows say it should be, ordered by key. */
export async function recomputePartyAggregates(prisma: DB): Promise<PartyRecount> {
  const [communities, organizations, teams] = await Promise.all([
    prisma.$queryRaw<CommunityVolunteerFigures[]>`
      SELECT o."communityId",
        (SELECT count(*)::int FROM "Volunteer" v WHERE v."communityId" = o."communityId") AS volunteers,
        (SELECT count(v."partyMemberId")::int FROM "Volunteer" v WHERE v."communityId" = o."communityId") AS "partyMemberVolunteers",
        (SELECT count(*)::int FROM "VolunteerTeam" t WHERE t."communityId" = o."communityId") AS teams,
        (SELECT count(l."partyMemberId")::int FROM "VolunteerTeam" t JOIN "Volunteer" l ON l.id = t."leaderId" WHERE t."communityId" = o."communityId") AS "teamsLedByPartyMembers",
        (SELECT coalesce(sum(h.minutes), 0)::bigint FROM "Activity" a JOIN "VolunteerHours" h ON h."activityId" = a.id WHERE a."communityId" = o."communityId") AS minutes
      FROM "PartyOrganization" o ORDER BY o."communityId"`,
    prisma.$queryRaw<{ organizationId: string; members: number }[]>`
      SELECT o.id AS "organizationId", (SELECT count(*)::int FROM "PartyMember" m WHERE m."organizationId" = o.id) AS members
      FROM "PartyOrganization" o ORDER BY o.id`,
    prisma.$queryRaw<{ teamId: string; members: number }[]>`
      SELECT t.id AS "teamId", (SELECT count(*)::int FROM "Volunteer" v WHERE v."teamId" = t.id) AS members
      FROM "VolunteerTeam" t ORDER BY t.id`,
  ]);
  return { communities, organizations, teams };
}

/** Every summary as stored, in the same shape and order. */
export async function storedPartyAggregates(prisma: DB): Promise<PartyRecount> {
  const [communities, organizations, teams] = await Promise.all([
    prisma.communityVolunteerSummary.findMany({ orderBy: { communityId: 'asc' } }),
    prisma.partyOrganizationSummary.findMany({ orderBy: { organizationId: 'asc' } }),
    prisma.volunteerTeamSummary.findMany({ orderBy: { teamId: 'asc' } }),
  ]);
  return { communities, organizations, teams };
}
