// GeoReport's `requests.json` over the published times. A welfare request shows only its day
// (open311.ts), so its exact time must not come back through the filters or the order either:
// date filters apply to welfare requests at whole days, and the page is ordered by published
// time. Otherwise `start_date`/`end_date` narrowed by halves, or the request's place between its
// neighbours, would give its time to the minute again.
import type { DB } from './db.js';
import type { Prisma, ServiceItem, ServiceProvider, ServiceRequest } from './generated/prisma/client.js';
import { districtDayStart, publishedTime, welfareCode } from './open311.js';
import { openStatuses } from './request-status.js';

export interface RequestFilters {
  ids?: readonly string[] | null;
  serviceCode?: string | null;
  status?: 'open' | 'closed' | null;
  from?: Date;
  to?: Date | null;
  limit: number;
}

type Row = ServiceRequest & { item: ServiceItem; provider: ServiceProvider | null };

const day = 24 * 3600_000;
const include = { item: true, provider: true } as const;
const welfare: Prisma.ServiceRequestWhereInput = { item: { tier: 'WELFARE' } };
const notWelfare: Prisma.ServiceRequestWhereInput = { item: { tier: { not: 'WELFARE' } } };

/** The first midnight at or after `at`. */
const nextDayStart = (at: Date): Date => {
  const start = districtDayStart(at);
  return start.getTime() === at.getTime() ? start : new Date(start.getTime() + day);
};

function range(from: Date | undefined, to: Date | null | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) };
}

/**
 * A welfare request's published day D is within [from, to] exactly when its time is in
 * [first midnight ≥ from, midnight after the day of to): a range on the column, like the others'.
 */
function welfareRange(from: Date | undefined, to: Date | null | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: nextDayStart(from) } : {}), ...(to ? { lt: new Date(districtDayStart(to).getTime() + day) } : {}) };
}

function where(f: RequestFilters): Prisma.ServiceRequestWhereInput {
  const base: Prisma.ServiceRequestWhereInput = {};
  if (f.ids) base.id = { in: [...f.ids] };
  if (f.status) base.status = f.status === 'open' ? { in: [...openStatuses] } : { notIn: [...openStatuses] };
  // A welfare item's own code finds nothing: only the generic code names welfare requests.
  const kinds =
    f.serviceCode === welfareCode ? [welfare] : f.serviceCode ? [{ item: { code: f.serviceCode, tier: { not: 'WELFARE' as const } } }] : [notWelfare, welfare];
  const or = kinds.map((kind) => {
    const times = kind === welfare ? welfareRange(f.from, f.to) : range(f.from, f.to);
    return { ...kind, ...(times ? { requestedAt: times } : {}) };
  });
  return { ...base, OR: or };
}

const published = (r: Row) => publishedTime(r.requestedAt, r.item.tier === 'WELFARE').getTime();
const newestPublishedFirst = (a: Row, b: Row) => published(b) - published(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The newest `limit` requests by published time, then id. The database orders by the exact time;
 * every request past its first `limit` rows is no newer than the last of them, t, so a request that
 * still belongs in the page was asked for on t's day before t: those rows are read as well, and
 * the page is cut again by published time. It then depends on nothing finer than what is shown.
 */
export async function publicRequestPage(db: Pick<DB, 'serviceRequest'>, filters: RequestFilters): Promise<Row[]> {
  const match = where(filters);
  const orderBy = [{ requestedAt: 'desc' as const }, { id: 'asc' as const }];
  const first = await db.serviceRequest.findMany({ where: match, include, orderBy, take: filters.limit });
  const last = first.at(-1);
  if (!last || first.length < filters.limit) return first.sort(newestPublishedFirst);
  const sameDay = await db.serviceRequest.findMany({
    where: { AND: [match, { requestedAt: { gte: districtDayStart(last.requestedAt), lte: last.requestedAt } }, { id: { notIn: first.map((r) => r.id) } }] },
    include,
  });
  return [...first, ...sameDay].sort(newestPublishedFirst).slice(0, filters.limit);
}
