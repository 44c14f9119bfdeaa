import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, isUniqueViolation, notFound, rules } from '@shequ/kit';
import { builder, type Context } from '../builder.js';
import { memberSummaryByOrganization } from '../aggregates/summaries.js';
import { membersByOrganization, officersByOrganization, organizationByCommunity, organizationById } from '../loaders.js';
import { Community } from './community.js';
import { PartyOrganizationKind } from './enums.js';

export const PartyOrganization = builder.prismaObject('PartyOrganization', {
  description: 'A community\'s party branch or general branch (社区党(总)支部), "the core" of its community',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: PartyOrganizationKind }),
    foundedOn: t.expose('foundedOn', { type: 'Date' }),
    community: t.field({
      type: Community,
      nullable: true,
      description: 'The community it leads (owned by `committees`)',
      resolve: (o) => ({ id: o.communityId }),
    }),
    memberCount: t.int({
      description: 'Party members registered in the organisation',
      resolve: async (o, _args, ctx) => (await memberSummaryByOrganization(ctx).load(o.id))?.members ?? 0,
    }),
    secretary: t.prismaField({
      type: 'PartyMember',
      nullable: true,
      description: "The secretary (书记); personal data only for the organisation's officers and district administrators",
      resolve: async (_query, o, _args, ctx) => (await officersByOrganization(ctx).load(o.id)).find((m) => m.office === 'SECRETARY') ?? null,
    }),
    committee: t.prismaField({
      type: ['PartyMember'],
      description: 'The members holding an office on the committee (支委会)',
      resolve: (_query, o, _args, ctx) => officersByOrganization(ctx).load(o.id),
    }),
    members: t.prismaField({
      type: ['PartyMember'],
      description: "All members; their personal data only for the organisation's officers and district administrators",
      resolve: (_query, o, _args, ctx) => membersByOrganization(ctx).load(o.id),
    }),
  }),
});

builder.asEntity(PartyOrganization, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => organizationById(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  partyOrganization: t.prismaField({
    type: 'PartyOrganization',
    nullable: true,
    description: 'The party organisation of a community, if it is registered',
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => organizationByCommunity(ctx).load(args.communityId),
  }),
}));

const RegisterPartyOrganizationInput = builder.inputType('RegisterPartyOrganizationInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: PartyOrganizationKind, required: true }),
    foundedOn: t.field({ type: 'Date', required: true }),
  }),
});

// The community and its street belong to `committees`. This subgraph asks for the street once,
// through the gateway as itself, when the organisation is registered, and keeps it on the
// organisation: everything registered later in the community (units, teams, volunteers,
// activities) hangs off that record, so street-wide statistics never ask another subgraph.
async function streetOfCommunity(ctx: Context, communityId: string): Promise<string> {
  const answer = await ctx.services.ask<{ community: { street: { id: string } | null } | null }>({
    owner: 'committees',
    purpose: 'check which street the community belongs to',
    query: 'query PartyCommunityStreet($id: ID!) { community(id: $id) { street { id } } }',
    variables: { id: communityId },
  });
  if (!answer.community) throw notFound('Community', communityId);
  if (!answer.community.street) throw badInput(`${communityId} belongs to no street`, { field: 'communityId' });
  return answer.community.street.id;
}

builder.mutationFields((t) => ({
  registerPartyOrganization: t.prismaField({
    type: 'PartyOrganization',
    description: "Registers a community's party organisation (district administrators); the community's street is taken from `committees`",
    authScopes: { role: 'DISTRICT_ADMIN' },
    args: { input: t.arg({ type: RegisterPartyOrganizationInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const communityId = check(rules.text(100), input.communityId, 'communityId');
      const data = {
        communityId,
        name: check(rules.text(100), input.name, 'name'),
        kind: input.kind,
        foundedOn: check(rules.pastDay(), input.foundedOn, 'foundedOn'),
      };
      if (await organizationByCommunity(ctx).load(communityId)) throw conflict(`${communityId} already has a party organisation`, { communityId });
      const streetId = await streetOfCommunity(ctx, communityId);
      try {
        return await ctx.prisma.partyOrganization.create({ data: { id: `party-org-${randomUUID()}`, streetId, ...data } });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`${communityId} already has a party organisation`, { communityId });
        throw err;
      }
    },
  }),
}));
