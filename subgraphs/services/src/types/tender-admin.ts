import { badInput, check, forbidden, notFound, rules } from '@shequ/kit';
import { canManageTender } from '../access.js';
import { builder } from '../builder.js';
import { newCode, newId } from '../ids.js';
import { managedTender, wrongState } from '../tenders.js';
import { period, positiveFen } from '../validate.js';

const PublishTenderInput = builder.inputType('PublishTenderInput', {
  fields: (t) => ({
    itemId: t.id({ required: true }),
    communityId: t.id({ description: 'The community served; give this or streetId' }),
    streetId: t.id({ description: 'The street served; give this or communityId' }),
    title: t.string({ required: true }),
    requirements: t.string({ required: true }),
    budgetFen: t.field({ type: 'Fen', required: true, description: 'Ceiling price in fen for the contract period' }),
    contractStart: t.field({ type: 'Date', required: true }),
    contractEnd: t.field({ type: 'Date', required: true }),
    closesAt: t.field({ type: 'DateTime', required: true, description: 'End of bidding; in the future' }),
  }),
});

builder.mutationFields((t) => ({
  publishTender: t.prismaField({
    type: 'Tender',
    description: 'Opens a tender for bids: district administrators, or staff for their own street or community',
    authScopes: { role: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { input: t.arg({ type: PublishTenderInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!input.communityId === !input.streetId) throw badInput('give exactly one of communityId and streetId', { field: 'communityId' });
      const scope = { communityId: input.communityId ?? null, streetId: input.streetId ?? null };
      if (!canManageTender(ctx.caller, scope)) throw forbidden('Staff publish tenders only for their own street or community');
      const contract = period(input.contractStart, input.contractEnd);
      const item = await ctx.prisma.serviceItem.findUnique({ where: { id: input.itemId } });
      if (!item?.active) throw notFound('Service item', input.itemId);
      return ctx.prisma.tender.create({
        ...query,
        data: {
          id: newId('tender'),
          code: newCode('ZB'),
          itemId: item.id,
          ...scope,
          title: check(rules.text(120), input.title, 'title'),
          requirements: check(rules.text(4000), input.requirements, 'requirements'),
          budgetFen: check(positiveFen, input.budgetFen, 'budgetFen'),
          contractStart: contract.start,
          contractEnd: contract.end,
          closesAt: check(rules.future, input.closesAt, 'closesAt'),
          createdBy: ctx.caller.subject ?? ctx.caller.role,
        },
      });
    },
  }),
  closeTender: t.prismaField({
    type: 'Tender',
    description: 'Ends bidding before closesAt; evaluation and award follow',
    authScopes: { role: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const tender = await managedTender(ctx, args.id);
      // Guarded on the row: a bid being placed at this moment either lands before or is refused.
      const { count } = await ctx.prisma.tender.updateMany({ where: { id: tender.id, status: 'OPEN' }, data: { status: 'CLOSED' } });
      if (count === 0) throw wrongState((await ctx.prisma.tender.findUnique({ where: { id: tender.id } }))!, 'close');
      return ctx.prisma.tender.findUniqueOrThrow({ ...query, where: { id: tender.id } });
    },
  }),
  cancelTender: t.prismaField({
    type: 'Tender',
    description: 'Withdraws a tender that has not been awarded (e.g. no valid bids, 流标)',
    authScopes: { role: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const tender = await managedTender(ctx, args.id);
      const reason = check(rules.text(500), args.reason, 'reason');
      const { count } = await ctx.prisma.tender.updateMany({
        where: { id: tender.id, status: { in: ['OPEN', 'CLOSED'] } },
        data: { status: 'CANCELLED', cancelReason: reason },
      });
      if (count === 0) throw wrongState((await ctx.prisma.tender.findUnique({ where: { id: tender.id } }))!, 'cancel');
      return ctx.prisma.tender.findUniqueOrThrow({ ...query, where: { id: tender.id } });
    },
  }),
}));
