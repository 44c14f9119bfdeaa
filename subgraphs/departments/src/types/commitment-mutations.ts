import { check, rules } from '@shequ/kit';
import { randomUUID } from 'node:crypto';
import { assessCommitment } from '../commitments/assessment.js';
import { checkProposal, maxCommunitiesPerCommitment } from '../commitments/proposal.js';
import { builder } from '../builder.js';
import { Commitment } from './commitment.js';
import { CommitmentOwnerType, CommitmentVerdict } from './enums.js';

const ProposeCommitmentInput = builder.inputType('ProposeCommitmentInput', {
  fields: (t) => ({
    ownerType: t.field({ type: CommitmentOwnerType, required: true }),
    ownerId: t.id({ required: true }),
    title: t.string({ required: true, description: 'What is promised' }),
    target: t.string({ required: true, description: 'The measurable target, e.g. "≥ 90 % of households visited"' }),
    deadline: t.field({ type: 'Date', required: true }),
    communityIds: t.idList({
      required: true,
      description: `The communities it is made to, which assess it (1–${maxCommunitiesPerCommitment}): a street's own, a service point's own`,
    }),
  }),
});

const AssessCommitmentInput = builder.inputType('AssessCommitmentInput', {
  fields: (t) => ({
    commitmentId: t.id({ required: true }),
    verdict: t.field({ type: CommitmentVerdict, required: true, description: 'BROKEN only once the commitment is due' }),
    evidence: t.string({ required: true, description: 'What the verdict rests on (2–1000 characters); public, anonymised' }),
    assessedOn: t.field({ type: 'Date', required: true, description: 'The day the community assessed it; not in the future' }),
  }),
});

builder.mutationFields((t) => ({
  proposeCommitment: t.field({
    type: Commitment,
    description:
      "The owner (its staff, a service point's provider, or the district on its behalf) proposes a commitment to communities; PENDING until they assess it",
    authScopes: { role: ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'PARTNER'] },
    args: { input: t.arg({ type: ProposeCommitmentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const title = check(rules.text(200, 2), input.title, 'title');
      const target = check(rules.text(500, 2), input.target, 'target');
      const deadline = check(rules.futureDay, input.deadline, 'deadline');
      const { ownerId, communityIds } = await checkProposal(ctx, input.ownerType, input.ownerId, input.communityIds.map(String));
      return ctx.prisma.commitment.create({
        data: {
          id: `commitment-${randomUUID()}`,
          ownerType: input.ownerType,
          ownerId,
          title,
          target,
          deadline,
          proposedByRole: ctx.caller.role,
          communities: { create: communityIds.map((communityId) => ({ communityId })) },
        },
      });
    },
  }),
  assessCommitment: t.field({
    type: Commitment,
    description:
      'A community the commitment was made to assesses it, once: KEPT or BROKEN, with evidence and the day. Its committee staff only; the owner never grades its own',
    authScopes: { role: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'PARTNER'] },
    args: { input: t.arg({ type: AssessCommitmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      assessCommitment(ctx, { commitmentId: String(input.commitmentId), verdict: input.verdict, evidence: input.evidence, assessedOn: input.assessedOn }),
  }),
}));
