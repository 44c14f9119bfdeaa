// The committees' summaries counted again from the rows: what the triggers of the `aggregates`
// migration must have stored. Tests compare the two after writes; an operator can too.
import type { DB } from '../db.js';
import type { LedgerCategory } from '../generated/prisma/client.js';

export interface CommitteesRecount {
  communities: { communityId: string; representatives: number }[];
  ledger: { communityId: string; category: LedgerCategory; amountFen: bigint; entries: number }[];
}

/** Every summary as the rows say it should be, ordered by key. */
export async function recomputeCommitteesAggregates(prisma: DB): Promise<CommitteesRecount> {
  const [communities, ledger] = await Promise.all([
    prisma.$queryRaw<CommitteesRecount['communities']>`
      SELECT c.id AS "communityId", (SELECT count(*)::int FROM "Representative" r WHERE r."communityId" = c.id) AS representatives
      FROM "Community" c ORDER BY c.id`,
    prisma.$queryRaw<CommitteesRecount['ledger']>`
      SELECT "communityId", category, sum("amountFen")::bigint AS "amountFen", count(*)::int AS entries
      FROM "LedgerEntry" GROUP BY "communityId", category ORDER BY "communityId", category`,
  ]);
  return { communities, ledger };
}

/** Every summary as stored, in the same shape and order. */
export async function storedCommitteesAggregates(prisma: DB): Promise<CommitteesRecount> {
  const [communities, ledger] = await Promise.all([
    prisma.communitySummary.findMany({ orderBy: { communityId: 'asc' } }),
    prisma.ledgerCategoryTotal.findMany({ orderBy: [{ communityId: 'asc' }, { category: 'asc' }] }),
  ]);
  return { communities, ledger };
}
