import type { ServiceItem, ServiceSeries } from '../generated/prisma/client.js';
import { builder } from '../builder.js';

/** Department is owned by `departments`; this subgraph adds the services it oversees. */
export const Department = builder.externalRef('Department', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    serviceSeries: t.prismaField({
      type: ['ServiceSeries'],
      // Nullable: when this subgraph is down, departments still arrive.
      nullable: { list: true, items: false },
      description: 'The service series this department oversees',
      resolve: (_query, dept, _args, ctx) =>
        ctx.loaders
          .groupedBy(
            'seriesByDepartment',
            (s: ServiceSeries) => s.departmentId ?? '',
            (ids: readonly string[]) => ctx.prisma.serviceSeries.findMany({ where: { departmentId: { in: [...ids] } }, orderBy: { sortOrder: 'asc' } }),
          )
          .load(dept.id),
    }),
    serviceItems: t.prismaField({
      type: ['ServiceItem'],
      nullable: { list: true, items: false },
      description: 'The service items this department oversees (also items of series overseen by others)',
      resolve: (_query, dept, _args, ctx) =>
        ctx.loaders
          .groupedBy(
            'itemsByDepartment',
            (i: ServiceItem) => i.departmentId ?? '',
            (ids: readonly string[]) => ctx.prisma.serviceItem.findMany({ where: { departmentId: { in: [...ids] } }, orderBy: { code: 'asc' } }),
          )
          .load(dept.id),
    }),
  }),
});
