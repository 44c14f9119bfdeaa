import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, forbidden, isUniqueViolation, notFound, rules } from '@shequ/kit';
import { mayReadMembers, personalField } from '../access.js';
import { builder } from '../builder.js';
import type { PartyMember as MemberRow } from '../generated/prisma/client.js';
import { organizationById } from '../loaders.js';
import { Gender, PartyOffice } from './enums.js';

const personal = <T>(pick: (m: MemberRow) => T) => personalField((ctx, m: MemberRow) => mayReadMembers(ctx, m.organizationId), pick);

const hidden = ' Null unless the caller is an officer of this organisation or a district administrator.';

export const PartyMember = builder.prismaObject('PartyMember', {
  description: 'A party member (党员). Everything but the office is personal data.',
  fields: (t) => ({
    id: t.exposeID('id'),
    office: t.expose('office', { type: PartyOffice, nullable: true, description: 'The office held on the committee, if any' }),
    organization: t.prismaField({
      type: 'PartyOrganization',
      resolve: async (_query, m, _args, ctx) => (await organizationById(ctx).load(m.organizationId))!,
    }),
    name: t.string({ nullable: true, description: `Full name.${hidden}`, resolve: personal((m) => m.name) }),
    gender: t.field({ type: Gender, nullable: true, description: hidden.trim(), resolve: personal((m) => m.gender) }),
    birthYear: t.int({ nullable: true, description: hidden.trim(), resolve: personal((m) => m.birthYear) }),
    phone: t.string({ nullable: true, description: hidden.trim(), resolve: personal((m) => m.phone) }),
    joinedOn: t.field({ type: 'Date', nullable: true, description: `Day of joining the party.${hidden}`, resolve: personal((m) => m.joinedOn) }),
  }),
});

const RegisterPartyMemberInput = builder.inputType('RegisterPartyMemberInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    name: t.string({ required: true }),
    gender: t.field({ type: Gender, required: true }),
    birthYear: t.int({ required: true }),
    phone: t.string({ required: true, description: rules.phoneDescription, validate: rules.phone }),
    joinedOn: t.field({ type: 'Date', required: true }),
    office: t.field({ type: PartyOffice, description: 'An office on the committee; each office has one holder' }),
  }),
});

builder.mutationFields((t) => ({
  registerPartyMember: t.prismaField({
    type: 'PartyMember',
    description: "Registers a member (the organisation's officers, district administrators)",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RegisterPartyMemberInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const organization = await organizationById(ctx).load(input.organizationId);
      if (!organization) throw notFound('Party organisation', input.organizationId);
      if (!(await mayReadMembers(ctx, organization.id)))
        throw forbidden("Only the organisation's officers or a district administrator may register its members");
      const thisYear = new Date().getUTCFullYear();
      if (input.birthYear < thisYear - 120 || input.birthYear > thisYear - 18)
        throw badInput('birthYear must make the member an adult under 120', { field: 'birthYear' });
      const joinedOn = check(rules.pastDay(), input.joinedOn, 'joinedOn');
      if (joinedOn.getUTCFullYear() < input.birthYear + 18) throw badInput("joinedOn must be after the member's 18th year", { field: 'joinedOn' });
      const data = {
        id: `pm-${randomUUID()}`,
        organizationId: organization.id,
        name: check(rules.text(50), input.name, 'name'),
        gender: input.gender,
        birthYear: input.birthYear,
        phone: input.phone,
        joinedOn,
        office: input.office ?? null,
      };
      try {
        return await ctx.prisma.partyMember.create({ data });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`${input.office} of ${organization.id} is already held`, { office: input.office });
        throw err;
      }
    },
  }),
}));
