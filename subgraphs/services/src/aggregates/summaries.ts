// Reads of the stored request summaries (kept by the database's triggers, see the `aggregates`
// migration): one indexed lookup per request whatever the number of communities asked about.
import type { Context } from '../builder.js';
import type { CommunityRequestSummary } from '../generated/prisma/client.js';

export const requestSummaryByCommunity = (ctx: Context) =>
  ctx.loaders.byKey(
    'requestSummaryByCommunity',
    (s: CommunityRequestSummary) => s.communityId,
    (ids: readonly string[]) => ctx.prisma.communityRequestSummary.findMany({ where: { communityId: { in: [...ids] } } }),
  );
