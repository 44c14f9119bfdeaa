import { badInput, check, conflict, forbidden, isUniqueViolation, notFound, rules } from '@shequ/kit';
import { builder } from '../builder.js';
import { newId } from '../ids.js';
import { effectiveStatus, managedTender, wrongState } from '../tenders.js';
import { positiveFen } from '../validate.js';
import { TenderBidStatus } from './enums.js';

export const TenderBid = builder.prismaObject('TenderBid', {
  description: "A provider's bid (投标) in a tender",
  fields: (t) => ({
    id: t.exposeID('id'),
    priceFen: t.expose('priceFen', { type: 'Fen' }),
    proposal: t.exposeString('proposal'),
    score: t.exposeInt('score', { nullable: true, description: 'Evaluation score 0–100' }),
    evaluationNotes: t.exposeString('evaluationNotes', { nullable: true }),
    status: t.expose('status', { type: TenderBidStatus }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    provider: t.relation('provider'),
    tender: t.relation('tender'),
  }),
});

const SubmitBidInput = builder.inputType('SubmitBidInput', {
  fields: (t) => ({
    tenderId: t.id({ required: true }),
    providerId: t.id({ description: "For a district administrator bidding on a provider's behalf; a PARTNER bids as its partnerId" }),
    priceFen: t.field({ type: 'Fen', required: true }),
    proposal: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  myTenderBids: t.prismaField({
    type: ['TenderBid'],
    description: "The calling provider's bids, newest first",
    authScopes: { role: 'PARTNER' },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.tenderBid.findMany({ ...query, where: { providerId: ctx.caller.partnerId ?? '' }, orderBy: { submittedAt: 'desc' } }),
  }),
}));

builder.mutationFields((t) => ({
  submitBid: t.prismaField({
    type: 'TenderBid',
    description: "Bids in an OPEN tender, once per provider; at most the tender's budget",
    authScopes: { role: ['PARTNER', 'DISTRICT_ADMIN'] },
    args: { input: t.arg({ type: SubmitBidInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const providerId = ctx.caller.role === 'PARTNER' ? ctx.caller.partnerId : input.providerId;
      if (!providerId) throw badInput("providerId is required when bidding on a provider's behalf", { field: 'providerId' });
      if (ctx.caller.role === 'PARTNER' && input.providerId && input.providerId !== providerId) throw forbidden('A provider bids only for itself');
      const provider = await ctx.prisma.serviceProvider.findUnique({ where: { id: providerId } });
      if (!provider)
        throw ctx.caller.role === 'PARTNER' ? forbidden('Your organisation is not a registered service provider') : notFound('Service provider', providerId);
      const tender = await ctx.prisma.tender.findUnique({ where: { id: input.tenderId } });
      if (!tender) throw notFound('Tender', input.tenderId);
      const priceFen = check(positiveFen, input.priceFen, 'priceFen');
      if (priceFen > tender.budgetFen) throw badInput(`priceFen exceeds the tender's budget of ${tender.budgetFen} fen`, { field: 'priceFen' });
      const proposal = check(rules.text(4000), input.proposal, 'proposal');
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          // Counting the bid on the tender row while it is OPEN locks that row, so a close
          // or an award at the same moment waits for this bid or refuses it: never both.
          const { count } = await tx.tender.updateMany({
            where: { id: tender.id, status: 'OPEN', closesAt: { gt: new Date() } },
            data: { bidCount: { increment: 1 } },
          });
          if (count === 0) throw wrongState((await tx.tender.findUnique({ where: { id: tender.id } }))!, 'bid in');
          const submittedBy = ctx.caller.subject ?? ctx.caller.role;
          return tx.tenderBid.create({ ...query, data: { id: newId('bid'), tenderId: tender.id, providerId, priceFen, proposal, submittedBy } });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`${provider.name} has already bid in tender ${tender.code}`);
        throw err;
      }
    },
  }),
  evaluateBid: t.prismaField({
    type: 'TenderBid',
    description: 'Scores a bid 0–100 once bidding has closed (评标)',
    authScopes: { role: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { bidId: t.arg.id({ required: true }), score: t.arg.int({ required: true }), notes: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const bid = await ctx.prisma.tenderBid.findUnique({ where: { id: args.bidId } });
      if (!bid) throw notFound('Bid', args.bidId);
      const tender = await managedTender(ctx, bid.tenderId);
      if (!Number.isInteger(args.score) || args.score < 0 || args.score > 100) throw badInput('score must be 0–100', { field: 'score' });
      if (effectiveStatus(tender) !== 'CLOSED') throw wrongState(tender, 'evaluate bids of');
      return ctx.prisma.tenderBid.update({
        ...query,
        where: { id: bid.id },
        data: { score: args.score, evaluationNotes: check(rules.optionalText(1000), args.notes, 'notes') },
      });
    },
  }),
}));
