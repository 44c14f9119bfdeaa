import type { ServiceItem } from '../generated/prisma/client.js';
import { builder } from '../builder.js';
import { seriesById } from '../loaders.js';
import { Department } from './department.js';

export const ServiceSeries = builder.prismaObject('ServiceSeries', {
  description: 'One of the 8 series of the community service network (社区服务八大系列)',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    description: t.exposeString('description'),
    department: t.field({
      type: Department,
      nullable: true,
      description: 'The functional department that oversees the series (owned by `departments`)',
      resolve: (s) => (s.departmentId ? { id: s.departmentId } : null),
    }),
    items: t.prismaField({
      type: ['ServiceItem'],
      resolve: (_query, s, _args, ctx) =>
        ctx.loaders
          .groupedBy(
            'itemsBySeries',
            (i: ServiceItem) => i.seriesId,
            (ids: readonly string[]) => ctx.prisma.serviceItem.findMany({ where: { seriesId: { in: [...ids] } }, orderBy: { code: 'asc' } }),
          )
          .load(s.id),
    }),
  }),
});

builder.asEntity(ServiceSeries, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => seriesById(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  serviceSeries: t.prismaField({
    type: ['ServiceSeries'],
    description: 'The service catalogue: all series with their items',
    resolve: (query, _root, _args, ctx) => ctx.prisma.serviceSeries.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
}));
