import { demoCommunities } from '@shequ/kit';
import { describe, expect, it } from 'vitest';
import { demoElection } from '../src/demo/elections.js';
import { leaveStage } from '../src/election/outcome.js';
import { nextStage, requireNextStage, requireStage } from '../src/election/stages.js';
import type { ElectionCandidate } from '../src/generated/prisma/client.js';
import type { ElectionStage } from '../src/generated/prisma/enums.js';

type Candidate = Pick<ElectionCandidate, 'id' | 'name' | 'status' | 'writtenScore' | 'interviewScore' | 'formal' | 'votes'>;
const candidate = (n: number, over: Partial<Candidate> = {}): Candidate => ({
  id: `c${n}`,
  name: `候选人${n}`,
  status: 'IN_RACE',
  writtenScore: null,
  interviewScore: null,
  formal: false,
  votes: null,
  ...over,
});
const round = (stage: ElectionStage, over: Partial<{ seats: number; ballotsCast: number | null }> = {}) => ({
  stage,
  seats: 5,
  writtenPassMark: 60,
  interviewPassMark: 60,
  ballotsCast: null,
  ...over,
});
const code = (run: () => unknown) => {
  try {
    run();
    return 'OK';
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('stage order', () => {
  it('moves only to the very next stage, never back and never after completion', () => {
    expect(nextStage('APPLICATION')).toBe('WRITTEN_EXAM');
    expect(nextStage('FORMAL_ELECTION')).toBe('COMPLETED');
    expect(nextStage('COMPLETED')).toBeNull();
    expect(code(() => requireNextStage('APPLICATION', 'WRITTEN_EXAM'))).toBe('OK');
    expect(code(() => requireNextStage('APPLICATION', 'INTERVIEW'))).toBe('CONFLICT');
    expect(code(() => requireNextStage('INTERVIEW', 'WRITTEN_EXAM'))).toBe('CONFLICT');
    expect(code(() => requireNextStage('INTERVIEW', 'INTERVIEW'))).toBe('CONFLICT');
    expect(code(() => requireNextStage('COMPLETED', 'COMPLETED'))).toBe('CONFLICT');
    expect(code(() => requireStage('INTERVIEW', 'FORMAL_ELECTION', 'Votes are recorded'))).toBe('CONFLICT');
  });
});

describe('leaving a stage', () => {
  const six = (over: (n: number) => Partial<Candidate>) => [1, 2, 3, 4, 5, 6].map((n) => candidate(n, over(n)));

  it('needs more applicants than seats', () => {
    expect(code(() => leaveStage(round('APPLICATION'), six(() => ({})).slice(0, 5)))).toBe('CONFLICT');
    expect(
      leaveStage(
        round('APPLICATION'),
        six(() => ({})),
      ).eliminated,
    ).toEqual([]);
  });

  it('needs every score, passes the pass mark itself, and eliminates the rest', () => {
    expect(
      code(() =>
        leaveStage(
          round('WRITTEN_EXAM'),
          six((n) => ({ writtenScore: n === 3 ? null : 80 })),
        ),
      ),
    ).toBe('CONFLICT');
    const seven = [...six(() => ({ writtenScore: 60 })), candidate(7, { writtenScore: 59.9 })];
    expect(leaveStage(round('WRITTEN_EXAM'), seven).eliminated).toEqual(['c7']);
    expect(
      code(() =>
        leaveStage(
          round('WRITTEN_EXAM'),
          six((n) => ({ writtenScore: n === 1 ? 10 : 90 })),
        ),
      ),
    ).toBe('CONFLICT');
    // Candidates already out are not asked for scores.
    const withOut = [...six(() => ({ interviewScore: 70 })), candidate(9, { status: 'ELIMINATED' })];
    expect(leaveStage(round('INTERVIEW'), withOut).eliminated).toEqual([]);
  });

  it('keeps only the formal candidates after the pre-election', () => {
    expect(
      code(() =>
        leaveStage(
          round('PRE_ELECTION'),
          six((n) => ({ formal: n < 6 })),
        ),
      ),
    ).toBe('CONFLICT');
    const seven = [...six(() => ({ formal: true })), candidate(7)];
    expect(leaveStage(round('PRE_ELECTION'), seven).eliminated).toEqual(['c7']);
  });

  it('elects the most votes with more than half of the ballots, director and deputy first', () => {
    const votes = [90, 80, 70, 60, 51, 50];
    const exit = leaveStage(
      round('FORMAL_ELECTION', { ballotsCast: 100 }),
      six((n) => ({ formal: true, votes: votes[n - 1]! })),
    );
    expect(exit.elected).toEqual([
      { id: 'c1', position: 'DIRECTOR' },
      { id: 'c2', position: 'DEPUTY_DIRECTOR' },
      { id: 'c3', position: 'MEMBER' },
      { id: 'c4', position: 'MEMBER' },
      { id: 'c5', position: 'MEMBER' },
    ]);
    expect(exit.notElected).toEqual(['c6']);
    // Exactly half is not a majority: that seat stays empty.
    const half = leaveStage(
      round('FORMAL_ELECTION', { ballotsCast: 100 }),
      six((n) => ({ formal: true, votes: [90, 80, 70, 60, 50, 40][n - 1]! })),
    );
    expect(half.elected.map((e) => e.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(half.notElected).toEqual(['c5', 'c6']);
  });

  it('refuses to decide a tie for the last seat, missing votes, or a count that elects nobody', () => {
    const tie = six((n) => ({ formal: true, votes: [90, 80, 70, 60, 55, 55][n - 1]! }));
    expect(code(() => leaveStage(round('FORMAL_ELECTION', { ballotsCast: 100 }), tie))).toBe('CONFLICT');
    const tieBelowHalf = six((n) => ({ formal: true, votes: [90, 80, 70, 60, 55, 30][n - 1]! }));
    expect(code(() => leaveStage(round('FORMAL_ELECTION', { ballotsCast: 100 }), tieBelowHalf))).toBe('OK');
    expect(
      code(() =>
        leaveStage(
          round('FORMAL_ELECTION'),
          six(() => ({ formal: true, votes: 60 })),
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      code(() =>
        leaveStage(
          round('FORMAL_ELECTION', { ballotsCast: 100 }),
          six((n) => ({ formal: true, votes: n === 2 ? null : 60 })),
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      code(() =>
        leaveStage(
          round('FORMAL_ELECTION', { ballotsCast: 100 }),
          six(() => ({ formal: true, votes: 40 })),
        ),
      ),
    ).toBe('CONFLICT');
  });
});

describe('demo elections', () => {
  it('went through the stages exactly as the rules decide, for all 112 communities', () => {
    for (const community of demoCommunities) {
      const { round: demo, candidates, members } = demoElection(community);
      const state = candidates.map((c) => ({
        ...c,
        status: 'IN_RACE' as const,
        eliminatedAt: null,
        formal: false,
        votes: null,
        writtenScore: null,
        interviewScore: null,
      }));
      const replay = (stage: ElectionStage, reveal: (c: (typeof candidates)[number]) => Partial<Candidate>) => {
        for (const c of state) Object.assign(c, reveal(candidates.find((d) => d.id === c.id)!));
        const exit = leaveStage({ ...demo, writtenPassMark: 60, interviewPassMark: 60, stage }, state);
        for (const c of state) if (exit.eliminated.includes(c.id)) Object.assign(c, { status: 'ELIMINATED', eliminatedAt: stage });
        return exit;
      };
      replay('APPLICATION', () => ({}));
      replay('WRITTEN_EXAM', (d) => ({ writtenScore: d.writtenScore }));
      replay('INTERVIEW', (d) => ({ interviewScore: d.interviewScore }));
      replay('PRE_ELECTION', (d) => ({ formal: d.formal }));
      const outcome = replay('FORMAL_ELECTION', (d) => ({ votes: d.votes }));
      expect(state.map((c) => c.eliminatedAt)).toEqual(candidates.map((c) => c.eliminatedAt));
      expect(outcome.elected.map((e) => e.id)).toEqual(members.map((m) => m.candidateId));
      expect(outcome.elected.map((e) => e.position)).toEqual(members.map((m) => m.position));
    }
  });
});
