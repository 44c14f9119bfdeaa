import { builder } from '../builder.js';
import { volunteerStats, type VolunteerStatsRow } from '../stats.js';

export const VolunteerStats = builder.objectRef<VolunteerStatsRow>('VolunteerStats').implement({
  description: 'Volunteers, teams and service hours of a community, a street or the district',
  fields: (t) => ({
    communities: t.exposeInt('communities', { description: 'Communities with a registered party organisation counted' }),
    volunteers: t.exposeInt('volunteers'),
    partyMemberVolunteers: t.exposeInt('partyMemberVolunteers', { description: 'Volunteers who are party members' }),
    teams: t.exposeInt('teams'),
    teamsLedByPartyMembers: t.exposeInt('teamsLedByPartyMembers'),
    partyLedTeamShare: t.float({
      description: 'Share of teams led by party members, 0 to 1 (0 when there are no teams)',
      resolve: (s) => (s.teams ? s.teamsLedByPartyMembers / s.teams : 0),
    }),
    hours: t.float({ description: 'Service hours logged', resolve: (s) => Math.round((s.minutes / 60) * 100) / 100 }),
  }),
});

builder.queryFields((t) => ({
  volunteerStats: t.field({
    type: VolunteerStats,
    description: 'Volunteer statistics of one street, or of the whole district without `streetId`',
    // An aggregate over every volunteer and service record of a street or the district, where
    // other fields read rows by key: the gateway's cost limit counts it as ten objects.
    cost: 10,
    args: { streetId: t.arg.id() },
    resolve: (_root, args, ctx) => volunteerStats(ctx.prisma, args.streetId ?? null),
  }),
}));
