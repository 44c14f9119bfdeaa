// Reads of the stored summaries (kept by the database's triggers, see the `aggregates`
// migration): one indexed lookup per request whatever the number of communities asked about.
import type { Context } from '../builder.js';
import type { CommunitySummary, LedgerCategory } from '../generated/prisma/client.js';

export interface CategoryTotal {
  communityId: string;
  category: LedgerCategory;
  amountFen: number;
  entries: number;
}

export const summaryByCommunity = (ctx: Context) =>
  ctx.loaders.byKey(
    'communitySummary',
    (s: CommunitySummary) => s.communityId,
    (ids: readonly string[]) => ctx.prisma.communitySummary.findMany({ where: { communityId: { in: [...ids] } } }),
  );

/** Per community and category, in category order. */
export const ledgerTotalsByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'ledgerTotalsByCommunity',
    (t: CategoryTotal) => t.communityId,
    async (ids: readonly string[]) => {
      const rows = await ctx.prisma.ledgerCategoryTotal.findMany({
        where: { communityId: { in: [...ids] } },
        orderBy: [{ communityId: 'asc' }, { category: 'asc' }],
      });
      return rows.map((r) => ({ communityId: r.communityId, category: r.category, amountFen: Number(r.amountFen), entries: r.entries }));
    },
  );
