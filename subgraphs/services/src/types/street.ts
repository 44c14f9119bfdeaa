import { builder } from '../builder.js';
import { pointsIn } from '../loaders.js';

/** Street is owned by `departments`; this subgraph adds the street-level service points. */
export const Street = builder.externalRef('Street', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    servicePoints: t.prismaField({
      type: ['ServicePoint'],
      // Nullable: when this subgraph is down, streets still arrive.
      nullable: { list: true, items: false },
      description: 'Service points run for the whole street whose contract covers today',
      resolve: (_query, street, _args, ctx) => pointsIn(ctx, 'streetId', street.id),
    }),
  }),
});
