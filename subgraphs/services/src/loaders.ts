// Per-request loaders for the rows many types point at, so lists cost one statement per level.
import type { ServiceItem, ServicePoint, ServiceProvider, ServiceSeries, Tender, TenderBid } from './generated/prisma/client.js';
import type { Context } from './builder.js';

const ids = (keys: readonly string[]) => ({ id: { in: [...keys] } });

export const itemById = (ctx: Context) =>
  ctx.loaders.byKey(
    'itemById',
    (r: ServiceItem) => r.id,
    (keys: readonly string[]) => ctx.prisma.serviceItem.findMany({ where: ids(keys) }),
  );

export const seriesById = (ctx: Context) =>
  ctx.loaders.byKey(
    'seriesById',
    (r: ServiceSeries) => r.id,
    (keys: readonly string[]) => ctx.prisma.serviceSeries.findMany({ where: ids(keys) }),
  );

export const providerById = (ctx: Context) =>
  ctx.loaders.byKey(
    'providerById',
    (r: ServiceProvider) => r.id,
    (keys: readonly string[]) => ctx.prisma.serviceProvider.findMany({ where: ids(keys) }),
  );

export const pointById = (ctx: Context) =>
  ctx.loaders.byKey(
    'pointById',
    (r: ServicePoint) => r.id,
    (keys: readonly string[]) => ctx.prisma.servicePoint.findMany({ where: ids(keys) }),
  );

export const tenderById = (ctx: Context) =>
  ctx.loaders.byKey(
    'tenderById',
    (r: Tender) => r.id,
    (keys: readonly string[]) => ctx.prisma.tender.findMany({ where: ids(keys) }),
  );

export const bidById = (ctx: Context) =>
  ctx.loaders.byKey(
    'bidById',
    (r: TenderBid) => r.id,
    (keys: readonly string[]) => ctx.prisma.tenderBid.findMany({ where: ids(keys) }),
  );

/** Service points whose contract covers today: the ones that take requests. */
export const inServiceWhere = (now = new Date()) => ({ contractStart: { lte: now }, contractEnd: { gte: startOfDay(now) } });

export const startOfDay = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** In-service points of many communities or streets, one statement for all of them. */
export const pointsIn = (ctx: Context, by: 'communityId' | 'streetId', id: string) =>
  ctx.loaders
    .groupedBy(
      `pointsBy:${by}`,
      (p: ServicePoint) => p[by] ?? '',
      (keys: readonly string[]) => ctx.prisma.servicePoint.findMany({ where: { [by]: { in: [...keys] }, ...inServiceWhere() }, orderBy: { code: 'asc' } }),
    )
    .load(id);
