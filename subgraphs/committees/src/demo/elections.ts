// Each community's residents' committee came out of a completed election round in 2021 (the
// nationwide 换届 year): 9 applicants, written exam, interview, pre-election, formal election,
// 5 seats. 112 × 5 = 560 elected members, as in the source.
import { seededRandom, syntheticName } from '@shequ/kit';
import type { CandidateStatus, CommitteePosition, ElectionStage, Gender } from '../generated/prisma/enums.js';
import { stageOrder, type CourseStage } from '../election/stages.js';
import { day, pad, suffix, type DemoCommunity } from './common.js';

export const demoSeats = 5;
const applicants = 9;
// The 2021 rounds all ran their course: a stage date for each stage of it, none was CANCELLED.
const stageDates: Record<CourseStage, string> = {
  APPLICATION: '2021-03-01',
  WRITTEN_EXAM: '2021-03-20',
  INTERVIEW: '2021-04-05',
  PRE_ELECTION: '2021-04-20',
  FORMAL_ELECTION: '2021-05-10',
  COMPLETED: '2021-05-15',
};

function shuffled<T>(items: T[], random: { int(min: number, max: number): number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function demoElection(c: DemoCommunity) {
  const random = seededRandom(`election-${c.id}`);
  const roundId = `election-${suffix(c.id)}-2021`;
  const ballotsCast = random.int(420, 980);
  const order = shuffled([...Array(applicants).keys()], random);
  // order[0..1] fail the written exam, order[2] the interview; the other six are formal candidates.
  const failWritten = new Set(order.slice(0, 2));
  const failInterview = order[2]!;
  const formalRanked = order.slice(3);
  const winnerVotes = Array.from({ length: demoSeats }, () => random.int(Math.ceil(ballotsCast * 0.55), Math.floor(ballotsCast * 0.96))).sort((a, b) => b - a);
  for (let i = 1; i < winnerVotes.length; i++) if (winnerVotes[i]! >= winnerVotes[i - 1]!) winnerVotes[i] = winnerVotes[i - 1]! - 1;
  const candidates = Array.from({ length: applicants }, (_, i) => {
    const rank = formalRanked.indexOf(i);
    const formal = rank >= 0;
    const status: CandidateStatus = !formal ? 'ELIMINATED' : rank < demoSeats ? 'ELECTED' : 'NOT_ELECTED';
    const eliminatedAt: ElectionStage | null = failWritten.has(i) ? 'WRITTEN_EXAM' : i === failInterview ? 'INTERVIEW' : null;
    const gender: Gender = random.chance(0.6) ? 'FEMALE' : 'MALE';
    return {
      id: `candidate-${suffix(c.id)}-2021-${pad(i + 1)}`,
      roundId,
      name: syntheticName(random, gender).name,
      gender,
      birthYear: random.int(1966, 1996),
      status,
      eliminatedAt,
      writtenScore: failWritten.has(i) ? random.int(380, 595) / 10 : random.int(620, 965) / 10,
      interviewScore: failWritten.has(i) ? null : i === failInterview ? random.int(400, 595) / 10 : random.int(650, 960) / 10,
      formal,
      votes: !formal ? null : rank < demoSeats ? winnerVotes[rank]! : random.int(Math.floor(ballotsCast * 0.15), Math.floor(ballotsCast * 0.45)),
      appliedAt: new Date(day(stageDates.APPLICATION).getTime() + (i + 1) * 3_600_000),
      rank,
    };
  });
  const positions: CommitteePosition[] = ['DIRECTOR', 'DEPUTY_DIRECTOR'];
  const members = candidates
    .filter((x) => x.status === 'ELECTED')
    .sort((a, b) => a.rank - b.rank)
    .map((x) => ({
      id: `member-${suffix(c.id)}-${pad(x.rank + 1)}`,
      communityId: c.id,
      name: x.name,
      gender: x.gender,
      position: positions[x.rank] ?? 'MEMBER',
      roundId,
      candidateId: x.id,
      termStart: day(stageDates.COMPLETED),
    }));
  return {
    round: {
      id: roundId,
      communityId: c.id,
      title: `${c.name}居民委员会2021年换届选举`,
      seats: demoSeats,
      stage: 'COMPLETED' as const,
      ballotsCast,
      openedAt: day(stageDates.APPLICATION),
      completedAt: day(stageDates.COMPLETED),
    },
    stageChanges: stageOrder.map((stage) => ({ id: `${roundId}-${stage.toLowerCase()}`, roundId, stage, enteredAt: day(stageDates[stage]) })),
    candidates: candidates.map(({ rank: _rank, ...row }) => row),
    members,
  };
}

export function demoElections(communities: DemoCommunity[]) {
  const all = communities.map(demoElection);
  return {
    rounds: all.map((e) => e.round),
    stageChanges: all.flatMap((e) => e.stageChanges),
    candidates: all.flatMap((e) => e.candidates),
    members: all.flatMap((e) => e.members),
  };
}
