import { randomUUID } from 'node:crypto';
import { badInput, check, conflict, isUniqueViolation, rules } from '@shequ/kit';
import type { ElectionStage } from '../generated/prisma/enums.js';
import { managerRoles } from '../access.js';
import { builder } from '../builder.js';
import { leaveStage } from '../election/outcome.js';
import { requireCancellable, requireNextStage, scoreLimits, seatLimits } from '../election/stages.js';
import { lockedWrite, type Tx } from '../transactions.js';
import { ElectionStageEnum } from './enums.js';

const OpenElectionRoundInput = builder.inputType('OpenElectionRoundInput', {
  fields: (t) => ({
    communityId: t.id({ required: true }),
    title: t.string({ required: true }),
    seats: t.int({ required: true, description: 'Committee seats, 5–9' }),
    writtenPassMark: t.float({ description: 'Default 60' }),
    interviewPassMark: t.float({ description: 'Default 60' }),
  }),
});

const AdvanceElectionRoundInput = builder.inputType('AdvanceElectionRoundInput', {
  fields: (t) => ({
    roundId: t.id({ required: true }),
    to: t.field({ type: ElectionStageEnum, required: true, description: 'Must be the stage right after the current one' }),
  }),
});

const CancelElectionRoundInput = builder.inputType('CancelElectionRoundInput', {
  fields: (t) => ({
    roundId: t.id({ required: true }),
    reason: t.string({ required: true, description: 'Why the round is called off (1–500 characters); published with it' }),
  }),
});

function passMark(value: number | null | undefined, name: string): number {
  if (value === null || value === undefined) return 60;
  if (!Number.isFinite(value) || value < scoreLimits.min || value > scoreLimits.max)
    throw badInput(`${name} must be between ${scoreLimits.min} and ${scoreLimits.max}`, { field: name });
  return value;
}

/** The formal election's winners take their seats; the previous committee's term ends. */
async function seatCommittee(
  tx: Tx,
  round: { id: string; communityId: string },
  elected: { id: string; position: 'DIRECTOR' | 'DEPUTY_DIRECTOR' | 'MEMBER' }[],
  on: Date,
) {
  const winners = await tx.electionCandidate.findMany({ where: { id: { in: elected.map((e) => e.id) } } });
  const byId = new Map(winners.map((w) => [w.id, w]));
  await tx.committeeMember.updateMany({ where: { communityId: round.communityId, termEnd: null }, data: { termEnd: on } });
  await tx.committeeMember.createMany({
    data: elected.map((e, rank) => {
      const c = byId.get(e.id)!;
      // Ranked ids: members of one committee list in vote order within a position.
      return {
        id: `${round.id.replace(/^election-/, 'member-')}-${String(rank + 1).padStart(2, '0')}`,
        communityId: round.communityId,
        name: c.name,
        gender: c.gender,
        position: e.position,
        roundId: round.id,
        candidateId: c.id,
        termStart: on,
      };
    }),
  });
}

builder.mutationFields((t) => ({
  openElectionRound: t.prismaField({
    type: 'ElectionRound',
    description: "Opens recruitment for a new residents' committee; CONFLICT while another round of the community is open",
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: OpenElectionRoundInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const title = check(rules.text(), input.title, 'title');
      if (input.seats < seatLimits.min || input.seats > seatLimits.max)
        throw badInput(`seats must be between ${seatLimits.min} and ${seatLimits.max}`, { field: 'seats' });
      const writtenPassMark = passMark(input.writtenPassMark, 'writtenPassMark');
      const interviewPassMark = passMark(input.interviewPassMark, 'interviewPassMark');
      try {
        return await lockedWrite(ctx, 'Community', input.communityId, async (tx, communityId) => {
          const id = `election-${randomUUID()}`;
          const round = await tx.electionRound.create({
            data: { id, communityId, title, seats: input.seats, writtenPassMark, interviewPassMark, openFor: communityId },
          });
          await tx.electionStageChange.create({ data: { roundId: id, stage: 'APPLICATION', movedBy: ctx.caller.subject } });
          return round;
        });
      } catch (err) {
        if (isUniqueViolation(err, 'openFor')) throw conflict(`${input.communityId} already has an open election round; complete or cancel it first`);
        throw err;
      }
    },
  }),
  advanceElectionRound: t.prismaField({
    type: 'ElectionRound',
    description:
      'Moves a round to its next stage, eliminating who failed the stage left; leaving the formal election seats the winners. ' +
      'CONFLICT for a skipped or backward move, or when the stage is not finished',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: AdvanceElectionRoundInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      lockedWrite(ctx, 'ElectionRound', input.roundId, async (tx) => {
        const round = await tx.electionRound.findUniqueOrThrow({ where: { id: input.roundId } });
        const to: ElectionStage = input.to;
        requireNextStage(round.stage, to);
        const exit = leaveStage(round, await tx.electionCandidate.findMany({ where: { roundId: round.id } }));
        if (exit.eliminated.length) {
          await tx.electionCandidate.updateMany({ where: { id: { in: exit.eliminated } }, data: { status: 'ELIMINATED', eliminatedAt: round.stage } });
        }
        const now = new Date();
        if (to === 'COMPLETED') {
          await tx.electionCandidate.updateMany({ where: { id: { in: exit.elected.map((e) => e.id) } }, data: { status: 'ELECTED' } });
          await tx.electionCandidate.updateMany({ where: { id: { in: exit.notElected } }, data: { status: 'NOT_ELECTED' } });
          await seatCommittee(tx, round, exit.elected, new Date(now.toISOString().slice(0, 10)));
        }
        await tx.electionStageChange.create({ data: { roundId: round.id, stage: to, enteredAt: now, movedBy: ctx.caller.subject } });
        return tx.electionRound.update({
          where: { id: round.id },
          data: { stage: to, ...(to === 'COMPLETED' ? { completedAt: now, openFor: null } : {}) },
        });
      }),
  }),
  cancelElectionRound: t.prismaField({
    type: 'ElectionRound',
    description:
      'Calls off a round that is not concluded (CANCELLED, recorded in its stage history); the community may then open a new one. ' +
      'Candidates keep the status they had. CONFLICT for a completed or already cancelled round',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: CancelElectionRoundInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const reason = check(rules.text(500), input.reason, 'reason');
      return lockedWrite(ctx, 'ElectionRound', input.roundId, async (tx) => {
        const round = await tx.electionRound.findUniqueOrThrow({ where: { id: input.roundId } });
        requireCancellable(round.stage);
        const now = new Date();
        await tx.electionStageChange.create({ data: { roundId: round.id, stage: 'CANCELLED', enteredAt: now, movedBy: ctx.caller.subject } });
        return tx.electionRound.update({ where: { id: round.id }, data: { stage: 'CANCELLED', cancelledAt: now, cancelReason: reason, openFor: null } });
      });
    },
  }),
}));
