// The workflow steps inside an election round's stages. Each runs under the round's row lock,
// so a step and a stage move never interleave. Out-of-stage steps are CONFLICT; bad values are
// BAD_USER_INPUT.
import { badInput, check, conflict, isUniqueViolation, notFound, rules } from '@shequ/kit';
import type { ElectionCandidate, ElectionStage } from '../generated/prisma/client.js';
import { managerRoles } from '../access.js';
import { builder } from '../builder.js';
import { requireStage, scoreLimits, stageNames } from '../election/stages.js';
import { lockedWrite, type Tx } from '../transactions.js';
import { GenderEnum } from './enums.js';

const ApplyInput = builder.inputType('ApplyForCommitteeInput', {
  fields: (t) => ({
    roundId: t.id({ required: true }),
    name: t.string({ required: true }),
    gender: t.field({ type: GenderEnum, required: true }),
    birthYear: t.int({ required: true, description: 'Applicants must be at least 18' }),
    residentId: t.id({ description: "The applicant's resident record, if they live in the community; one application per resident" }),
  }),
});

const ScoreInput = builder.inputType('RecordScoreInput', {
  fields: (t) => ({ candidateId: t.id({ required: true }), score: t.float({ required: true, description: '0–100' }) }),
});

const PreElectionInput = builder.inputType('RecordPreElectionInput', {
  fields: (t) => ({ roundId: t.id({ required: true }), formalCandidateIds: t.idList({ required: true, description: 'More candidates than seats' }) }),
});

const VoteCount = builder.inputType('CandidateVotesInput', { fields: (t) => ({ candidateId: t.id({ required: true }), votes: t.int({ required: true }) }) });
const VotesInput = builder.inputType('RecordFormalElectionVotesInput', {
  fields: (t) => ({ roundId: t.id({ required: true }), ballotsCast: t.int({ required: true }), votes: t.field({ type: [VoteCount], required: true }) }),
});

async function findCandidate(tx: Pick<Tx, 'electionCandidate'>, candidateId: string) {
  const candidate = await tx.electionCandidate.findUnique({ where: { id: candidateId } });
  if (!candidate) throw notFound('Candidate', candidateId);
  return candidate;
}

function requireInRace(c: ElectionCandidate, entering: ElectionStage): void {
  if (c.status !== 'IN_RACE') {
    throw conflict(`${c.name} did not pass the ${stageNames[c.eliminatedAt ?? 'APPLICATION']} and cannot take part in the ${stageNames[entering]}`, {
      candidateId: c.id,
    });
  }
}

function scoreStep(stage: 'WRITTEN_EXAM' | 'INTERVIEW', field: 'writtenScore' | 'interviewScore') {
  return builder.mutationField(stage === 'WRITTEN_EXAM' ? 'recordWrittenExamScore' : 'recordInterviewScore', (t) =>
    t.prismaField({
      type: 'ElectionCandidate',
      description: `Records (or corrects) a candidate's ${stageNames[stage]} score while the round is in that stage`,
      authScopes: { role: managerRoles },
      args: { input: t.arg({ type: ScoreInput, required: true }) },
      resolve: async (_query, _root, { input }, ctx) => {
        if (!Number.isFinite(input.score) || input.score < scoreLimits.min || input.score > scoreLimits.max) {
          throw badInput(`score must be between ${scoreLimits.min} and ${scoreLimits.max}`, { field: 'score' });
        }
        const { roundId } = await findCandidate(ctx.prisma, input.candidateId);
        return lockedWrite(ctx, 'ElectionRound', roundId, async (tx) => {
          const round = await tx.electionRound.findUniqueOrThrow({ where: { id: roundId } });
          requireStage(round.stage, stage, `${stageNames[stage]} scores are recorded`);
          requireInRace(await findCandidate(tx, input.candidateId), stage);
          return tx.electionCandidate.update({ where: { id: input.candidateId }, data: { [field]: input.score } });
        });
      },
    }),
  );
}
scoreStep('WRITTEN_EXAM', 'writtenScore');
scoreStep('INTERVIEW', 'interviewScore');

