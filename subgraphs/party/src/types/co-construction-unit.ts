import { randomUUID } from 'node:crypto';
import { badInput, check, notFound, rules } from '@shequ/kit';
import { assertMayManageCommunity } from '../access.js';
import { builder } from '../builder.js';
import { agreementsByUnit, contributionsByUnit, contributionTotalByUnit, organizationByCommunity, unitById, unitsByCommunity } from '../loaders.js';
import { Community } from './community.js';
import { UnitKind } from './enums.js';

export const CoConstructionUnit = builder.prismaObject('CoConstructionUnit', {
  description: 'A jurisdiction unit (辖区单位): a company or institution located in a community that co-builds with it',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: UnitKind }),
    address: t.exposeString('address'),
    community: t.field({ type: Community, nullable: true, resolve: (u) => ({ id: u.communityId }) }),
    agreements: t.prismaField({ type: ['CoConstructionAgreement'], resolve: (_query, u, _args, ctx) => agreementsByUnit(ctx).load(u.id) }),
    contributions: t.prismaField({
      type: ['Contribution'],
      description: 'Its contributions, latest first',
      resolve: (_query, u, _args, ctx) => contributionsByUnit(ctx).load(u.id),
    }),
    contributionTotalFen: t.field({
      type: 'Fen',
      description: 'The value of all its contributions, in fen',
      resolve: async (u, _args, ctx) => (await contributionTotalByUnit(ctx).load(u.id))?.totalFen ?? 0n,
    }),
  }),
});

builder.queryFields((t) => ({
  coConstructionUnit: t.prismaField({
    type: 'CoConstructionUnit',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => unitById(ctx).load(args.id),
  }),
  coConstructionUnits: t.prismaField({
    type: ['CoConstructionUnit'],
    description: 'The jurisdiction units of a community',
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => unitsByCommunity(ctx).load(args.communityId),
  }),
}));

const RegisterUnitInput = builder.inputType('RegisterCoConstructionUnitInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: UnitKind, required: true }),
    address: t.string({ required: true }),
    partnerId: t.id({ description: 'The partner id its own staff sign in with, so that they may record its contributions' }),
  }),
});

builder.mutationFields((t) => ({
  registerCoConstructionUnit: t.prismaField({
    type: 'CoConstructionUnit',
    description: "Registers a jurisdiction unit (the community's committee staff or party officers, district administrators)",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RegisterUnitInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      await assertMayManageCommunity(ctx, input.communityId);
      if (!(await organizationByCommunity(ctx).load(input.communityId))) throw notFound('Community with a party organisation', input.communityId);
      const partnerId = input.partnerId == null ? null : check(rules.text(100), input.partnerId, 'partnerId');
      if (partnerId !== null && !/^[\w-]{2,100}$/.test(partnerId)) throw badInput('partnerId must be letters, digits, _ or -', { field: 'partnerId' });
      return ctx.prisma.coConstructionUnit.create({
        data: {
          id: `unit-${randomUUID()}`,
          communityId: input.communityId,
          name: check(rules.text(100), input.name, 'name'),
          kind: input.kind,
          address: check(rules.text(200), input.address, 'address'),
          partnerId,
        },
      });
    },
  }),
}));
