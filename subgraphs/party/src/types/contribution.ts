import { randomUUID } from 'node:crypto';
import { badInput, check, forbidden, notFound, rules, unauthenticated, wakeOutbox } from '@shequ/kit';
import { mayManageCommunity } from '../access.js';
import { builder, type Context } from '../builder.js';
import type { CoConstructionUnit as UnitRow } from '../generated/prisma/client.js';
import { agreementById, unitById } from '../loaders.js';
import { donationFor, donationKind, maxDonationFen } from '../outbox/donation.js';
import { contributionFen } from '../validate.js';
import { ResourceKind } from './enums.js';

export const Contribution = builder.prismaObject('Contribution', {
  description: 'One contribution of a unit to its community: money, or rooms, equipment, staff time… valued in fen',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ResourceKind }),
    description: t.exposeString('description'),
    valueFen: t.expose('valueFen', { type: 'Fen', description: 'Its value in fen (分); for things in kind, an agreed estimate' }),
    contributedOn: t.expose('contributedOn', { type: 'Date' }),
    unit: t.prismaField({ type: 'CoConstructionUnit', resolve: async (_query, c, _args, ctx) => (await unitById(ctx).load(c.unitId))! }),
    agreement: t.prismaField({
      type: 'CoConstructionAgreement',
      nullable: true,
      resolve: (_query, c, _args, ctx) => (c.agreementId ? agreementById(ctx).load(c.agreementId) : null),
    }),
  }),
});

/** The community's managers, or the unit's own staff (a PARTNER caller whose partnerId is the unit's). */
async function assertMayRecord(ctx: Context, unit: UnitRow): Promise<void> {
  if (ctx.caller.role === 'ANONYMOUS') throw unauthenticated();
  const ownUnit = ctx.caller.role === 'PARTNER' && unit.partnerId !== null && ctx.caller.partnerId === unit.partnerId;
  if (!ownUnit && !(await mayManageCommunity(ctx, unit.communityId))) {
    throw forbidden("Only the unit itself, the community's committee staff or party officers, or a district administrator may record its contributions");
  }
}

const RecordContributionInput = builder.inputType('RecordContributionInput', {
  fields: (t) => ({
    unitId: t.id({ required: true }),
    agreementId: t.id({ description: 'The agreement it fulfils, if any' }),
    kind: t.field({ type: ResourceKind, required: true }),
    description: t.string({ required: true }),
    valueFen: t.field({ type: 'Fen', required: true, description: 'More than 0 and at most 10^11 fen' }),
    contributedOn: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationFields((t) => ({
  recordContribution: t.prismaField({
    type: 'Contribution',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RecordContributionInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const unit = await unitById(ctx).load(input.unitId);
      if (!unit) throw notFound('Co-construction unit', input.unitId);
      await assertMayRecord(ctx, unit);
      const valueFen = contributionFen(BigInt(input.valueFen));
      if (input.kind === 'MONEY' && valueFen > maxDonationFen) {
        throw badInput(`A money contribution is at most ${maxDonationFen} fen (what the community ledger books at once); record larger sums in parts`, {
          field: 'valueFen',
        });
      }
      const contributedOn = check(rules.pastDay(), input.contributedOn, 'contributedOn');
      if (input.agreementId != null) {
        const agreement = await agreementById(ctx).load(input.agreementId);
        if (!agreement || agreement.unitId !== unit.id) throw badInput(`agreement ${input.agreementId} is not one of ${unit.id}'s`, { field: 'agreementId' });
        if (!agreement.resources.includes(input.kind)) throw badInput(`agreement ${agreement.id} does not cover ${input.kind}`, { field: 'kind' });
        if (contributedOn < agreement.signedOn || (agreement.validUntil && contributedOn > agreement.validUntil)) {
          throw badInput(`agreement ${agreement.id} is not in force on ${input.contributedOn}`, { field: 'contributedOn' });
        }
      }
      const row = {
        id: `contribution-${randomUUID()}`,
        unitId: unit.id,
        agreementId: input.agreementId ?? null,
        kind: input.kind,
        description: check(rules.text(500), input.description, 'description'),
        valueFen,
        contributedOn,
      };
      if (input.kind !== 'MONEY') return ctx.prisma.contribution.create({ data: row });
      // Money is the community's income: the contribution and its donation event commit together.
      const donation = donationFor(row, unit);
      const [created] = await ctx.prisma.$transaction([
        ctx.prisma.contribution.create({ data: row }),
        ctx.prisma.outboxEvent.create({ data: { id: donation.eventId, kind: donationKind, payload: { ...donation } } }),
      ]);
      wakeOutbox(ctx.prisma);
      return created;
    },
  }),
}));
