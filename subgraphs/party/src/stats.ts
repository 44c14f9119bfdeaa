// Volunteer statistics, read from the per-community summaries the database keeps with every
// write (the `aggregates` migration): one indexed statement whatever the number of communities
// asked about, instead of counting volunteers and summing hours per request.
import type { Context } from './builder.js';
import type { DB } from './db.js';
import type { CommunityVolunteerSummary } from './generated/prisma/client.js';
import { volunteerSummaryByCommunity } from './aggregates/summaries.js';

export interface VolunteerStatsRow {
  communities: number;
  volunteers: number;
  partyMemberVolunteers: number;
  teams: number;
  teamsLedByPartyMembers: number;
  /** Service minutes logged for the communities' activities. */
  minutes: number;
}

const toStats = (rows: CommunityVolunteerSummary[]): VolunteerStatsRow =>
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
  // A summary row exists exactly for each registered organisation, so this counts the same
  // communities as the organisations do.
  const rows =
    streetId === null
      ? await prisma.communityVolunteerSummary.findMany()
      : await prisma.$queryRaw<CommunityVolunteerSummary[]>`
        SELECT s.* FROM "CommunityVolunteerSummary" s JOIN "PartyOrganization" o ON o."communityId" = s."communityId"
        WHERE o."streetId" = ${streetId}`;
  return toStats(rows);
}

/** Per community, batched: the gateway asking for 112 communities costs one statement. */
export const statsByCommunity = async (ctx: Context, communityId: string): Promise<VolunteerStatsRow | null> => {
  const row = await volunteerSummaryByCommunity(ctx).load(communityId);
  return row ? toStats([row]) : null;
};
