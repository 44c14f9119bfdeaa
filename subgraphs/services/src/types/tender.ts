import type { TenderBid } from '../generated/prisma/client.js';
import { canManageTender, isProvider } from '../access.js';
import { builder } from '../builder.js';
import { bidById, tenderById } from '../loaders.js';
import { effectiveStatus, whereStatus } from '../tenders.js';
import { Community } from './community.js';
import { TenderStatus } from './enums.js';
import { Street } from './street.js';

export const Tender = builder.prismaObject('Tender', {
  description: 'A call for tenders (招标) to run a service item in one community or one street',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    requirements: t.exposeString('requirements'),
    budgetFen: t.expose('budgetFen', { type: 'Fen', description: 'Ceiling price in fen; bids above it are refused' }),
    contractStart: t.expose('contractStart', { type: 'Date' }),
    contractEnd: t.expose('contractEnd', { type: 'Date' }),
    closesAt: t.expose('closesAt', { type: 'DateTime', description: 'Bids are accepted until this instant' }),
    status: t.field({ type: TenderStatus, resolve: (tender) => effectiveStatus(tender) }),
    acceptingBids: t.boolean({ resolve: (tender) => effectiveStatus(tender) === 'OPEN' }),
    bidCount: t.exposeInt('bidCount'),
    awardedAt: t.expose('awardedAt', { type: 'DateTime', nullable: true }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    item: t.relation('item'),
    community: t.field({ type: Community, nullable: true, resolve: (x) => (x.communityId ? { id: x.communityId } : null) }),
    street: t.field({ type: Street, nullable: true, resolve: (x) => (x.streetId ? { id: x.streetId } : null) }),
    bids: t.prismaField({
      type: ['TenderBid'],
      description: "Sealed bids: the tender's managers see all, a provider sees its own, others none (see awardedBid)",
      resolve: async (_query, tender, _args, ctx) => {
        const manager = canManageTender(ctx.caller, tender);
        if (!manager && ctx.caller.role !== 'PARTNER') return [];
        const bids = await ctx.loaders
          .groupedBy(
            'bidsByTender',
            (b: TenderBid) => b.tenderId,
            (ids: readonly string[]) =>
              ctx.prisma.tenderBid.findMany({ where: { tenderId: { in: [...ids] } }, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }] }),
          )
          .load(tender.id);
        return manager ? bids : bids.filter((b) => isProvider(ctx.caller, b.providerId));
      },
    }),
    awardedBid: t.prismaField({
      type: 'TenderBid',
      nullable: true,
      description: 'The winning bid, public once awarded (中标公示)',
      resolve: (_query, tender, _args, ctx) => (tender.awardedBidId ? bidById(ctx).load(tender.awardedBidId) : null),
    }),
    servicePoint: t.relation('servicePoint', { nullable: true }),
  }),
});

builder.asEntity(Tender, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => tenderById(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  tenders: t.prismaConnection({
    type: 'Tender',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 200,
    description: 'Tenders, newest first',
    args: {
      status: t.arg({ type: TenderStatus }),
      itemId: t.arg.id(),
      communityId: t.arg.id(),
      streetId: t.arg.id(),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.tender.findMany({
        ...query,
        where: {
          ...(args.status ? whereStatus(args.status) : {}),
          ...(args.itemId ? { itemId: args.itemId } : {}),
          ...(args.communityId ? { communityId: args.communityId } : {}),
          ...(args.streetId ? { streetId: args.streetId } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
  tender: t.prismaField({
    type: 'Tender',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.tender.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
