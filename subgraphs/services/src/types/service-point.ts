import { builder } from '../builder.js';
import { inServiceWhere, pointById, startOfDay } from '../loaders.js';
import { Community } from './community.js';
import { requestStats, ServiceRequestStats } from './request-stats.js';
import { Street } from './street.js';

export const ServicePoint = builder.prismaObject('ServicePoint', {
  description: 'A service point (服务网点) run by the awarded provider for the contract period',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    address: t.exposeString('address'),
    latitude: t.exposeFloat('latitude'),
    longitude: t.exposeFloat('longitude'),
    openingHours: t.exposeString('openingHours', { description: 'OpenStreetMap opening_hours syntax' }),
    phone: t.exposeString('phone', { description: 'Public service phone' }),
    contractStart: t.expose('contractStart', { type: 'Date' }),
    contractEnd: t.expose('contractEnd', { type: 'Date' }),
    inService: t.boolean({
      description: 'The contract period covers today',
      resolve: (p) => p.contractStart <= new Date() && p.contractEnd >= startOfDay(new Date()),
    }),
    item: t.relation('item'),
    provider: t.relation('provider'),
    tender: t.relation('tender'),
    community: t.field({ type: Community, nullable: true, resolve: (p) => (p.communityId ? { id: p.communityId } : null) }),
    street: t.field({ type: Street, nullable: true, resolve: (p) => (p.streetId ? { id: p.streetId } : null) }),
    // commitments and commitmentCounts: the departments subgraph's (one commitment system).
    notices: t.relation('notices', {
      description: 'What the point publishes (公示制) and has not expired, newest first',
      query: () => ({ where: { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] }),
    }),
    requestStats: t.field({
      type: ServiceRequestStats,
      description: "Counts and satisfaction of the requests it served: residents' supervision",
      resolve: (p, _args, ctx) => requestStats(ctx, 'servicePointId', p.id),
    }),
  }),
});

builder.asEntity(ServicePoint, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => pointById(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  servicePoints: t.prismaField({
    type: ['ServicePoint'],
    description: 'Service points, optionally filtered; by default only those in service today',
    args: {
      communityId: t.arg.id(),
      streetId: t.arg.id(),
      itemId: t.arg.id(),
      providerId: t.arg.id(),
      inServiceOnly: t.arg.boolean({ defaultValue: true }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.servicePoint.findMany({
        ...query,
        where: {
          ...(args.communityId ? { communityId: args.communityId } : {}),
          ...(args.streetId ? { streetId: args.streetId } : {}),
          ...(args.itemId ? { itemId: args.itemId } : {}),
          ...(args.providerId ? { providerId: args.providerId } : {}),
          ...(args.inServiceOnly === false ? {} : inServiceWhere()),
        },
        orderBy: { code: 'asc' },
      }),
  }),
  servicePoint: t.prismaField({
    type: 'ServicePoint',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.servicePoint.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
