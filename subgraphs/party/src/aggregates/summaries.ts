// Reads of the stored summaries (kept by the database's triggers, see the `aggregates`
// migration): one indexed lookup per request whatever the number of communities asked about.
import type { Context } from '../builder.js';
import type { CommunityVolunteerSummary, PartyOrganizationSummary, VolunteerTeamSummary } from '../generated/prisma/client.js';

const ids = (keys: readonly string[]) => ({ in: [...keys] });

export const volunteerSummaryByCommunity = (ctx: Context) =>
  ctx.loaders.byKey(
    'volunteerSummaryByCommunity',
    (s: CommunityVolunteerSummary) => s.communityId,
    (keys: readonly string[]) => ctx.prisma.communityVolunteerSummary.findMany({ where: { communityId: ids(keys) } }),
  );

export const memberSummaryByOrganization = (ctx: Context) =>
  ctx.loaders.byKey(
    'memberSummaryByOrganization',
    (s: PartyOrganizationSummary) => s.organizationId,
    (keys: readonly string[]) => ctx.prisma.partyOrganizationSummary.findMany({ where: { organizationId: ids(keys) } }),
  );

export const memberSummaryByTeam = (ctx: Context) =>
  ctx.loaders.byKey(
    'memberSummaryByTeam',
    (s: VolunteerTeamSummary) => s.teamId,
    (keys: readonly string[]) => ctx.prisma.volunteerTeamSummary.findMany({ where: { teamId: ids(keys) } }),
  );
