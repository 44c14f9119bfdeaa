import { badInput, conflict, forbidden, notFound, type Role } from '@shequ/kit';
import { canSupervisePoint, isProvider } from '../access.js';
import { builder, type Context } from '../builder.js';
import { newId } from '../ids.js';
import { day, future, text } from '../validate.js';
import { ServicePointCommitmentStatus, ServicePointNoticeKind } from './enums.js';

export const ServicePointCommitment = builder.prismaObject('ServicePointCommitment', {
  description: 'A public commitment of a service point (承诺制): what, by when, measured how',
  fields: (t) => ({
    id: t.exposeID('id'),
    content: t.exposeString('content'),
    measurableTarget: t.exposeString('measurableTarget'),
    deadline: t.expose('deadline', { type: 'Date' }),
    status: t.expose('status', { type: ServicePointCommitmentStatus }),
    assessedAt: t.expose('assessedAt', { type: 'DateTime', nullable: true }),
    servicePoint: t.relation('servicePoint'),
  }),
});

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
  if (ctx.caller.role !== 'DISTRICT_ADMIN' && !isProvider(ctx.caller, point.providerId)) throw forbidden('Only the provider running the point publishes for it');
  return point;
}

const CommitmentInput = builder.inputType('ServicePointCommitmentInput', {
  fields: (t) => ({
    content: t.string({ required: true, description: 'What is promised' }),
    measurableTarget: t.string({ required: true, description: 'How keeping it is measured, e.g. "respond within 24 hours"' }),
    deadline: t.field({ type: 'Date', required: true }),
  }),
});

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
  addServicePointCommitment: t.prismaField({
    type: 'ServicePointCommitment',
    authScopes: { role: editors },
    args: { servicePointId: t.arg.id({ required: true }), input: t.arg({ type: CommitmentInput, required: true }) },
    resolve: async (query, _root, { servicePointId, input }, ctx) => {
      const point = await ownPoint(ctx, servicePointId);
      return ctx.prisma.servicePointCommitment.create({
        ...query,
        data: {
          id: newId('commitment'),
          servicePointId: point.id,
          content: text(input.content, 'content', 500),
          measurableTarget: text(input.measurableTarget, 'measurableTarget', 200),
          deadline: day(input.deadline),
        },
      });
    },
  }),
  assessServicePointCommitment: t.prismaField({
    type: 'ServicePointCommitment',
    description: 'Records a commitment as KEPT or BROKEN: the supervision of the district, street or community',
    authScopes: { role: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: ServicePointCommitmentStatus, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      if (args.status === 'PENDING') throw badInput('status must be KEPT or BROKEN', { field: 'status' });
      const commitment = await ctx.prisma.servicePointCommitment.findUnique({ where: { id: args.id }, include: { servicePoint: true } });
      if (!commitment) throw notFound('Commitment', args.id);
      if (!canSupervisePoint(ctx.caller, commitment.servicePoint)) throw forbidden('Only the supervising district, street or community assesses it');
      const { count } = await ctx.prisma.servicePointCommitment.updateMany({
        where: { id: commitment.id, status: 'PENDING' },
        data: { status: args.status, assessedAt: new Date() },
      });
      if (count === 0) throw conflict('This commitment has already been assessed');
      return ctx.prisma.servicePointCommitment.findUniqueOrThrow({ ...query, where: { id: commitment.id } });
    },
  }),
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
          title: text(input.title, 'title', 120),
          content: text(input.content, 'content', 4000),
          expiresAt: input.expiresAt ? future(input.expiresAt, 'expiresAt') : null,
        },
      });
    },
  }),
}));
