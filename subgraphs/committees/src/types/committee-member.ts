import type { CommitteeMember as MemberRow } from '../generated/prisma/client.js';
import { builder, type Context } from '../builder.js';
import { Community, loadCommunity } from './community.js';
import { ElectionCandidate } from './election-candidate.js';
import { ElectionRound, roundLoader } from './election-round.js';
import { CommitteePositionEnum, GenderEnum } from './enums.js';

const memberLoader = (ctx: Context) =>
  ctx.loaders.byKey(
    'committeeMemberById',
    (m: MemberRow) => m.id,
    (ids: readonly string[]) => ctx.prisma.committeeMember.findMany({ where: { id: { in: [...ids] } } }),
  );

/** The serving committee: director first, then deputies, then members. */
const servingByCommunity = (ctx: Context) =>
  ctx.loaders.groupedBy(
    'servingMembersByCommunity',
    (m: MemberRow) => m.communityId,
    (ids: readonly string[]) =>
      ctx.prisma.committeeMember.findMany({ where: { communityId: { in: [...ids] }, termEnd: null }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
  );

const candidateById = (ctx: Context) =>
  ctx.loaders.byKey(
    'candidateById',
    (c: { id: string }) => c.id,
    (ids: readonly string[]) => ctx.prisma.electionCandidate.findMany({ where: { id: { in: [...ids] } } }),
  );

export const CommitteeMember = builder.prismaObject('CommitteeMember', {
  description: "A member of a community's residents' committee (居委会)",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    gender: t.expose('gender', { type: GenderEnum }),
    position: t.expose('position', { type: CommitteePositionEnum }),
    communityId: t.exposeID('communityId'),
    community: t.field({ type: Community, resolve: (m, _args, ctx) => loadCommunity(ctx, m.communityId) }),
    termStart: t.expose('termStart', { type: 'Date' }),
    termEnd: t.expose('termEnd', { type: 'Date', nullable: true, description: 'Null while serving' }),
    election: t.field({
      type: ElectionRound,
      nullable: true,
      description: 'The election round that chose the member',
      resolve: (m, _args, ctx) => (m.roundId ? roundLoader(ctx).load(m.roundId) : null),
    }),
    candidacy: t.field({
      type: ElectionCandidate,
      nullable: true,
      description: "The member's way through that election: scores and votes",
      resolve: (m, _args, ctx) => (m.candidateId ? candidateById(ctx).load(m.candidateId) : null),
    }),
  }),
});

builder.asEntity(CommitteeMember, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => memberLoader(ctx).load(ref.id),
});

builder.prismaObjectFields('Community', (t) => ({
  committeeMembers: t.field({
    type: [CommitteeMember],
    description: "The serving residents' committee (居委会), director first",
    resolve: (c, _args, ctx) => servingByCommunity(ctx).load(c.id),
  }),
}));

builder.queryFields((t) => ({
  committeeMembers: t.field({
    type: [CommitteeMember],
    description: "A community's serving residents' committee, director first",
    args: { communityId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => servingByCommunity(ctx).load(args.communityId),
  }),
}));
