import type { Prisma, Relationship as RelationshipRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { Community } from './community.js';
import { Department, departmentLoader } from './department.js';
import { RelationshipKind, UnitType } from './enums.js';
import { Staff, staffLoader } from './staff.js';
import { Street, streetLoader } from './street.js';

const relationshipsBy = (ctx: Context, column: 'communityId' | 'unitId') =>
  ctx.loaders.groupedBy(
    `relationshipsBy.${column}`,
    (r: RelationshipRow) => r[column],
    (ids: readonly string[]) =>
      ctx.prisma.relationship.findMany({ where: { [column]: { in: [...ids] }, endedAt: null }, orderBy: [{ kind: 'asc' }, { id: 'asc' }] }),
  );

export const Relationship = builder.prismaObject('Relationship', {
  description: 'How a street or department and a community work together: guidance and assistance (指导与协助), service and supervision (服务与监督)',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: RelationshipKind }),
    unitType: t.expose('unitType', { type: UnitType }),
    unitId: t.exposeID('unitId'),
    department: t.field({
      type: Department,
      nullable: true,
      resolve: (r, _a, ctx) => (r.unitType === 'DEPARTMENT' ? departmentLoader(ctx).load(r.unitId) : null),
    }),
    street: t.field({ type: Street, nullable: true, resolve: (r, _a, ctx) => (r.unitType === 'STREET' ? streetLoader(ctx).load(r.unitId) : null) }),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, nullable: true, resolve: (r) => ({ id: r.communityId }) }),
    subject: t.exposeString('subject', { description: 'GUIDANCE: the specialised work guided; SUPERVISION: what the community supervises' }),
    channel: t.exposeString('channel', { description: 'How: the liaison arrangement, or the channel the community supervises through' }),
    liaisonStaff: t.field({ type: Staff, nullable: true, resolve: (r, _a, ctx) => (r.liaisonStaffId ? staffLoader(ctx).load(r.liaisonStaffId) : null) }),
    since: t.expose('since', { type: 'Date' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('relationships', (t) =>
  t.prismaField({
    type: ['Relationship'],
    description: 'Current relationships, filtered by community, unit and kind',
    args: { communityId: t.arg.id(), unitId: t.arg.id(), kind: t.arg({ type: RelationshipKind }) },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.RelationshipWhereInput = { endedAt: null };
      if (args.communityId) where.communityId = args.communityId;
      if (args.unitId) where.unitId = args.unitId;
      if (args.kind) where.kind = args.kind;
      return ctx.prisma.relationship.findMany({ ...query, where, orderBy: [{ communityId: 'asc' }, { kind: 'asc' }, { id: 'asc' }], take: 1000 });
    },
  }),
);

builder.objectField(Community, 'relationships', (t) =>
  t.field({
    type: [Relationship],
    nullable: { list: true, items: false },
    description: 'Which streets and departments guide this community, and how it supervises them',
    args: { kind: t.arg({ type: RelationshipKind }) },
    resolve: async (c, args, ctx) => (await relationshipsBy(ctx, 'communityId').load(c.id)).filter((r) => !args.kind || r.kind === args.kind),
  }),
);
builder.prismaObjectField(Department, 'relationships', (t) =>
  t.field({
    type: [Relationship],
    args: { kind: t.arg({ type: RelationshipKind }) },
    resolve: async (d, args, ctx) => (await relationshipsBy(ctx, 'unitId').load(d.id)).filter((r) => !args.kind || r.kind === args.kind),
  }),
);
builder.prismaObjectField(Street, 'relationships', (t) =>
  t.field({
    type: [Relationship],
    args: { kind: t.arg({ type: RelationshipKind }) },
    resolve: async (s, args, ctx) => (await relationshipsBy(ctx, 'unitId').load(s.id)).filter((r) => !args.kind || r.kind === args.kind),
  }),
);
