import type { LedgerEntry as EntryRow } from '../generated/prisma/client.js';
import { ledgerTotalsByCommunity, type CategoryTotal } from '../aggregates/summaries.js';
import { builder, type Context } from '../builder.js';
import { LedgerCategoryEnum } from './enums.js';

export const entryLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'ledgerEntryById',
    (e: EntryRow) => e.id,
    (ids: readonly string[]) => ctx.prisma.ledgerEntry.findMany({ where: { id: { in: [...ids] } } }),
  );

const reversalOf = (ctx: Context) =>
  ctx.loaders.byKey(
    'ledgerReversalOf',
    (e: EntryRow) => e.reversesId!,
    (ids: readonly string[]) => ctx.prisma.ledgerEntry.findMany({ where: { reversesId: { in: [...ids] } } }),
  );

const LedgerTotal = builder.objectRef<CategoryTotal>('LedgerCategoryTotal').implement({
  description: "The sum of a community's ledger entries of one category (spending negative)",
  fields: (t) => ({
    category: t.expose('category', { type: LedgerCategoryEnum }),
    amountFen: t.expose('amountFen', { type: 'Fen', description: 'Signed: spending and reversals of income are negative' }),
    entries: t.exposeInt('entries'),
  }),
});

export const LedgerEntry = builder.prismaObject('LedgerEntry', {
  description: "An entry of a community's funds ledger; entries are never changed, a correction is a REVERSAL entry",
  fields: (t) => ({
    id: t.exposeID('id'),
    communityId: t.exposeID('communityId'),
    category: t.expose('category', { type: LedgerCategoryEnum }),
    amountFen: t.expose('amountFen', { type: 'Fen', description: 'Signed, in fen (分): income positive, spending negative' }),
    source: t.exposeString('source', { description: 'Where the money came from, or who was paid' }),
    purpose: t.exposeString('purpose'),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
    reference: t.exposeString('reference', { nullable: true, description: 'e.g. the delegated task the funding follows' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(LedgerEntry, (t) => ({
  reverses: t.field({
    type: LedgerEntry,
    nullable: true,
    description: 'For a REVERSAL: the entry it corrects',
    resolve: (e, _args, ctx) => (e.reversesId ? entryLoader(ctx).load(e.reversesId) : null),
  }),
  reversedBy: t.field({
    type: LedgerEntry,
    nullable: true,
    description: 'The REVERSAL that corrects this entry, if any',
    resolve: (e, _args, ctx) => reversalOf(ctx).load(e.id),
  }),
}));

builder.prismaObjectFields('Community', (t) => ({
  fundBalanceFen: t.field({
    type: 'Fen',
    description: "Balance of the community's funds in fen: the sum of its ledger entries",
    // From the per-category totals kept with every entry booked (src/aggregates).
    resolve: async (c, _args, ctx) => (await ledgerTotalsByCommunity(ctx).load(c.id)).reduce((sum, r) => sum + r.amountFen, 0),
  }),
  fundTotals: t.field({
    type: [LedgerTotal],
    description: 'Ledger sums by category (income by source, spending, reversals)',
    resolve: (c, _args, ctx) => ledgerTotalsByCommunity(ctx).load(c.id),
  }),
}));

builder.queryFields((t) => ({
  ledgerEntries: t.prismaConnection({
    type: 'LedgerEntry',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    description: "A community's funds ledger, latest first; public under the publicity system (公示制)",
    args: { communityId: t.arg.id({ required: true }), category: t.arg({ type: LedgerCategoryEnum }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.ledgerEntry.findMany({
        ...query,
        where: { communityId: args.communityId, ...(args.category ? { category: args.category } : {}) },
        orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));
