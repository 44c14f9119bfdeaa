// Volunteer statistics, always derived from the rows (never stored as running totals), in one
// SQL statement whatever the number of communities asked about.
import type { Context } from './builder.js';
import type { DB } from './db.js';
import { Prisma } from './generated/prisma/client.js';

export interface VolunteerStatsRow {
  communities: number;
  volunteers: number;
  partyMemberVolunteers: number;
  teams: number;
  teamsLedByPartyMembers: number;
  /** Service minutes logged for the communities' activities. */
  minutes: number;
}

type CommunityRow = Omit<VolunteerStatsRow, 'communities'> & { communityId: string; minutes: bigint };

/** One row per registered community matching `where` (a condition on the organisation `o`). */
async function perCommunity(prisma: DB, where: Prisma.Sql): Promise<CommunityRow[]> {
  // LATERAL subqueries use the communityId indexes, so one community costs a few index scans
  // and the whole district one pass; either way a single statement.
  return prisma.$queryRaw<CommunityRow[]>`
    SELECT o."communityId", v.volunteers, v."partyMemberVolunteers", t.teams, t."teamsLedByPartyMembers", h.minutes
    FROM "PartyOrganization" o
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS volunteers, count(vol."partyMemberId")::int AS "partyMemberVolunteers"
      FROM "Volunteer" vol WHERE vol."communityId" = o."communityId") v
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS teams, count(leader."partyMemberId")::int AS "teamsLedByPartyMembers"
      FROM "VolunteerTeam" team LEFT JOIN "Volunteer" leader ON leader.id = team."leaderId"
      WHERE team."communityId" = o."communityId") t
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(log.minutes), 0)::bigint AS minutes
      FROM "Activity" a JOIN "VolunteerHours" log ON log."activityId" = a.id
      WHERE a."communityId" = o."communityId") h
    WHERE ${where}
    ORDER BY o."communityId"`;
}

const toStats = (rows: CommunityRow[]): VolunteerStatsRow =>
  rows.reduce<VolunteerStatsRow>(
    (sum, r) => ({
      communities: sum.communities + 1,
      volunteers: sum.volunteers + r.volunteers,
      partyMemberVolunteers: sum.partyMemberVolunteers + r.partyMemberVolunteers,
      teams: sum.teams + r.teams,
      teamsLedByPartyMembers: sum.teamsLedByPartyMembers + r.teamsLedByPartyMembers,
      minutes: sum.minutes + Number(r.minutes),
    }),
    { communities: 0, volunteers: 0, partyMemberVolunteers: 0, teams: 0, teamsLedByPartyMembers: 0, minutes: 0 },
  );

/** The district, or one street (as recorded with its communities' party organisations). */
export async function volunteerStats(prisma: DB, streetId: string | null): Promise<VolunteerStatsRow> {
  return toStats(await perCommunity(prisma, streetId === null ? Prisma.sql`TRUE` : Prisma.sql`o."streetId" = ${streetId}`));
}

/** Per community, batched: the gateway asking for 112 communities costs one statement. */
export const statsByCommunity = (ctx: Context) =>
  ctx.loaders.get<string, VolunteerStatsRow | null>('volunteerStatsByCommunity', async (keys) => {
    const rows = await perCommunity(ctx.prisma, Prisma.sql`o."communityId" = ANY(${[...keys]})`);
    const byId = new Map(rows.map((r) => [r.communityId, toStats([r])]));
    return keys.map((k) => byId.get(k) ?? null);
  });
