// A service point's notices (公示制). Its commitments (承诺制) are not kept here: they are the
// departments subgraph's, in the one commitment system of departments, streets and service points,
// and reach ServicePoint.commitments through federation.
import { check, forbidden, notFound, type Role, rules } from '@shequ/kit';
import { isProvider } from '../access.js';
import { builder, type Context } from '../builder.js';
import { newId } from '../ids.js';
import { ServicePointNoticeKind } from './enums.js';

export const ServicePointNotice = builder.prismaObject('ServicePointNotice', {
  description: 'A public notice of a service point (公示制)',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ServicePointNoticeKind }),
    title: t.exposeString('title'),
    content: t.exposeString('content'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    servicePoint: t.relation('servicePoint'),
  }),
});

/** The point, if the caller runs it (its provider) or is a district administrator. */
async function ownPoint(ctx: Context, id: string) {
  const point = await ctx.prisma.servicePoint.findUnique({ where: { id } });
  if (!point) throw notFound('Service point', id);
  if (ctx.caller.role !== 'DISTRICT_ADMIN' && !isProvider(ctx.caller, point.providerId))
    throw forbidden('Only the provider running the point publishes for it');
  return point;
}

const NoticeInput = builder.inputType('ServicePointNoticeInput', {
  fields: (t) => ({
    kind: t.field({ type: ServicePointNoticeKind, required: true }),
    title: t.string({ required: true }),
    content: t.string({ required: true }),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

// The provider running the point, or the district on its behalf.
const editors: Role[] = ['PARTNER', 'DISTRICT_ADMIN'];

builder.mutationFields((t) => ({
  publishServicePointNotice: t.prismaField({
    type: 'ServicePointNotice',
    authScopes: { role: editors },
    args: { servicePointId: t.arg.id({ required: true }), input: t.arg({ type: NoticeInput, required: true }) },
    resolve: async (query, _root, { servicePointId, input }, ctx) => {
      const point = await ownPoint(ctx, servicePointId);
      return ctx.prisma.servicePointNotice.create({
        ...query,
        data: {
          id: newId('notice'),
          servicePointId: point.id,
          kind: input.kind,
          title: check(rules.text(120), input.title, 'title'),
          content: check(rules.text(4000), input.content, 'content'),
          expiresAt: input.expiresAt ? check(rules.future, input.expiresAt, 'expiresAt') : null,
        },
      });
    },
  }),
}));
