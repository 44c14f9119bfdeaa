// Aggregate figures of service requests, public because they hold no personal data: what the
// publicity system (公示制) shows about a community or a service point.
import type { ServiceRating, ServiceRequestStatus } from '../generated/prisma/enums.js';
import { builder, type Context } from '../builder.js';
import { openStatuses } from '../request-status.js';
import { requestSummaryByCommunity } from '../aggregates/summaries.js';

export interface RequestStats {
  total: number;
  open: number;
  closed: number;
  rated: number;
  badReviews: number;
  satisfactionRate: number | null;
}

const bad: ServiceRating[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];

export const ServiceRequestStats = builder.objectRef<RequestStats>('ServiceRequestStats').implement({
  description: 'Counts of service requests and their ratings',
  fields: (t) => ({
    total: t.exposeInt('total'),
    open: t.exposeInt('open', { description: 'SUBMITTED, ACCEPTED or IN_PROGRESS' }),
    closed: t.exposeInt('closed', { description: 'COMPLETED, CLOSED or REJECTED' }),
    rated: t.exposeInt('rated'),
    badReviews: t.exposeInt('badReviews', { description: 'Rated DISSATISFIED or VERY_DISSATISFIED' }),
    satisfactionRate: t.exposeFloat('satisfactionRate', {
      nullable: true,
      description: 'Share of rated requests rated BASICALLY_SATISFIED or better (0–1); null before any rating',
    }),
  }),
});

interface Group {
  key: string | null;
  status: ServiceRequestStatus;
  rating: ServiceRating | null;
  _count: { _all: number };
}

function summarise(groups: Group[]): RequestStats {
  const stats: RequestStats = { total: 0, open: 0, closed: 0, rated: 0, badReviews: 0, satisfactionRate: null };
  for (const g of groups) {
    const n = g._count._all;
    stats.total += n;
    if (openStatuses.includes(g.status)) stats.open += n;
    else stats.closed += n;
    if (g.rating) stats.rated += n;
    if (g.rating && bad.includes(g.rating)) stats.badReviews += n;
  }
  return withRate(stats);
}

function withRate(stats: RequestStats): RequestStats {
  if (stats.rated) stats.satisfactionRate = Math.round(((stats.rated - stats.badReviews) / stats.rated) * 10_000) / 10_000;
  return stats;
}

/** The stats of many communities or service points in one statement. */
export async function requestStats(ctx: Context, by: 'communityId' | 'servicePointId', id: string): Promise<RequestStats> {
  if (by === 'communityId') {
    // A community's figures are kept with every write of its requests (src/aggregates); one
    // without requests has no row yet.
    const s = await requestSummaryByCommunity(ctx).load(id);
    const total = s?.total ?? 0;
    const open = s?.open ?? 0;
    return withRate({ total, open, closed: total - open, rated: s?.rated ?? 0, badReviews: s?.badReviews ?? 0, satisfactionRate: null });
  }
  return ctx.loaders
    .get<string, RequestStats>(`requestStatsBy:${by}`, async (keys) => {
      const rows = await ctx.prisma.serviceRequest.groupBy({
        by: [by, 'status', 'rating'],
        where: { [by]: { in: [...keys] } },
        _count: { _all: true },
      });
      const groups = rows.map((r) => ({ key: r[by], status: r.status, rating: r.rating, _count: r._count as { _all: number } }));
      return keys.map((k) => summarise(groups.filter((g) => g.key === k)));
    })
    .load(id);
}
