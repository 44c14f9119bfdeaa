import type { Community } from '../generated/prisma/client.js';
import { builder } from '../builder.js';

/** Street is owned by `departments`; this subgraph adds the communities in it. */
export const Street = builder.externalRef('Street', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    communities: t.prismaField({
      type: ['Community'],
      // Nullable: when this subgraph is down, streets from `departments` still arrive.
      nullable: { list: true, items: false },
      description: 'The communities (社区) under this street office',
      resolve: (_query, street, _args, ctx) =>
        ctx.loaders
          .groupedBy(
            'communitiesByStreet',
            (c: Community) => c.streetId,
            (ids: readonly string[]) => ctx.prisma.community.findMany({ where: { streetId: { in: [...ids] } }, orderBy: { code: 'asc' } }),
          )
          .load(street.id),
    }),
  }),
});
