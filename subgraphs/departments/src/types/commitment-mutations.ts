import { randomUUID } from 'node:crypto';
import { badInput, conflict, notFound } from '@shequ/kit';
import { demand } from '../auth.js';
import { builder } from '../builder.js';
import { actsForOwner, checkOwner, ownerRoles } from '../owners.js';
import { futureDay, text } from '../tasks/validate.js';
import { Commitment } from './commitment.js';
import { CommitmentOwnerType, CommitmentStatus } from './enums.js';

const refusal = 'Only the owner\'s own staff (or the district) publish and assess its commitments';

const PublishCommitmentInput = builder.inputType('PublishCommitmentInput', {
  fields: (t) => ({
    ownerType: t.field({ type: CommitmentOwnerType, required: true }),
    ownerId: t.id({ required: true }),
    title: t.string({ required: true, description: 'What is promised' }),
    target: t.string({ required: true, description: 'The measurable target, e.g. "≥ 90 % of households visited"' }),
    deadline: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationFields((t) => ({
  publishCommitment: t.field({
    type: Commitment,
    description: 'Publishes a commitment (承诺制), pending until assessed',
    authScopes: { role: [...ownerRoles] },
    args: { input: t.arg({ type: PublishCommitmentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      demand(ctx.caller, actsForOwner(ctx.caller, input.ownerType, input.ownerId), refusal);
      const title = text(input.title, 'title', 2, 200);
      const target = text(input.target, 'target', 2, 500);
      const deadline = futureDay(input.deadline, 'deadline');
      const ownerId = await checkOwner(ctx, input.ownerType, input.ownerId);
      return ctx.prisma.commitment.create({ data: { id: `commitment-${randomUUID()}`, ownerType: input.ownerType, ownerId, title, target, deadline } });
    },
  }),
  resolveCommitment: t.field({
    type: Commitment,
    description: 'Records a pending commitment as KEPT or BROKEN, with how that was assessed; final once recorded',
    authScopes: { role: [...ownerRoles] },
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: CommitmentStatus, required: true }), outcome: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (args.status === 'PENDING') throw badInput('A commitment is resolved as KEPT or BROKEN', { field: 'status' });
      const outcome = text(args.outcome, 'outcome', 2, 500);
      const existing = await ctx.prisma.commitment.findUnique({ where: { id: args.id } });
      if (!existing) throw notFound('Commitment', args.id);
      demand(ctx.caller, actsForOwner(ctx.caller, existing.ownerType, existing.ownerId), refusal);
      const { count } = await ctx.prisma.commitment.updateMany({
        where: { id: args.id, status: 'PENDING' },
        data: { status: args.status, outcome, resolvedAt: new Date() },
      });
      const current = await ctx.prisma.commitment.findUniqueOrThrow({ where: { id: args.id } });
      if (count === 0) throw conflict(`Commitment ${args.id} is already ${current.status}`, { status: current.status });
      return current;
    },
  }),
}));
