import type { Street as StreetRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';

export const streetLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'streetById',
    (s: StreetRow) => s.id,
    (ids: readonly string[]) => ctx.prisma.street.findMany({ where: { id: { in: [...ids] } } }),
  );

export const Street = builder.prismaObject('Street', {
  description: 'A street office (街道办事处)',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    pilot: t.exposeBoolean('pilot', { description: 'One of the three streets where the reform was piloted first' }),
  }),
});

builder.asEntity(Street, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => streetLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  streets: t.prismaField({
    type: ['Street'],
    description: 'All street offices of the district',
    resolve: (query, _root, _args, ctx) => ctx.prisma.street.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  street: t.prismaField({
    type: 'Street',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.street.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
