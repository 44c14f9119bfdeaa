import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, isUniqueViolation, rules } from '@shequ/kit';
import { assertMayManageCommunity, mayReadVolunteers, personalField } from '../access.js';
import { builder } from '../builder.js';
import type { Volunteer as VolunteerRow } from '../generated/prisma/client.js';
import { memberById, minutesByVolunteer, organizationByCommunity, teamById, volunteerById } from '../loaders.js';
import { distinct } from '../validate.js';
import { Community } from './community.js';
import { VolunteerSkill } from './enums.js';

const personal = <T>(pick: (v: VolunteerRow) => T) => personalField((ctx, v: VolunteerRow) => mayReadVolunteers(ctx, v.communityId), pick);

const hidden = "Null unless the caller is the community's committee staff, one of its party officers or a district administrator.";

export const Volunteer = builder.prismaObject('Volunteer', {
  description: 'A registered volunteer (志愿者)',
  fields: (t) => ({
    id: t.exposeID('id'),
    skills: t.expose('skills', { type: [VolunteerSkill] }),
    registeredOn: t.expose('registeredOn', { type: 'Date' }),
    community: t.field({ type: Community, nullable: true, resolve: (v) => ({ id: v.communityId }) }),
    team: t.prismaField({ type: 'VolunteerTeam', nullable: true, resolve: (_query, v, _args, ctx) => (v.teamId ? teamById(ctx).load(v.teamId) : null) }),
    totalHours: t.float({
      description: 'Service hours logged for the volunteer, all activities',
      resolve: async (v, _args, ctx) => Math.round((((await minutesByVolunteer(ctx).load(v.id))?.minutes ?? 0) / 60) * 100) / 100,
    }),
    name: t.string({ nullable: true, description: hidden, resolve: personal((v) => v.name) }),
    phone: t.string({ nullable: true, description: hidden, resolve: personal((v) => v.phone) }),
    partyMember: t.prismaField({
      type: 'PartyMember',
      nullable: true,
      description: `The volunteer's party membership. ${hidden}`,
      resolve: async (_query, v, _args, ctx) =>
        v.partyMemberId && (await mayReadVolunteers(ctx, v.communityId)) ? memberById(ctx).load(v.partyMemberId) : null,
    }),
  }),
});

builder.queryFields((t) => ({
  volunteer: t.prismaField({
    type: 'Volunteer',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => volunteerById(ctx).load(args.id),
  }),
  volunteers: t.prismaConnection({
    type: 'Volunteer',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    description: 'The volunteers of a community',
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.volunteer.findMany({ ...query, where: { communityId: args.communityId }, orderBy: { id: 'asc' } }),
  }),
}));

const RegisterVolunteerInput = builder.inputType('RegisterVolunteerInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    name: t.string({ required: true }),
    phone: t.string({ description: rules.phoneDescription, validate: rules.phone }),
    skills: t.field({ type: [VolunteerSkill], required: true }),
    teamId: t.id({ description: 'A team of the same community' }),
    partyMemberId: t.id({ description: "When the volunteer is a member of the community's party organisation" }),
    registeredOn: t.field({ type: 'Date', description: 'Defaults to today' }),
  }),
});

builder.mutationFields((t) => ({
  registerVolunteer: t.prismaField({
    type: 'Volunteer',
    description: "Registers a volunteer (the community's committee staff or party officers, district administrators)",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RegisterVolunteerInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const { communityId } = input;
      await assertMayManageCommunity(ctx, communityId);
      const organization = await organizationByCommunity(ctx).load(communityId);
      if (!organization) throw badInput(`${communityId} has no registered party organisation`, { field: 'communityId' });
      if (input.teamId != null && (await teamById(ctx).load(input.teamId))?.communityId !== communityId) {
        throw badInput(`team ${input.teamId} is not a team of ${communityId}`, { field: 'teamId' });
      }
      if (input.partyMemberId != null && (await memberById(ctx).load(input.partyMemberId))?.organizationId !== organization.id) {
        throw badInput(`${input.partyMemberId} is not a member of ${organization.id}`, { field: 'partyMemberId' });
      }
      const data = {
        id: `vol-${randomUUID()}`,
        communityId,
        teamId: input.teamId ?? null,
        name: check(rules.text(50), input.name, 'name'),
        phone: input.phone ?? null,
        skills: distinct(input.skills, 'skills', 10),
        partyMemberId: input.partyMemberId ?? null,
        registeredOn: input.registeredOn == null ? new Date(new Date().toISOString().slice(0, 10)) : check(rules.pastDay(), input.registeredOn, 'registeredOn'),
      };
      try {
        return await ctx.prisma.volunteer.create({ data });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`party member ${input.partyMemberId} is already registered as a volunteer`);
        throw err;
      }
    },
  }),
}));
