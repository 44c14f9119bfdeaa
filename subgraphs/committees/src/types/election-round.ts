import type { ElectionCandidate as CandidateRow, ElectionRound as RoundRow, ElectionStageChange as StageChangeRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { Community, loadCommunity } from './community.js';
import { ElectionStageEnum } from './enums.js';

export const roundLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'electionRoundById',
    (r: RoundRow) => r.id,
    (ids: readonly string[]) => ctx.prisma.electionRound.findMany({ where: { id: { in: [...ids] } } }),
  );

const roundsByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'electionRoundsByCommunity',
    (r: RoundRow) => r.communityId,
    (ids: readonly string[]) => ctx.prisma.electionRound.findMany({ where: { communityId: { in: [...ids] } }, orderBy: [{ openedAt: 'desc' }, { id: 'asc' }] }),
  );

export const candidatesByRound = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'candidatesByRound',
    (c: CandidateRow) => c.roundId,
    (ids: readonly string[]) => ctx.prisma.electionCandidate.findMany({ where: { roundId: { in: [...ids] } }, orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }] }),
  );

const stageChangesByRound = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'stageChangesByRound',
    (c: StageChangeRow) => c.roundId,
    (ids: readonly string[]) => ctx.prisma.electionStageChange.findMany({ where: { roundId: { in: [...ids] } }, orderBy: { enteredAt: 'asc' } }),
  );

const StageChange = builder.prismaObject('ElectionStageChange', {
  description: 'When an election round entered a stage',
  fields: (t) => ({
    stage: t.expose('stage', { type: ElectionStageEnum }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
  }),
});

export const ElectionRound = builder.prismaObject('ElectionRound', {
  description: "An open recruitment and election of a community's residents' committee (居委会换届选举)",
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, resolve: (r, _args, ctx) => loadCommunity(ctx, r.communityId) }),
    seats: t.exposeInt('seats', { description: 'Seats on the committee (5–9)' }),
    stage: t.expose('stage', { type: ElectionStageEnum }),
    writtenPassMark: t.exposeFloat('writtenPassMark', { description: 'Lowest written-exam score (0–100) that passes' }),
    interviewPassMark: t.exposeFloat('interviewPassMark', { description: 'Lowest interview score (0–100) that passes' }),
    ballotsCast: t.exposeInt('ballotsCast', { nullable: true, description: 'Ballots cast in the formal election; a winner needs more than half' }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancelReason: t.exposeString('cancelReason', { nullable: true, description: 'Why a CANCELLED round was called off' }),
    stageHistory: t.field({ type: [StageChange], resolve: (r, _args, ctx) => stageChangesByRound(ctx).load(r.id) }),
  }),
});

builder.asEntity(ElectionRound, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => roundLoader(ctx).load(ref.id),
});

builder.prismaObjectFields('Community', (t) => ({
  electionRounds: t.field({
    type: [ElectionRound],
    description: "Elections of the residents' committee, latest first",
    resolve: (c, _args, ctx) => roundsByCommunity(ctx).load(c.id),
  }),
}));

builder.queryFields((t) => ({
  electionRound: t.field({
    type: ElectionRound,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => roundLoader(ctx).load(args.id),
  }),
  electionRounds: t.field({
    type: [ElectionRound],
    description: "A community's election rounds, latest first",
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => roundsByCommunity(ctx).load(args.communityId),
  }),
}));
