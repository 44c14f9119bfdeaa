// Casting ballots through the gateway against the real committees and departments subgraphs:
// who may score what, 200 representatives at once, and what happens when the subgraph that owns
// an eligibility fact is down. On PGlite and on PostgreSQL.
import { demoCommunities } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, codeOf, levels, openCampaign, rep } from './evaluations-helpers.js';

const keys = ['attitude', 'efficiency'];
const criteria = [
  { key: 'attitude', label: '服务态度', weight: 3 },
  { key: 'efficiency', label: '办事效率', weight: 2 },
];

const countQuery = `query($id: ID!, $t: ID!) { evaluationResult(campaignId: $id, targetId: $t) { ballotCount score } campaign(id: $id) { progress { ballotsCast } } }`;

await describeOnEachDatabase('casting ballots', (database) => {
  let hub: TestFederation;
  let id: string;
  let staff: { id: string; assigned: string; other: string }[];

  const count = async (target: string) => {
    const res = await hub.query<{ evaluationResult: { ballotCount: number; score: number | null } }>(countQuery, { id, t: target }, admin);
    accepted(res);
    return res.data!.evaluationResult.ballotCount;
  };

  beforeAll(async () => {
    // 200 ballots on one campaign are applied one at a time: on a loaded machine the last wait
    // longer than the gateway's 10 s subgraph deadline. What is tested here is that every one
    // counts exactly once, not how fast (bench/evaluations.ts).
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations], database, gateway: { security: { subgraphTimeoutMs: 60_000 } } });
    // Staff with their assigned communities, as departments tells anyone who asks.
    const found = await hub.query<Record<string, { staff: { id: string; assignedCommunities: { id: string }[] }[] }>>(
      '{ a: department(id: "dept-health") { staff { id assignedCommunities { id } } } b: department(id: "dept-culture") { staff { id assignedCommunities { id } } } }',
    );
    accepted(found);
    staff = Object.values(found.data!)
      .flatMap((d) => d.staff)
      .filter((s) => s.assignedCommunities.length > 0)
      .slice(0, 2)
      .map((s) => ({
        id: s.id,
        assigned: s.assignedCommunities[0]!.id,
        other: demoCommunities.find((c) => !s.assignedCommunities.some((a) => a.id === c.id))!.id,
      }));
    expect(staff).toHaveLength(2);
    id = await openCampaign(hub, {
      targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }, { kind: 'STREET', id: 'street-minzu' }, ...staff.map((s) => ({ kind: 'STAFF' as const, id: s.id }))],
      criteria,
      // Every ballot released at once, so that the counts below show each one (results-e2e tests the release rule).
      minBallots: 1,
    });
  });
  afterAll(() => hub?.close());

  it('lets a street be scored only by representatives of its own communities', async () => {
    const outsider = await cast(hub, rep('community-hualou-01', 1), id, 'street-minzu', levels(keys, [5, 5]));
    expect(codeOf(outsider)).toBe('FORBIDDEN');
    expect(outsider.errors![0]!.message).toMatch(/own communities/);
    accepted(await cast(hub, rep('community-minzu-03', 1), id, 'street-minzu', levels(keys, [4, 4])));
    expect(await count('street-minzu')).toBe(1);
  });

  it('lets staff be scored only by representatives of the communities they are assigned to', async () => {
    const [s] = staff;
    expect(codeOf(await cast(hub, rep(s!.other, 1), id, s!.id, levels(keys, [1, 1])))).toBe('FORBIDDEN');
    accepted(await cast(hub, rep(s!.assigned, 1), id, s!.id, levels(keys, [4, 5])));
    expect(await count(s!.id)).toBe(1);
  });

  it('lets only representatives of communities in scope vote', async () => {
    const scoped = await openCampaign(hub, { targets: [{ kind: 'DEPARTMENT', id: 'dept-culture' }], criteria, communityIds: ['community-minzu-01'] });
    expect(codeOf(await cast(hub, rep('community-hualou-01', 1), scoped, 'dept-culture', levels(keys, [5, 5])))).toBe('FORBIDDEN');
    accepted(await cast(hub, rep('community-minzu-01', 1), scoped, 'dept-culture', levels(keys, [5, 5])));
    const progress = await hub.query(`query($id: ID!) { campaign(id: $id) { progress { ballotsCast eligibleBallots } } }`, { id: scoped });
    expect(progress.data).toEqual({ campaign: { progress: { ballotsCast: 1, eligibleBallots: 15 } } });
    const noPerson = await cast(hub, { role: 'REPRESENTATIVE', communityId: 'community-minzu-01' }, scoped, 'dept-culture', levels(keys, [5, 5]));
    // A representative's token without the person it speaks for does not fit its role.
    expect(codeOf(noPerson)).toBe('UNAUTHENTICATED');
  });

  it('counts 200 concurrent ballots from different representatives, and concurrent retries once', async () => {
    const voters = demoCommunities
      .slice(0, 14)
      .flatMap((c) => Array.from({ length: 15 }, (_, i) => rep(c.id, i + 1)))
      .slice(0, 200);
    const levelsOf = (i: number) => [1 + (i % 5), 1 + ((i * 3) % 5)];
    const requests = voters.map((voter, i) => cast(hub, voter, id, 'dept-health', levels(keys, levelsOf(i)), { key: `concurrent-${i}` }));
    // The first 20 requests are retried while still in flight: same idempotency key, same ballot.
    const retries = voters.slice(0, 20).map((voter, i) => cast(hub, voter, id, 'dept-health', levels(keys, levelsOf(i)), { key: `concurrent-${i}` }));
    const answers = await Promise.all([...requests, ...retries]);
    // On a loaded machine a few may find the database busy: retryable, nothing recorded, so a
    // voter's client asks again with the same key, as it would after any retryable error.
    const ballots = [...voters, ...voters.slice(0, 20)];
    for (let round = 0; round < 5; round++) {
      const busy = answers.flatMap((a, i) => (a.errors?.every((e) => e.extensions?.retryable === true) ? [i] : []));
      if (busy.length === 0) break;
      for (const i of busy) answers[i] = await cast(hub, ballots[i]!, id, 'dept-health', levels(keys, levelsOf(i % 200)), { key: `concurrent-${i % 200}` });
    }
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const res = await hub.query<{ evaluationResult: { ballotCount: number; score: number } }>(countQuery, { id, t: 'dept-health' }, admin);
    // Exactly the 200 ballots: Σ(3a + 2e) over them, against 200 × 5 × 1 at the bottom of the scale.
    const sum = voters.reduce((acc, _, i) => acc + 3 * levelsOf(i)[0]! + 2 * levelsOf(i)[1]!, 0);
    expect(res.data!.evaluationResult).toEqual({ ballotCount: 200, score: Math.round((2500 * (sum - 1000)) / 1000) / 100 });
  });

  it('rejects a staff ballot with a retryable SUBGRAPH_UNAVAILABLE while departments is down, writing nothing', async () => {
    hub.subgraphs.evaluations!.shared.services.forgetFacts();
    const s = staff[1]!;
    await hub.subgraphs.departments!.stopServer();
    try {
      const res = await cast(hub, rep(s.assigned, 2), id, s.id, levels(keys, [3, 3]), { key: 'while-departments-down' });
      expect(codeOf(res)).toBe('SUBGRAPH_UNAVAILABLE');
      expect(res.errors![0]!.extensions).toMatchObject({ subgraph: 'departments', retryable: true });
      expect(res.errors![0]!.message).toMatch(/departments.*nothing was changed/);
      // A department ballot needs no fact from departments: it is still accepted.
      accepted(await cast(hub, rep('community-qianjin-01', 1), id, 'dept-health', levels(keys, [3, 3])));
    } finally {
      await hub.subgraphs.departments!.restartServer();
    }
    expect(await count(s.id)).toBe(0);
    // The retry with the same key now goes through, once.
    accepted(await cast(hub, rep(s.assigned, 2), id, s.id, levels(keys, [3, 3]), { key: 'while-departments-down' }));
    accepted(await cast(hub, rep(s.assigned, 2), id, s.id, levels(keys, [3, 3]), { key: 'while-departments-down' }));
    expect(await count(s.id)).toBe(1);
  });

  it('rejects a street ballot with SUBGRAPH_UNAVAILABLE while committees is down, writing nothing', async () => {
    hub.subgraphs.evaluations!.shared.services.forgetFacts();
    const before = await count('street-minzu');
    await hub.subgraphs.committees!.stopServer();
    try {
      const res = await cast(hub, rep('community-minzu-04', 1), id, 'street-minzu', levels(keys, [2, 2]));
      expect(codeOf(res)).toBe('SUBGRAPH_UNAVAILABLE');
      expect(res.errors![0]!.extensions?.subgraph).toBe('committees');
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }
    expect(await count('street-minzu')).toBe(before);
  });

  it('accepts ballots racing a close either before it (counted in the cases) or not at all', async () => {
    const racing = await openCampaign(hub, { targets: [{ kind: 'DEPARTMENT', id: 'dept-sanitation' }], criteria });
    const ballots = Array.from({ length: 30 }, (_, i) =>
      cast(hub, rep('community-xinhua-01', (i % 15) + 1), racing, 'dept-sanitation', levels(keys, [1, 2]), { key: `race-key-${i}` }),
    );
    const close = hub.query('mutation($id: ID!) { closeCampaign(id: $id) { status } }', { id: racing }, admin);
    const answers = await Promise.all(ballots);
    accepted(await close);
    const acceptedCount = new Set(answers.flatMap((a, i) => (a.errors ? [] : [i % 15]))).size;
    expect(answers.filter((a) => a.errors && codeOf(a) !== 'CONFLICT')).toEqual([]);
    const cases = await hub.query<{ rectificationCases: { badReviews: number }[] }>(
      'query($id: ID!) { rectificationCases(campaignId: $id) { badReviews } }',
      { id: racing },
      admin,
    );
    expect(cases.data!.rectificationCases.map((c) => c.badReviews)).toEqual(acceptedCount ? [acceptedCount] : []);
  });
});
