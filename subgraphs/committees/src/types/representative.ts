import type { Representative as RepresentativeRow } from '../generated/prisma/client.js';
import { personal } from '../access.js';
import { summaryByCommunity } from '../aggregates/summaries.js';
import { builder, type Context } from '../builder.js';
import { Community, loadCommunity } from './community.js';
import { ConstituencyEnum, GenderEnum } from './enums.js';

const representativeLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'representativeById',
    (r: RepresentativeRow) => r.id,
    (ids: readonly string[]) => ctx.prisma.representative.findMany({ where: { id: { in: [...ids] } } }),
  );

const representativesByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'representativesByCommunity',
    (r: RepresentativeRow) => r.communityId,
    (ids: readonly string[]) => ctx.prisma.representative.findMany({ where: { communityId: { in: [...ids] } }, orderBy: { id: 'asc' } }),
  );

export const Representative = builder.prismaObject('Representative', {
  description: "A member of the members' representative assembly (社区成员代表大会); representatives score streets, departments and their staff",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    gender: t.expose('gender', { type: GenderEnum }),
    constituency: t.expose('constituency', { type: ConstituencyEnum }),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, resolve: (r, _args, ctx) => loadCommunity(ctx, r.communityId) }),
    phone: t.string({
      nullable: true,
      description: "Personal: null unless the caller is the own community's staff, a district administrator or this representative",
      resolve: (r, _args, ctx) => personal(ctx.caller, r, 'REPRESENTATIVE', r.phone),
    }),
  }),
});

builder.asEntity(Representative, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => representativeLoader(ctx).load(ref.id),
});

builder.prismaObjectFields('Community', (t) => ({
  representatives: t.field({
    type: [Representative],
    description: "The members' representative assembly (社区成员代表大会)",
    resolve: (c, _args, ctx) => representativesByCommunity(ctx).load(c.id),
  }),
  // Kept with every write of representatives (src/aggregates): one indexed read per request.
  representativeCount: t.int({ resolve: async (c, _args, ctx) => (await summaryByCommunity(ctx).load(c.id))?.representatives ?? 0 }),
}));

builder.queryFields((t) => ({
  representatives: t.field({
    type: [Representative],
    description: "The members' representatives of a community (empty for an unknown community)",
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => representativesByCommunity(ctx).load(args.communityId),
  }),
  representative: t.field({
    type: Representative,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => representativeLoader(ctx).load(args.id),
  }),
}));
