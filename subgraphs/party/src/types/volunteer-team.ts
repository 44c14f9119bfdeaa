import { randomUUID } from 'node:crypto';
import { badInput, check, notFound, rules } from '@shequ/kit';
import { assertMayManageCommunity } from '../access.js';
import { builder } from '../builder.js';
import { memberSummaryByTeam } from '../aggregates/summaries.js';
import { organizationByCommunity, teamsByCommunity, volunteerById, volunteersByTeam } from '../loaders.js';
import { Community } from './community.js';
import { VolunteerSkill } from './enums.js';

export const VolunteerTeam = builder.prismaObject('VolunteerTeam', {
  description: 'A volunteer team (志愿服务队) of a community; the model has party members lead them',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    focus: t.expose('focus', { type: VolunteerSkill, description: 'The service the team is for' }),
    community: t.field({ type: Community, nullable: true, resolve: (team) => ({ id: team.communityId }) }),
    leader: t.prismaField({
      type: 'Volunteer',
      nullable: true,
      resolve: (_query, team, _args, ctx) => (team.leaderId ? volunteerById(ctx).load(team.leaderId) : null),
    }),
    ledByPartyMember: t.boolean({
      resolve: async (team, _args, ctx) => Boolean(team.leaderId && (await volunteerById(ctx).load(team.leaderId))?.partyMemberId),
    }),
    members: t.prismaField({ type: ['Volunteer'], resolve: (_query, team, _args, ctx) => volunteersByTeam(ctx).load(team.id) }),
    memberCount: t.int({ resolve: async (team, _args, ctx) => (await memberSummaryByTeam(ctx).load(team.id))?.members ?? 0 }),
  }),
});

builder.queryFields((t) => ({
  volunteerTeams: t.prismaField({
    type: ['VolunteerTeam'],
    description: 'The volunteer teams of a community',
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => teamsByCommunity(ctx).load(args.communityId),
  }),
}));

const CreateTeamInput = builder.inputType('CreateVolunteerTeamInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    name: t.string({ required: true }),
    focus: t.field({ type: VolunteerSkill, required: true }),
    leaderId: t.id({ description: 'A volunteer of the same community' }),
  }),
});

builder.mutationFields((t) => ({
  createVolunteerTeam: t.prismaField({
    type: 'VolunteerTeam',
    description: "Creates a team (the community's committee staff or party officers, district administrators)",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      await assertMayManageCommunity(ctx, input.communityId);
      if (!(await organizationByCommunity(ctx).load(input.communityId))) throw notFound('Community with a party organisation', input.communityId);
      if (input.leaderId != null) {
        const leader = await volunteerById(ctx).load(input.leaderId);
        if (leader?.communityId !== input.communityId)
          throw badInput(`leader ${input.leaderId} is not a volunteer of ${input.communityId}`, { field: 'leaderId' });
      }
      return ctx.prisma.volunteerTeam.create({
        data: {
          id: `team-${randomUUID()}`,
          communityId: input.communityId,
          name: check(rules.text(100), input.name, 'name'),
          focus: input.focus,
          leaderId: input.leaderId ?? null,
        },
      });
    },
  }),
}));
