import { builder } from '../builder.js';
import { candidatesByRound, ElectionRound, roundLoader } from './election-round.js';
import { CandidateStatusEnum, ElectionStageEnum, GenderEnum } from './enums.js';

export const ElectionCandidate = builder.prismaObject('ElectionCandidate', {
  description: 'An applicant in an election round and how far they got; candidates and their results are published (公示)',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    gender: t.expose('gender', { type: GenderEnum }),
    birthYear: t.exposeInt('birthYear'),
    round: t.field({ type: ElectionRound, resolve: async (c, _args, ctx) => (await roundLoader(ctx).load(c.roundId))! }),
    status: t.expose('status', { type: CandidateStatusEnum }),
    eliminatedAt: t.expose('eliminatedAt', { type: ElectionStageEnum, nullable: true, description: 'The stage the candidate did not pass' }),
    writtenScore: t.exposeFloat('writtenScore', { nullable: true }),
    interviewScore: t.exposeFloat('interviewScore', { nullable: true }),
    formal: t.exposeBoolean('formal', { description: 'Chosen in the pre-election as a formal candidate' }),
    votes: t.exposeInt('votes', { nullable: true, description: 'Votes in the formal election' }),
  }),
});

builder.prismaObjectField(ElectionRound, 'candidates', (t) =>
  t.field({
    type: [ElectionCandidate],
    description: 'Everyone who applied, in order of application, with how far they got',
    resolve: (r, _args, ctx) => candidatesByRound(ctx).load(r.id),
  }),
);
