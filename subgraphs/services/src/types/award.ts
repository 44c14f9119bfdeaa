import { badInput, check, conflict, isUniqueViolation, notFound, rules } from '@shequ/kit';
import { builder } from '../builder.js';
import { newCode, newId } from '../ids.js';
import { managedTender, wrongState } from '../tenders.js';
import { coordinates, openingHours } from '../validate.js';

const ServicePointInput = builder.inputType('ServicePointInput', {
  description: 'Where and when the awarded provider serves',
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    address: t.string({ required: true }),
    lat: t.float({ required: true }),
    long: t.float({ required: true }),
    openingHours: t.string({ required: true, description: 'opening_hours syntax, e.g. "Mo-Fr 08:30-17:30; Sa 09:00-12:00"' }),
    phone: t.string({ required: true, description: `The point's public service phone: ${rules.phoneDescription}`, validate: rules.phone }),
  }),
});

const AwardTenderInput = builder.inputType('AwardTenderInput', {
  fields: (t) => ({
    tenderId: t.id({ required: true }),
    bidId: t.id({ required: true, description: 'A bid of this tender' }),
    servicePoint: t.field({ type: ServicePointInput, required: true }),
  }),
});

builder.mutationFields((t) => ({
  awardTender: t.prismaField({
    type: 'Tender',
    description: 'Awards a closed tender to one of its bids (定标); the winner runs a service point for the contract period',
    authScopes: { role: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMITTEE_STAFF'] },
    args: { input: t.arg({ type: AwardTenderInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tender = await managedTender(ctx, input.tenderId);
      const bid = await ctx.prisma.tenderBid.findUnique({ where: { id: input.bidId } });
      if (!bid) throw notFound('Bid', input.bidId);
      if (bid.tenderId !== tender.id) throw badInput(`Bid ${bid.id} is not a bid of tender ${tender.code}`, { field: 'bidId' });
      const p = input.servicePoint;
      const point = {
        name: check(rules.text(100), p.name, 'servicePoint.name'),
        nameEn: check(rules.text(150), p.nameEn, 'servicePoint.nameEn'),
        address: check(rules.text(200), p.address, 'servicePoint.address'),
        ...coordinates(p.lat, p.long),
        openingHours: openingHours(p.openingHours),
        phone: p.phone,
      };
      const now = new Date();
      try {
        await ctx.prisma.$transaction(async (tx) => {
          // One award per tender: only the first of two concurrent awards finds the tender
          // unawarded and bidding closed; the other waits for the row, then updates nothing.
          const { count } = await tx.tender.updateMany({
            where: { id: tender.id, awardedBidId: null, OR: [{ status: 'CLOSED' }, { status: 'OPEN', closesAt: { lte: now } }] },
            data: { status: 'AWARDED', awardedBidId: bid.id, awardedAt: now },
          });
          if (count === 0) throw wrongState((await tx.tender.findUnique({ where: { id: tender.id } }))!, 'award');
          await tx.tenderBid.updateMany({ where: { tenderId: tender.id, id: { not: bid.id } }, data: { status: 'LOST' } });
          await tx.tenderBid.update({ where: { id: bid.id }, data: { status: 'WON' } });
          await tx.servicePoint.create({
            data: {
              ...point,
              id: newId('point'),
              code: newCode('SP'),
              itemId: tender.itemId,
              providerId: bid.providerId,
              tenderId: tender.id,
              communityId: tender.communityId,
              streetId: tender.streetId,
              contractStart: tender.contractStart,
              contractEnd: tender.contractEnd,
            },
          });
        });
      } catch (err) {
        // The unique tender id on service points is the last guard against a double award.
        if (isUniqueViolation(err)) throw conflict(`Tender ${tender.code} has already been awarded`, { status: 'AWARDED' });
        throw err;
      }
      return ctx.prisma.tender.findUniqueOrThrow({ ...query, where: { id: tender.id } });
    },
  }),
}));
