import { randomUUID } from 'node:crypto';
import { badInput, check, notFound, rules } from '@shequ/kit';
import { assertMayManageCommunity } from '../access.js';
import { builder } from '../builder.js';
import { unitById } from '../loaders.js';
import { distinct } from '../validate.js';
import { ResourceKind } from './enums.js';

export const CoConstructionAgreement = builder.prismaObject('CoConstructionAgreement', {
  description: 'What a unit agreed to share with its community (共驻共建、资源共享)',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    resources: t.expose('resources', { type: [ResourceKind] }),
    signedOn: t.expose('signedOn', { type: 'Date' }),
    validUntil: t.expose('validUntil', { type: 'Date', nullable: true, description: 'Open-ended when null' }),
    unit: t.prismaField({ type: 'CoConstructionUnit', resolve: async (_query, a, _args, ctx) => (await unitById(ctx).load(a.unitId))! }),
  }),
});

const SignAgreementInput = builder.inputType('SignCoConstructionAgreementInput', {
  fields: (t) => ({
    unitId: t.id({ required: true }),
    title: t.string({ required: true }),
    resources: t.field({ type: [ResourceKind], required: true }),
    signedOn: t.field({ type: 'Date', required: true }),
    validUntil: t.field({ type: 'Date' }),
  }),
});

builder.mutationFields((t) => ({
  signCoConstructionAgreement: t.prismaField({
    type: 'CoConstructionAgreement',
    description: "Records an agreement between a unit and its community (the community's committee staff or party officers, district administrators)",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SignAgreementInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const unit = await unitById(ctx).load(input.unitId);
      if (!unit) throw notFound('Co-construction unit', input.unitId);
      await assertMayManageCommunity(ctx, unit.communityId);
      const resources = distinct(input.resources, 'resources', 6);
      if (!resources.length) throw badInput('resources must name at least one thing shared', { field: 'resources' });
      const signedOn = check(rules.pastDay(), input.signedOn, 'signedOn');
      const validUntil = input.validUntil == null ? null : rules.dayOf(input.validUntil);
      if (validUntil && validUntil <= signedOn) throw badInput('validUntil must be after signedOn', { field: 'validUntil' });
      return ctx.prisma.coConstructionAgreement.create({
        data: { id: `agreement-${randomUUID()}`, unitId: unit.id, title: check(rules.text(200), input.title, 'title'), resources, signedOn, validUntil },
      });
    },
  }),
}));
