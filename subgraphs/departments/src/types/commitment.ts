import { badInput } from '@shequ/kit';
import type { CommitmentAssessment as AssessmentRow, Commitment as CommitmentRow, Prisma } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { countCommitments, overdue } from '../commitments/standing.js';
import { Community } from './community.js';
import { Department, departmentLoader } from './department.js';
import { CommitmentOwnerType, CommitmentStatus, CommitmentVerdict } from './enums.js';
import { ServicePoint } from './service-point.js';
import { Street, streetLoader } from './street.js';

const order: Prisma.CommitmentOrderByWithRelationInput[] = [{ deadline: 'asc' }, { id: 'asc' }];

export const commitmentsByOwner = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'commitmentsByOwner',
    (c: CommitmentRow) => c.ownerId,
    (ids: readonly string[]) => ctx.prisma.commitment.findMany({ where: { ownerId: { in: [...ids] } }, orderBy: order }),
  );

export const communitiesOf = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'commitmentCommunities',
    (c: { commitmentId: string; communityId: string }) => c.commitmentId,
    (ids: readonly string[]) => ctx.prisma.commitmentCommunity.findMany({ where: { commitmentId: { in: [...ids] } }, orderBy: { communityId: 'asc' } }),
  );

export const assessmentsOf = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'commitmentAssessments',
    (a: AssessmentRow) => a.commitmentId,
    (ids: readonly string[]) =>
      ctx.prisma.commitmentAssessment.findMany({ where: { commitmentId: { in: [...ids] } }, orderBy: [{ assessedOn: 'asc' }, { communityId: 'asc' }] }),
  );

