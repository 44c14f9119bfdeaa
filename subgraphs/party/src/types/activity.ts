import { randomUUID } from 'node:crypto';
import { badInput, check, notFound, rules } from '@shequ/kit';
import { assertMayManageCommunity } from '../access.js';
import { builder } from '../builder.js';
import { activitiesByCommunity, memberById, organizationByCommunity, participantsByActivity, teamById, volunteerById, type Participation } from '../loaders.js';
import { activityTime, distinct } from '../validate.js';
import { Community } from './community.js';
import { ActivityKind } from './enums.js';

export const ActivityParticipant = builder.objectRef<Participation>('ActivityParticipant').implement({
  description: 'Someone who took part in an activity: a party member, or a volunteer (recorded, or with hours logged for it)',
  fields: (t) => ({
    id: t.exposeID('id'),
    volunteer: t.prismaField({
      type: 'Volunteer',
      nullable: true,
      resolve: (_query, p, _args, ctx) => (p.volunteerId ? volunteerById(ctx).load(p.volunteerId) : null),
    }),
    partyMember: t.prismaField({
      type: 'PartyMember',
      nullable: true,
      resolve: (_query, p, _args, ctx) => (p.partyMemberId ? memberById(ctx).load(p.partyMemberId) : null),
    }),
    hours: t.float({ description: 'Service hours logged for this activity', resolve: (p) => p.minutes / 60 }),
  }),
});

export const Activity = builder.prismaObject('Activity', {
  description: 'A party-building event (主题党日, 党课) or a volunteer service event of a community',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ActivityKind }),
    title: t.exposeString('title'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    community: t.field({ type: Community, nullable: true, resolve: (a) => ({ id: a.communityId }) }),
    team: t.prismaField({ type: 'VolunteerTeam', nullable: true, resolve: (_query, a, _args, ctx) => (a.teamId ? teamById(ctx).load(a.teamId) : null) }),
    participants: t.field({ type: [ActivityParticipant], resolve: (a, _args, ctx) => participantsByActivity(ctx).load(a.id) }),
    participantCount: t.int({ resolve: async (a, _args, ctx) => (await participantsByActivity(ctx).load(a.id)).length }),
  }),
});

builder.queryFields((t) => ({
  activities: t.prismaField({
    type: ['Activity'],
    description: 'Party-building and volunteer events of a community, latest first',
    args: { communityId: t.arg.id({ required: true }), kind: t.arg({ type: ActivityKind }) },
    resolve: async (_query, _root, args, ctx) => (await activitiesByCommunity(ctx).load(args.communityId)).filter((a) => !args.kind || a.kind === args.kind),
  }),
}));

const CreateActivityInput = builder.inputType('CreateActivityInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    kind: t.field({ type: ActivityKind, required: true }),
    title: t.string({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    teamId: t.id({ description: 'The organising volunteer team, of the same community' }),
    partyMemberIds: t.idList({ description: "Participating members of the community's party organisation" }),
    volunteerIds: t.idList({ description: 'Participating volunteers (a volunteer with hours logged for it takes part anyway)' }),
  }),
});

const maxParticipants = 500;

builder.mutationFields((t) => ({
  createActivity: t.prismaField({
    type: 'Activity',
    description: "Creates an activity with its participants (the community's committee staff or party officers, district administrators)",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CreateActivityInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const { communityId } = input;
      await assertMayManageCommunity(ctx, communityId);
      const organization = await organizationByCommunity(ctx).load(communityId);
      if (!organization) throw notFound('Community with a party organisation', communityId);
      if (input.teamId != null && (await teamById(ctx).load(input.teamId))?.communityId !== communityId) {
        throw badInput(`team ${input.teamId} is not a team of ${communityId}`, { field: 'teamId' });
      }
      const memberIds = distinct(input.partyMemberIds ?? [], 'partyMemberIds', maxParticipants);
      const volunteerIds = distinct(input.volunteerIds ?? [], 'volunteerIds', maxParticipants);
      const members = await Promise.all(memberIds.map((id) => memberById(ctx).load(id)));
      const strangerMember = memberIds.find((_id, i) => members[i]?.organizationId !== organization.id);
      if (strangerMember) throw badInput(`${strangerMember} is not a member of ${organization.id}`, { field: 'partyMemberIds' });
      const volunteers = await Promise.all(volunteerIds.map((id) => volunteerById(ctx).load(id)));
      const unknownVolunteer = volunteerIds.find((_id, i) => !volunteers[i]);
      if (unknownVolunteer) throw badInput(`volunteer ${unknownVolunteer} does not exist`, { field: 'volunteerIds' });
      const id = `activity-${randomUUID()}`;
      const data = {
        id,
        communityId,
        kind: input.kind,
        title: check(rules.text(200), input.title, 'title'),
        startsAt: activityTime(input.startsAt),
        teamId: input.teamId ?? null,
      };
      const participants = [
        ...memberIds.map((partyMemberId) => ({ id: randomUUID(), activityId: id, partyMemberId })),
        ...volunteerIds.map((volunteerId) => ({ id: randomUUID(), activityId: id, volunteerId })),
      ];
      return ctx.prisma.$transaction(async (tx) => {
        const activity = await tx.activity.create({ data });
        if (participants.length) await tx.activityParticipant.createMany({ data: participants });
        return activity;
      });
    },
  }),
}));
