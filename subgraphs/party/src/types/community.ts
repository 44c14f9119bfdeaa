import { builder } from '../builder.js';
import { activitiesByCommunity, contributionTotalByCommunity, organizationByCommunity, teamsByCommunity, unitsByCommunity } from '../loaders.js';
import { statsByCommunity } from '../stats.js';
import { VolunteerStats } from './volunteer-stats.js';

// Every field is nullable: served by this subgraph on another's entity, so that this subgraph
// being down leaves the rest of the community intact.
export const Community = builder.externalRef('Community', builder.selection<{ id: string }>('id'));

Community.implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    partyOrganization: t.prismaField({
      type: 'PartyOrganization',
      nullable: true,
      description: "The community's party branch or general branch (社区党(总)支部)",
      resolve: (_query, c, _args, ctx) => organizationByCommunity(ctx).load(c.id),
    }),
    coConstructionUnits: t.prismaField({
      type: ['CoConstructionUnit'],
      nullable: true,
      description: 'Jurisdiction units co-building with the community (共驻共建)',
      resolve: (_query, c, _args, ctx) => unitsByCommunity(ctx).load(c.id),
    }),
    contributionTotalFen: t.field({
      type: 'Fen',
      nullable: true,
      description: "The value of all contributions of the community's units, in fen",
      resolve: async (c, _args, ctx) => (await contributionTotalByCommunity(ctx).load(c.id))?.totalFen ?? 0n,
    }),
    volunteerTeams: t.prismaField({
      type: ['VolunteerTeam'],
      nullable: true,
      resolve: (_query, c, _args, ctx) => teamsByCommunity(ctx).load(c.id),
    }),
    volunteerStats: t.field({
      type: VolunteerStats,
      nullable: true,
      description: 'Volunteers, teams and service hours of the community',
      resolve: (c, _args, ctx) => statsByCommunity(ctx, c.id),
    }),
    partyActivities: t.prismaField({
      type: ['Activity'],
      nullable: true,
      description: 'Party-building and volunteer events of the community, latest first',
      resolve: (_query, c, _args, ctx) => activitiesByCommunity(ctx).load(c.id),
    }),
  }),
});
