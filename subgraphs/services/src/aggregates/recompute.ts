// The request summaries counted again from the rows: what the triggers of the `aggregates`
// migration must have stored. Tests compare the two after writes; an operator can too.
import type { DB } from '../db.js';
import type { CommunityRequestSummary } from '../generated/prisma/client.js';
import { openStatuses } from '../request-status.js';

/** Every community with requests, as the rows say its summary should be, ordered by id. */
export async function recomputeRequestAggregates(prisma: DB): Promise<CommunityRequestSummary[]> {
  return prisma.$queryRaw<CommunityRequestSummary[]>`
    SELECT "communityId", count(*)::int AS total,
      count(*) FILTER (WHERE status::text = ANY(${[...openStatuses]}))::int AS open,
      count(rating)::int AS rated,
      count(*) FILTER (WHERE rating IN ('DISSATISFIED', 'VERY_DISSATISFIED'))::int AS "badReviews"
    FROM "ServiceRequest" GROUP BY "communityId" ORDER BY "communityId"`;
}

/** As stored; a community whose requests were all deleted keeps a row of zeros, left out here. */
export async function storedRequestAggregates(prisma: DB): Promise<CommunityRequestSummary[]> {
  return prisma.communityRequestSummary.findMany({ where: { total: { not: 0 } }, orderBy: { communityId: 'asc' } });
}