builder.mutationFields((t) => ({
  applyForCommittee: t.prismaField({
    type: 'ElectionCandidate',
    description: 'Registers an applicant while the round is in the application stage',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: ApplyInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => {
      const name = check(rules.text(50), input.name, 'name');
      const year = new Date().getUTCFullYear();
      if (input.birthYear > year - 18 || input.birthYear < year - 100)
        throw badInput(`birthYear must be between ${year - 100} and ${year - 18}: applicants must be adults`, { field: 'birthYear' });
      try {
        return await lockedWrite(ctx, 'ElectionRound', input.roundId, async (tx, communityId) => {
          const round = await tx.electionRound.findUniqueOrThrow({ where: { id: input.roundId } });
          requireStage(round.stage, 'APPLICATION', 'Applications are accepted');
          if (input.residentId && !(await tx.resident.count({ where: { id: input.residentId, communityId } }))) {
            throw badInput(`${input.residentId} is not a resident of ${communityId}`, { field: 'residentId' });
          }
          return tx.electionCandidate.create({
            data: { roundId: round.id, name, gender: input.gender, birthYear: input.birthYear, residentId: input.residentId ?? null },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'residentId')) throw conflict(`${input.residentId} has already applied in this round`);
        throw err;
      }
    },
  }),
  recordPreElection: t.prismaField({
    type: ['ElectionCandidate'],
    description: 'Chooses the formal candidates from those who passed the interview (replaces an earlier choice in the same stage)',
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: PreElectionInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      lockedWrite(ctx, 'ElectionRound', input.roundId, async (tx) => {
        const round = await tx.electionRound.findUniqueOrThrow({ where: { id: input.roundId } });
        requireStage(round.stage, 'PRE_ELECTION', 'Formal candidates are chosen');
        const chosen = new Set(input.formalCandidateIds);
        if (chosen.size !== input.formalCandidateIds.length) throw badInput('formalCandidateIds lists a candidate twice');
        if (chosen.size <= round.seats) throw badInput(`Choose more formal candidates than the ${round.seats} seats (差额选举)`, { seats: round.seats });
        const candidates = await tx.electionCandidate.findMany({ where: { roundId: round.id } });
        const byId = new Map(candidates.map((c) => [c.id, c]));
        for (const id of chosen) {
          const c = byId.get(id);
          if (!c) throw badInput(`${id} is not a candidate in this round`, { candidateId: id });
          requireInRace(c, 'PRE_ELECTION');
        }
        await tx.electionCandidate.updateMany({ where: { roundId: round.id, status: 'IN_RACE' }, data: { formal: false } });
        await tx.electionCandidate.updateMany({ where: { id: { in: [...chosen] } }, data: { formal: true } });
        return tx.electionCandidate.findMany({ where: { id: { in: [...chosen] } }, orderBy: { appliedAt: 'asc' } });
      }),
  }),
  recordFormalElectionVotes: t.prismaField({
    type: 'ElectionRound',
    description: "Records the count of the formal election: ballots cast and every formal candidate's votes (a recount replaces it)",
    authScopes: { role: managerRoles },
    args: { input: t.arg({ type: VotesInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      lockedWrite(ctx, 'ElectionRound', input.roundId, async (tx) => {
        const round = await tx.electionRound.findUniqueOrThrow({ where: { id: input.roundId } });
        requireStage(round.stage, 'FORMAL_ELECTION', 'Votes are recorded');
        if (input.ballotsCast < 1 || input.ballotsCast > 1_000_000) throw badInput('ballotsCast must be between 1 and 1,000,000', { field: 'ballotsCast' });
        const formal = await tx.electionCandidate.findMany({ where: { roundId: round.id, status: 'IN_RACE', formal: true } });
        const formalIds = new Set(formal.map((c) => c.id));
        const given = new Set<string>();
        for (const { candidateId, votes } of input.votes) {
          if (given.has(candidateId)) throw badInput(`votes lists ${candidateId} twice`);
          given.add(candidateId);
          if (!formalIds.has(candidateId)) throw conflict(`${candidateId} is not a formal candidate of this election`, { candidateId });
          if (votes < 0 || votes > input.ballotsCast) throw badInput(`votes must be between 0 and the ${input.ballotsCast} ballots cast`, { candidateId });
        }
        const missing = formal.filter((c) => !given.has(c.id));
        if (missing.length) throw badInput(`Give the votes of every formal candidate; missing: ${missing.map((c) => c.name).join(', ')}`);
        const total = input.votes.reduce((sum, v) => sum + v.votes, 0);
        if (total > input.ballotsCast * round.seats)
          throw badInput(`${total} votes cannot come from ${input.ballotsCast} ballots of at most ${round.seats} names each`);
        for (const { candidateId, votes } of input.votes) await tx.electionCandidate.update({ where: { id: candidateId }, data: { votes } });
        return tx.electionRound.update({ where: { id: round.id }, data: { ballotsCast: input.ballotsCast } });
      }),
  }),
}));
