// What leaving a stage does to the candidates, or why the round may not leave it yet. Pure: the
// mutation loads the round under a lock, asks here, and writes the answer in one transaction.
import { conflict } from '@shequ/kit';
import type { CommitteePosition, ElectionStage } from '../generated/prisma/enums.js';
import type { ElectionCandidate, ElectionRound } from '../generated/prisma/client.js';
import { stageNames } from './stages.js';

type Round = Pick<ElectionRound, 'stage' | 'seats' | 'writtenPassMark' | 'interviewPassMark' | 'ballotsCast'>;
type Candidate = Pick<ElectionCandidate, 'id' | 'name' | 'status' | 'writtenScore' | 'interviewScore' | 'formal' | 'votes'>;

export interface StageExit {
  /** Candidates who fail the stage being left. */
  eliminated: string[];
  /** Only when leaving the formal election: the winners, best first, with their positions. */
  elected: { id: string; position: CommitteePosition }[];
  notElected: string[];
}

const names = (cs: Candidate[]) => cs.map((c) => c.name).join(', ');

function requireEnoughLeft(round: Round, left: Candidate[], what: string): void {
  // A competitive election (差额选举): more candidates than seats at every stage.
  if (left.length <= round.seats) {
    throw conflict(`Only ${left.length} candidate(s) ${what}; an election for ${round.seats} seats needs at least ${round.seats + 1}`, {
      remaining: left.length,
      seats: round.seats,
    });
  }
}

function scoredStage(round: Round, inRace: Candidate[], score: 'writtenScore' | 'interviewScore', passMark: number, stage: ElectionStage): StageExit {
  const unscored = inRace.filter((c) => c[score] === null);
  if (unscored.length)
    throw conflict(`Record the ${stageNames[stage]} scores of every candidate first; missing: ${names(unscored)}`, { missing: unscored.map((c) => c.id) });
  const failed = inRace.filter((c) => c[score]! < passMark);
  requireEnoughLeft(
    round,
    inRace.filter((c) => c[score]! >= passMark),
    `passed the ${stageNames[stage]} (pass mark ${passMark})`,
  );
  return { eliminated: failed.map((c) => c.id), elected: [], notElected: [] };
}

function formalElection(round: Round, inRace: Candidate[]): StageExit {
  const unvoted = inRace.filter((c) => c.votes === null);
  if (round.ballotsCast === null || unvoted.length) throw conflict("Record the formal election's votes first (recordFormalElectionVotes)");
  const ballots = round.ballotsCast;
  const ranked = [...inRace].sort(
    (a, b) =>
      b.votes! - a.votes! ||
      (b.writtenScore ?? 0) + (b.interviewScore ?? 0) - ((a.writtenScore ?? 0) + (a.interviewScore ?? 0)) ||
      a.name.localeCompare(b.name),
  );
  // Elected: the most votes, and more than half of the ballots cast (过半数当选).
  const majority = ranked.filter((c) => c.votes! * 2 > ballots);
  const winners = majority.slice(0, round.seats);
  const firstLoser = majority[round.seats];
  if (firstLoser && firstLoser.votes === winners[winners.length - 1]!.votes) {
    throw conflict(`Tie for the last seat (${firstLoser.votes} votes each); hold a run-off and record the votes again`, { votes: firstLoser.votes });
  }
  if (!winners.length) throw conflict(`No candidate won more than half of the ${ballots} ballots; hold a run-off and record the votes again`);
  const positions: CommitteePosition[] = ['DIRECTOR', 'DEPUTY_DIRECTOR'];
  const won = new Set(winners.map((c) => c.id));
  return {
    eliminated: [],
    elected: winners.map((c, i) => ({ id: c.id, position: positions[i] ?? 'MEMBER' })),
    notElected: inRace.filter((c) => !won.has(c.id)).map((c) => c.id),
  };
}

/** The consequences of moving `round` out of its current stage. */
export function leaveStage(round: Round, candidates: Candidate[]): StageExit {
  const inRace = candidates.filter((c) => c.status === 'IN_RACE');
  switch (round.stage) {
    case 'APPLICATION':
      requireEnoughLeft(round, inRace, 'applied');
      return { eliminated: [], elected: [], notElected: [] };
    case 'WRITTEN_EXAM':
      return scoredStage(round, inRace, 'writtenScore', round.writtenPassMark, 'WRITTEN_EXAM');
    case 'INTERVIEW':
      return scoredStage(round, inRace, 'interviewScore', round.interviewPassMark, 'INTERVIEW');
    case 'PRE_ELECTION': {
      const formal = inRace.filter((c) => c.formal);
      requireEnoughLeft(round, formal, 'were chosen as formal candidates in the pre-election');
      return { eliminated: inRace.filter((c) => !c.formal).map((c) => c.id), elected: [], notElected: [] };
    }
    case 'FORMAL_ELECTION':
      return formalElection(round, inRace);
    case 'COMPLETED':
    case 'CANCELLED':
      throw conflict(`This election round is ${stageNames[round.stage]}`);
  }
}
