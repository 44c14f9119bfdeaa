import { notFound } from '@shequ/kit';
import type { Community as CommunityRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { Street } from './street.js';

export const communityLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'communityById',
    (c: CommunityRow) => c.id,
    (ids: readonly string[]) => ctx.prisma.community.findMany({ where: { id: { in: [...ids] } } }),
  );

/** A community that must exist (foreign keys guarantee it for rows that point at one). */
export async function loadCommunity(ctx: Context, id: string): Promise<CommunityRow> {
  const community = await communityLoader(ctx).load(id);
  if (!community) throw notFound('Community', id);
  return community;
}

export const Community = builder.prismaObject('Community', {
  description: "A community (社区), the unit of residents' self-governance",
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'Administrative division code' }),
    name: t.exposeString('name', { description: 'Chinese name' }),
    nameEn: t.exposeString('nameEn', { description: 'English name' }),
    population: t.exposeInt('population'),
    households: t.exposeInt('households'),
    street: t.field({
      type: Street,
      nullable: true,
      description: 'The street office the community belongs to (owned by `departments`)',
      resolve: (c) => ({ id: c.streetId }),
    }),
  }),
});

builder.asEntity(Community, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => communityLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  community: t.prismaField({
    type: 'Community',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.community.findUnique({ ...query, where: { id: args.id } }),
  }),
  communities: t.prismaConnection({
    type: 'Community',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 200,
    args: { streetId: t.arg.id({ description: 'Only communities of this street' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.community.findMany({ ...query, where: args.streetId ? { streetId: args.streetId } : {}, orderBy: { id: 'asc' } }),
  }),
}));
