import { badInput } from '@shequ/kit';
import type { Commitment as CommitmentRow, Prisma } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { Department, departmentLoader } from './department.js';
import { CommitmentOwnerType, CommitmentStatus } from './enums.js';
import { Street, streetLoader } from './street.js';

export const commitmentsByOwner = (ctx: Context) =>
  ctx.loaders.groupedBy('commitmentsByOwner', (c: CommitmentRow) => c.ownerId, (ids: readonly string[]) =>
    ctx.prisma.commitment.findMany({ where: { ownerId: { in: [...ids] } }, orderBy: [{ deadline: 'asc' }, { id: 'asc' }] }),
  );

const today = () => new Date().toISOString().slice(0, 10);

export const Commitment = builder.prismaObject('Commitment', {
  description: 'A public commitment (承诺制): what, by when, the measurable target; tracked as kept, broken or pending. Readable without signing in',
  fields: (t) => ({
    id: t.exposeID('id'),
    ownerType: t.expose('ownerType', { type: CommitmentOwnerType }),
    ownerId: t.exposeID('ownerId', { description: 'A street, a department, or a service point of the services subgraph' }),
    department: t.field({ type: Department, nullable: true, resolve: (c, _a, ctx) => (c.ownerType === 'DEPARTMENT' ? departmentLoader(ctx).load(c.ownerId) : null) }),
    street: t.field({ type: Street, nullable: true, resolve: (c, _a, ctx) => (c.ownerType === 'STREET' ? streetLoader(ctx).load(c.ownerId) : null) }),
    title: t.exposeString('title', { description: 'What is promised' }),
    target: t.exposeString('target', { description: 'The measurable target' }),
    deadline: t.expose('deadline', { type: 'Date' }),
    status: t.expose('status', { type: CommitmentStatus }),
    overdue: t.boolean({ description: 'Still pending after its deadline', resolve: (c) => c.status === 'PENDING' && c.deadline.toISOString().slice(0, 10) < today() }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'How it was assessed, once kept or broken' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.asEntity(Commitment, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => ctx.loaders.byKey('commitmentById', (c: CommitmentRow) => c.id, (ids: readonly string[]) => ctx.prisma.commitment.findMany({ where: { id: { in: [...ids] } } })).load(ref.id),
});

builder.queryField('commitments', (t) =>
  t.prismaField({
    type: ['Commitment'],
    description: 'Public commitments, soonest deadline first; public, no sign-in needed',
    args: {
      ownerId: t.arg.id(),
      status: t.arg({ type: CommitmentStatus }),
      ownerType: t.arg({ type: CommitmentOwnerType }),
      limit: t.arg.int({ defaultValue: 100, description: 'At most 500' }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.CommitmentWhereInput = {};
      if (args.ownerId) where.ownerId = args.ownerId;
      if (args.status) where.status = args.status;
      if (args.ownerType) where.ownerType = args.ownerType;
      const take = args.limit ?? 100;
      if (take < 1 || take > 500) throw badInput('limit must be 1–500', { field: 'limit' });
      return ctx.prisma.commitment.findMany({ ...query, where, orderBy: [{ deadline: 'asc' }, { id: 'asc' }], take });
    },
  }),
);

const ofOwner = async (ctx: Context, ownerId: string, status: CommitmentRow['status'] | null | undefined) =>
  (await commitmentsByOwner(ctx).load(ownerId)).filter((c) => !status || c.status === status);

builder.prismaObjectField(Department, 'commitments', (t) =>
  t.field({ type: [Commitment], args: { status: t.arg({ type: CommitmentStatus }) }, resolve: (d, args, ctx) => ofOwner(ctx, d.id, args.status) }),
);
builder.prismaObjectField(Street, 'commitments', (t) =>
  t.field({ type: [Commitment], args: { status: t.arg({ type: CommitmentStatus }) }, resolve: (s, args, ctx) => ofOwner(ctx, s.id, args.status) }),
);