export const CommitmentAssessment = builder.prismaObject('CommitmentAssessment', {
  description: "A community's assessment of a commitment made to it (社区评议): public, with anonymised evidence",
  fields: (t) => ({
    id: t.exposeID('id'),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, resolve: (a) => ({ id: a.communityId }) }),
    verdict: t.expose('verdict', { type: CommitmentVerdict }),
    evidence: t.exposeString('evidence', { description: 'What the verdict rests on, anonymised' }),
    assessedOn: t.expose('assessedOn', { type: 'Date', description: 'The day the community assessed it' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

export const CommitmentCounts = builder.objectRef<ReturnType<typeof countCommitments>>('CommitmentCounts').implement({
  description: "An owner's commitments as its communities assessed them: the broken ones count against it",
  fields: (t) => ({
    total: t.exposeInt('total'),
    kept: t.exposeInt('kept'),
    broken: t.exposeInt('broken'),
    pending: t.exposeInt('pending', { description: 'Not yet assessed by every community it was made to' }),
    overdue: t.exposeInt('overdue', { description: 'Pending after the deadline' }),
  }),
});

export const Commitment = builder.prismaObject('Commitment', {
  description:
    'A public commitment (承诺制) of a department, a street or a service point: what, by when, the measurable target, and the communities it is made to. The owner proposes it; those communities assess it, and its status follows from their assessments. Readable without signing in',
  fields: (t) => ({
    id: t.exposeID('id'),
    ownerType: t.expose('ownerType', { type: CommitmentOwnerType }),
    ownerId: t.exposeID('ownerId', { description: 'A street, a department, or a service point of the services subgraph' }),
    department: t.field({
      type: Department,
      nullable: true,
      resolve: (c, _a, ctx) => (c.ownerType === 'DEPARTMENT' ? departmentLoader(ctx).load(c.ownerId) : null),
    }),
    street: t.field({ type: Street, nullable: true, resolve: (c, _a, ctx) => (c.ownerType === 'STREET' ? streetLoader(ctx).load(c.ownerId) : null) }),
    servicePoint: t.field({ type: ServicePoint, nullable: true, resolve: (c) => (c.ownerType === 'SERVICE_POINT' ? { id: c.ownerId } : null) }),
    title: t.exposeString('title', { description: 'What is promised' }),
    target: t.exposeString('target', { description: 'The measurable target' }),
    deadline: t.expose('deadline', { type: 'Date' }),
    status: t.expose('status', {
      type: CommitmentStatus,
      description: 'BROKEN once any community judged it broken; KEPT once all judged it kept; PENDING until then',
    }),
    overdue: t.boolean({ description: 'Still pending after its deadline', resolve: (c) => overdue(c) }),
    proposedByRole: t.exposeString('proposedByRole', {
      description: "The role that proposed it: the owner's staff, the operator, or the district on its behalf",
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true, description: 'When the assessments made it KEPT or BROKEN' }),
    communities: t.field({
      type: [Community],
      description: 'The communities it is made to, which assess it',
      resolve: async (c, _a, ctx) => (await communitiesOf(ctx).load(c.id)).map((m) => ({ id: m.communityId })),
    }),
    assessments: t.field({ type: [CommitmentAssessment], description: 'Oldest first', resolve: (c, _a, ctx) => assessmentsOf(ctx).load(c.id) }),
    // Scalars beside the lists, so that a long list of commitments can say how far each one's
    // assessment has got without a nested list per commitment (the gateway prices those).
    communityCount: t.int({ description: 'How many communities it is made to', resolve: async (c, _a, ctx) => (await communitiesOf(ctx).load(c.id)).length }),
    assessmentCount: t.int({ description: 'How many of them have assessed it', resolve: async (c, _a, ctx) => (await assessmentsOf(ctx).load(c.id)).length }),
    latestAssessment: t.field({
      type: CommitmentAssessment,
      nullable: true,
      description: 'The most recent assessment, or the first BROKEN one when it is broken (the one that decided it)',
      resolve: async (c, _a, ctx) => {
        const all = await assessmentsOf(ctx).load(c.id);
        return (c.status === 'BROKEN' ? all.find((a) => a.verdict === 'BROKEN') : all.at(-1)) ?? null;
      },
    }),
    awaitingAssessment: t.field({
      type: [Community],
      description: 'Communities it was made to that have not assessed it yet',
      resolve: async (c, _a, ctx) => {
        const [madeTo, done] = await Promise.all([communitiesOf(ctx).load(c.id), assessmentsOf(ctx).load(c.id)]);
        const assessed = new Set(done.map((a) => a.communityId));
        return madeTo.filter((m) => !assessed.has(m.communityId)).map((m) => ({ id: m.communityId }));
      },
    }),
  }),
});

builder.asEntity(Commitment, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) =>
    ctx.loaders
      .byKey(
        'commitmentById',
        (c: CommitmentRow) => c.id,
        (ids: readonly string[]) => ctx.prisma.commitment.findMany({ where: { id: { in: [...ids] } } }),
      )
      .load(ref.id),
});

builder.queryField('commitments', (t) =>
  t.prismaField({
    type: ['Commitment'],
    description: 'Public commitments, soonest deadline first; public, no sign-in needed',
    args: {
      ownerId: t.arg.id(),
      status: t.arg({ type: CommitmentStatus }),
      ownerType: t.arg({ type: CommitmentOwnerType }),
      communityId: t.arg.id({ description: 'Only those made to this community' }),
      limit: t.arg.int({ defaultValue: 100, description: 'At most 500' }),
    },
    resolve: (query, _root, args, ctx) => {
      const where: Prisma.CommitmentWhereInput = {};
      if (args.ownerId) where.ownerId = args.ownerId;
      if (args.status) where.status = args.status;
      if (args.ownerType) where.ownerType = args.ownerType;
      if (args.communityId) where.communities = { some: { communityId: args.communityId } };
      const take = args.limit ?? 100;
      if (take < 1 || take > 500) throw badInput('limit must be 1–500', { field: 'limit' });
      return ctx.prisma.commitment.findMany({ ...query, where, orderBy: order, take });
    },
  }),
);

const ofOwner = async (ctx: Context, ownerId: string, status: CommitmentRow['status'] | null | undefined) =>
  (await commitmentsByOwner(ctx).load(ownerId)).filter((c) => !status || c.status === status);

// The same two fields on every kind of owner, so that the district sees, wherever it looks at an
// owner, what it promised and how its communities judged it.
const ownerFields = { description: 'Its public commitments (承诺制), soonest deadline first' };
const countsFields = { description: 'Its commitments kept, broken (against it) and pending, as its communities assessed them' };

builder.prismaObjectFields(Department, (t) => ({
  commitments: t.field({
    type: [Commitment],
    ...ownerFields,
    args: { status: t.arg({ type: CommitmentStatus }) },
    resolve: (d, args, ctx) => ofOwner(ctx, d.id, args.status),
  }),
  commitmentCounts: t.field({ type: CommitmentCounts, ...countsFields, resolve: async (d, _a, ctx) => countCommitments(await ofOwner(ctx, d.id, null)) }),
}));
builder.prismaObjectFields(Street, (t) => ({
  commitments: t.field({
    type: [Commitment],
    ...ownerFields,
    args: { status: t.arg({ type: CommitmentStatus }) },
    resolve: (s, args, ctx) => ofOwner(ctx, s.id, args.status),
  }),
  commitmentCounts: t.field({ type: CommitmentCounts, ...countsFields, resolve: async (s, _a, ctx) => countCommitments(await ofOwner(ctx, s.id, null)) }),
}));
builder.objectFields(ServicePoint, (t) => ({
  commitments: t.field({
    type: [Commitment],
    ...ownerFields,
    args: { status: t.arg({ type: CommitmentStatus }) },
    resolve: (p, args, ctx) => ofOwner(ctx, p.id, args.status),
  }),
  commitmentCounts: t.field({ type: CommitmentCounts, ...countsFields, resolve: async (p, _a, ctx) => countCommitments(await ofOwner(ctx, p.id, null)) }),
}));

const commitmentsToCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'commitmentsToCommunity',
    (r: { communityId: string; commitment: CommitmentRow }) => r.communityId,
    (ids: readonly string[]) =>
      ctx.prisma.commitmentCommunity.findMany({
        where: { communityId: { in: [...ids] } },
        include: { commitment: true },
        orderBy: [{ commitment: { deadline: 'asc' } }, { commitmentId: 'asc' }],
      }),
  );

builder.objectField(Community, 'commitments', (t) =>
  t.field({
    type: [Commitment],
    nullable: { list: true, items: false },
    description: 'Commitments made to this community, which it assesses',
    args: { status: t.arg({ type: CommitmentStatus }) },
    resolve: async (c, args, ctx) =>
      (await commitmentsToCommunity(ctx).load(c.id)).map((r) => r.commitment).filter((m) => !args.status || m.status === args.status),
  }),
);
