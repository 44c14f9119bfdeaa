// Residents' committee elections through the gateway: a whole round from application to the
// seated committee, and every illegal move rejected with a clear error and nothing written.
import type { TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';

// Departments without its outbox worker: its demo task funding would otherwise keep arriving in
// committees' ledgers (and SQL statement counts) while these tests run.
const quietDepartments = { ...departments, workers: undefined };

const roundFields = 'id stage seats ballotsCast stageHistory { stage } candidates { id name status eliminatedAt writtenScore interviewScore formal votes }';
const mutations = {
  open: `mutation($input: OpenElectionRoundInput!) { openElectionRound(input: $input) { ${roundFields} } }`,
  advance: `mutation($input: AdvanceElectionRoundInput!) { advanceElectionRound(input: $input) { ${roundFields} } }`,
  apply: 'mutation($input: ApplyForCommitteeInput!) { applyForCommittee(input: $input) { id status } }',
  written: 'mutation($input: RecordScoreInput!) { recordWrittenExamScore(input: $input) { id writtenScore } }',
  interview: 'mutation($input: RecordScoreInput!) { recordInterviewScore(input: $input) { id interviewScore } }',
  preElection: 'mutation($input: RecordPreElectionInput!) { recordPreElection(input: $input) { id formal } }',
  votes: `mutation($input: RecordFormalElectionVotesInput!) { recordFormalElectionVotes(input: $input) { ${roundFields} } }`,
  cancel: `mutation($input: CancelElectionRoundInput!) { cancelElectionRound(input: $input) { ${roundFields} cancelReason cancelledAt completedAt } }`,
};

interface Candidate {
  id: string;
  name: string;
  status: string;
  eliminatedAt: string | null;
  votes: number | null;
  formal: boolean;
}
interface Round {
  id: string;
  stage: string;
  candidates: Candidate[];
  stageHistory: { stage: string }[];
}

await describeOnEachDatabase('committee elections', (database) => {
  let hub: TestFederation;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], database });
  });
  afterAll(() => hub?.close());

  const staffOf = (communityId: string): TokenClaims => ({ role: 'COMMITTEE_STAFF', communityId, sub: `staff-${communityId}` });

  /** Runs a mutation that must succeed and returns its single field. */
  async function ok<T = any>(query: string, input: unknown, as: TokenClaims): Promise<T> {
    const res = await hub.query(query, { input }, as);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return Object.values(res.data!)[0] as T;
  }
  /** Runs a mutation that must fail; returns the error's code and message. */
  async function fails(query: string, input: unknown, as: TokenClaims | null): Promise<{ code: string; message: string }> {
    const res = await hub.query(query, { input }, as);
    expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
    return { code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message ?? '' };
  }
  const roundNow = async (id: string): Promise<Round> =>
    (await hub.query<{ electionRound: Round }>(`query($id: ID!) { electionRound(id: $id) { ${roundFields} } }`, { id })).data!.electionRound;

  async function openWithApplicants(communityId: string, names: string[]): Promise<{ round: Round; ids: Record<string, string> }> {
    const staff = staffOf(communityId);
    const round = await ok<Round>(mutations.open, { communityId, title: '2026年居民委员会换届选举', seats: 5 }, staff);
    const ids: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      ids[name] = (await ok<{ id: string }>(mutations.apply, { roundId: round.id, name, gender: i % 2 ? 'MALE' : 'FEMALE', birthYear: 1975 + i }, staff)).id;
    }
    return { round, ids };
  }

  it('runs a whole round: application → written exam → interview → pre-election → formal election → elected committee', async () => {
    const communityId = 'community-hualou-02';
    const staff = staffOf(communityId);
    const before = await hub.query<{ community: { committeeMembers: { name: string }[] } }>(
      'query($id: ID!) { community(id: $id) { committeeMembers { name } } }',
      { id: communityId },
    );
    expect(before.data!.community.committeeMembers).toHaveLength(5);

    const names = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八'];
    const { round, ids } = await openWithApplicants(communityId, names);
    expect(round.stage).toBe('APPLICATION');
    const advance = (to: string) => ok<Round>(mutations.advance, { roundId: round.id, to }, staff);

    await advance('WRITTEN_EXAM');
    const written = [88, 92, 75, 81, 66, 70, 52, 45];
    for (const [i, name] of names.entries()) await ok(mutations.written, { candidateId: ids[name], score: written[i] }, staff);
    const afterExam = await advance('INTERVIEW');
    expect(afterExam.candidates.filter((c) => c.status === 'ELIMINATED').map((c) => [c.name, c.eliminatedAt])).toEqual([
      ['庚七', 'WRITTEN_EXAM'],
      ['辛八', 'WRITTEN_EXAM'],
    ]);

    for (const name of names.slice(0, 6)) await ok(mutations.interview, { candidateId: ids[name], score: 80 }, staff);
    await advance('PRE_ELECTION');
    const formal = await ok<{ formal: boolean }[]>(
      mutations.preElection,
      { roundId: round.id, formalCandidateIds: names.slice(0, 6).map((n) => ids[n]) },
      staff,
    );
    expect(formal.every((c) => c.formal)).toBe(true);
    await advance('FORMAL_ELECTION');

    const votes = [380, 410, 300, 290, 270, 120];
    await ok(
      mutations.votes,
      { roundId: round.id, ballotsCast: 500, votes: names.slice(0, 6).map((n, i) => ({ candidateId: ids[n], votes: votes[i] })) },
      staff,
    );
    const done = await advance('COMPLETED');
    expect(done.stage).toBe('COMPLETED');
    expect(done.stageHistory.map((s) => s.stage)).toEqual(['APPLICATION', 'WRITTEN_EXAM', 'INTERVIEW', 'PRE_ELECTION', 'FORMAL_ELECTION', 'COMPLETED']);
    expect(Object.fromEntries(done.candidates.map((c) => [c.name, c.status]))).toEqual({
      甲一: 'ELECTED',
      乙二: 'ELECTED',
      丙三: 'ELECTED',
      丁四: 'ELECTED',
      戊五: 'ELECTED',
      己六: 'NOT_ELECTED',
      庚七: 'ELIMINATED',
      辛八: 'ELIMINATED',
    });

    const after = await hub.query(
      'query($id: ID!) { community(id: $id) { committeeMembers { name position election { id } candidacy { votes } } electionRounds { id stage } } }',
      { id: communityId },
    );
    expect(after.data!.community.committeeMembers).toEqual([
      { name: '乙二', position: 'DIRECTOR', election: { id: round.id }, candidacy: { votes: 410 } },
      { name: '甲一', position: 'DEPUTY_DIRECTOR', election: { id: round.id }, candidacy: { votes: 380 } },
      { name: '丙三', position: 'MEMBER', election: { id: round.id }, candidacy: { votes: 300 } },
      { name: '丁四', position: 'MEMBER', election: { id: round.id }, candidacy: { votes: 290 } },
      { name: '戊五', position: 'MEMBER', election: { id: round.id }, candidacy: { votes: 270 } },
    ]);
    expect(after.data!.community.electionRounds.map((r: { id: string }) => r.id)).toEqual([round.id, 'election-hualou-02-2021']);
    // The round is closed: nothing moves any more, and a new round may be opened.
    expect((await fails(mutations.advance, { roundId: round.id, to: 'COMPLETED' }, staff)).code).toBe('CONFLICT');
  });

  it('rejects each illegal stage move with a clear error and leaves the round as it was', async () => {
    const communityId = 'community-hualou-03';
    const staff = staffOf(communityId);
    const names = ['张一', '张二', '张三', '张四', '张五'];
    const { round, ids } = await openWithApplicants(communityId, names);
    const move = (to: string) => fails(mutations.advance, { roundId: round.id, to }, staff);

    expect(await fails(mutations.open, { communityId, title: '再开一轮', seats: 5 }, staff)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already has an open election round/),
    });
    expect(await move('INTERVIEW')).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/can only move on to the written exam, not to the interview/),
    });
    expect((await move('APPLICATION')).code).toBe('CONFLICT');
    expect(await move('WRITTEN_EXAM')).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Only 5 candidate\(s\) applied.*at least 6/) });
    expect(await fails(mutations.written, { candidateId: ids['张一'], score: 80 }, staff)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/only during the written exam/),
    });
    expect(await fails(mutations.votes, { roundId: round.id, ballotsCast: 100, votes: [] }, staff)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/only during the formal election/),
    });

    ids['张六'] = (await ok<{ id: string }>(mutations.apply, { roundId: round.id, name: '张六', gender: 'MALE', birthYear: 1980 }, staff)).id;
    ids['张七'] = (await ok<{ id: string }>(mutations.apply, { roundId: round.id, name: '张七', gender: 'MALE', birthYear: 1981 }, staff)).id;
    // Two clicks at once: the row lock lets exactly one move happen.
    const both = await Promise.all([1, 2].map(() => hub.query(mutations.advance, { input: { roundId: round.id, to: 'WRITTEN_EXAM' } }, staff)));
    expect(both.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect((await fails(mutations.apply, { roundId: round.id, name: '迟到', gender: 'MALE', birthYear: 1980 }, staff)).code).toBe('CONFLICT');

    expect((await fails(mutations.written, { candidateId: ids['张一'], score: 100.5 }, staff)).code).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.written, { candidateId: ids['张一'], score: -1 }, staff)).code).toBe('BAD_USER_INPUT');
    for (const name of ['张一', '张二', '张三', '张四', '张五', '张六']) await ok(mutations.written, { candidateId: ids[name], score: 85 }, staff);
    expect(await move('INTERVIEW')).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/missing: 张七/) });
    await ok(mutations.written, { candidateId: ids['张七'], score: 50 }, staff);
    await ok(mutations.advance, { roundId: round.id, to: 'INTERVIEW' }, staff);

    expect(await fails(mutations.interview, { candidateId: ids['张七'], score: 90 }, staff)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/did not pass the written exam/),
    });
    expect((await fails(mutations.preElection, { roundId: round.id, formalCandidateIds: [] }, staff)).code).toBe('CONFLICT');
    for (const name of ['张一', '张二', '张三', '张四', '张五', '张六']) await ok(mutations.interview, { candidateId: ids[name], score: 70 }, staff);
    await ok(mutations.advance, { roundId: round.id, to: 'PRE_ELECTION' }, staff);

    expect(await move('FORMAL_ELECTION')).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/formal candidates/) });
    const six = ['张一', '张二', '张三', '张四', '张五', '张六'].map((n) => ids[n]!);
    expect((await fails(mutations.preElection, { roundId: round.id, formalCandidateIds: [...six.slice(0, 5), ids['张七']] }, staff)).code).toBe('CONFLICT');
    expect((await fails(mutations.preElection, { roundId: round.id, formalCandidateIds: six.slice(0, 5) }, staff)).code).toBe('BAD_USER_INPUT');
    await ok(mutations.preElection, { roundId: round.id, formalCandidateIds: six }, staff);
    await ok(mutations.advance, { roundId: round.id, to: 'FORMAL_ELECTION' }, staff);

    const count = (votes: number[]) => six.map((candidateId, i) => ({ candidateId, votes: votes[i] }));
    expect(await move('COMPLETED')).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Record the formal election's votes first/) });
    expect(
      (
        await fails(
          mutations.votes,
          { roundId: round.id, ballotsCast: 300, votes: [...count([1, 1, 1, 1, 1, 1]), { candidateId: ids['张七'], votes: 1 }] },
          staff,
        )
      ).code,
    ).toBe('CONFLICT');
    expect((await fails(mutations.votes, { roundId: round.id, ballotsCast: 300, votes: count([301, 1, 1, 1, 1, 1]) }, staff)).code).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.votes, { roundId: round.id, ballotsCast: 300, votes: count([250, 250, 250, 250, 250]).slice(0, 5) }, staff)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await fails(mutations.votes, { roundId: round.id, ballotsCast: 300, votes: count([300, 300, 300, 300, 300, 300]) }, staff)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await roundNow(round.id)).candidates.every((c) => c.votes === null)).toBe(true);

    // A tie for the fifth seat cannot be decided by the count: a run-off is needed.
    await ok(mutations.votes, { roundId: round.id, ballotsCast: 300, votes: count([280, 270, 260, 250, 200, 200]) }, staff);
    expect(await move('COMPLETED')).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Tie for the last seat/) });
    const unchanged = await roundNow(round.id);
    expect(unchanged.stage).toBe('FORMAL_ELECTION');
    expect(unchanged.candidates.filter((c) => c.status === 'IN_RACE')).toHaveLength(6);
    await ok(mutations.votes, { roundId: round.id, ballotsCast: 300, votes: count([280, 270, 260, 250, 201, 200]) }, staff);
    expect((await ok<Round>(mutations.advance, { roundId: round.id, to: 'COMPLETED' }, staff)).stage).toBe('COMPLETED');
  });

  it('cancels a round before it is concluded: recorded in its history, once, and the community may open a new one', async () => {
    const communityId = 'community-hualou-05';
    const staff = staffOf(communityId);
    const { round, ids } = await openWithApplicants(communityId, ['李一', '李二', '李三', '李四', '李五', '李六']);
    await ok(mutations.advance, { roundId: round.id, to: 'WRITTEN_EXAM' }, staff);
    const cancel = { roundId: round.id, reason: '上级通知统一延期换届' };

    expect((await fails(mutations.cancel, cancel, null)).code).toBe('UNAUTHENTICATED');
    expect((await fails(mutations.cancel, cancel, staffOf('community-minzu-01'))).code).toBe('FORBIDDEN');
    expect((await fails(mutations.cancel, cancel, { role: 'STREET_STAFF', streetId: 'street-hualou' })).code).toBe('FORBIDDEN');
    expect((await fails(mutations.cancel, { ...cancel, reason: '   ' }, staff)).code).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.cancel, { ...cancel, reason: '延'.repeat(501) }, staff)).code).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.cancel, { ...cancel, roundId: 'election-nowhere' }, staff)).code).toBe('NOT_FOUND');
    expect((await roundNow(round.id)).stage).toBe('WRITTEN_EXAM');

    const cancelled = await ok<Round & { cancelReason: string; cancelledAt: string | null; completedAt: string | null }>(mutations.cancel, cancel, staff);
    expect(cancelled).toMatchObject({ stage: 'CANCELLED', cancelReason: '上级通知统一延期换届', completedAt: null });
    expect(cancelled.cancelledAt).toBeTruthy();
    expect(cancelled.stageHistory.map((h) => h.stage)).toEqual(['APPLICATION', 'WRITTEN_EXAM', 'CANCELLED']);

    expect(await fails(mutations.cancel, cancel, staff)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cancelled/) });
    expect(await fails(mutations.advance, { roundId: round.id, to: 'INTERVIEW' }, staff)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/cancelled/),
    });
    expect((await fails(mutations.advance, { roundId: round.id, to: 'APPLICATION' }, staff)).code).toBe('CONFLICT');
    expect(await fails(mutations.written, { candidateId: ids['李一'], score: 80 }, staff)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/is cancelled/),
    });
    expect((await fails(mutations.apply, { roundId: round.id, name: '迟到', gender: 'MALE', birthYear: 1980 }, staff)).code).toBe('CONFLICT');
    expect((await roundNow(round.id)).stageHistory).toHaveLength(3);

    // The sitting committee stays; a new round may be opened.
    const members = await hub.query<{ community: { committeeMembers: { name: string }[] } }>(
      'query($id: ID!) { community(id: $id) { committeeMembers { name } } }',
      { id: communityId },
    );
    expect(members.data!.community.committeeMembers).toHaveLength(5);
    const next = await ok<Round>(mutations.open, { communityId, title: '2026年居民委员会换届选举（重新组织）', seats: 5 }, { role: 'DISTRICT_ADMIN' });
    expect(next.stage).toBe('APPLICATION');
    // A district administrator may cancel too.
    expect((await ok<Round>(mutations.cancel, { roundId: next.id, reason: '重新组织' }, { role: 'DISTRICT_ADMIN' })).stage).toBe('CANCELLED');
  });

  it('refuses to cancel a completed round', async () => {
    // The demo's 2021 round of every community ran its course.
    const rounds = await hub.query<{ electionRounds: { id: string; stage: string }[] }>('query($c: ID!) { electionRounds(communityId: $c) { id stage } }', {
      c: 'community-minzu-04',
    });
    const done = rounds.data!.electionRounds.find((r) => r.stage === 'COMPLETED')!;
    expect(done).toBeDefined();
    const refused = await fails(mutations.cancel, { roundId: done.id, reason: '补录' }, staffOf('community-minzu-04'));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/completed/) });
    expect((await roundNow(done.id)).stage).toBe('COMPLETED');
  });

  it("lets only the community's own committee staff and district administrators run an election", async () => {
    const input = { communityId: 'community-hualou-04', title: '换届选举', seats: 7 };
    expect((await fails(mutations.open, input, null)).code).toBe('UNAUTHENTICATED');
    expect((await fails(mutations.open, input, staffOf('community-minzu-01'))).code).toBe('FORBIDDEN');
    expect((await fails(mutations.open, input, { role: 'RESIDENT', communityId: input.communityId, personId: 'resident-hualou-04-0001' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await fails(mutations.open, { ...input, seats: 4 }, staffOf(input.communityId))).code).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.open, { ...input, seats: 10 }, staffOf(input.communityId))).code).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.open, { ...input, communityId: 'community-nowhere' }, { role: 'DISTRICT_ADMIN' })).code).toBe('NOT_FOUND');
    const round = await ok<Round>(mutations.open, input, { role: 'DISTRICT_ADMIN' });
    expect(
      (await fails(mutations.apply, { roundId: round.id, name: '少年', gender: 'MALE', birthYear: new Date().getFullYear() - 16 }, staffOf(input.communityId)))
        .code,
    ).toBe('BAD_USER_INPUT');
    expect((await fails(mutations.apply, { roundId: round.id, name: '外人', gender: 'MALE', birthYear: 1980 }, staffOf('community-minzu-01'))).code).toBe(
      'FORBIDDEN',
    );
    const applied = await ok<{ id: string }>(
      mutations.apply,
      { roundId: round.id, name: '居民', gender: 'FEMALE', birthYear: 1980, residentId: 'resident-hualou-04-0001' },
      staffOf(input.communityId),
    );
    expect(applied.id).toBeTruthy();
    expect(
      (
        await fails(
          mutations.apply,
          { roundId: round.id, name: '居民', gender: 'FEMALE', birthYear: 1980, residentId: 'resident-hualou-04-0001' },
          staffOf(input.communityId),
        )
      ).code,
    ).toBe('CONFLICT');
    expect(
      (
        await fails(
          mutations.apply,
          { roundId: round.id, name: '别处', gender: 'FEMALE', birthYear: 1980, residentId: 'resident-minzu-01-0001' },
          staffOf(input.communityId),
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
  });
});
