import { builder } from '../builder.js';
import { Community } from './community.js';

/** Street is owned by `departments`; this subgraph adds the communities in it. */
export const Street = builder.externalRef('Street', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    communities: t.field({
      type: [Community],
      nullable: { list: true, items: false },
      description: 'The communities (社区) under this street office',
      resolve: (street, _args, ctx) =>
        ctx.loaders
          .groupedBy('communitiesByStreet', (c: { streetId: string }) => c.streetId, (ids: readonly string[]) =>
            ctx.prisma.community.findMany({ where: { streetId: { in: [...ids] } }, orderBy: { code: 'asc' } }),
          )
          .load(street.id),
    }),
  }),
});
