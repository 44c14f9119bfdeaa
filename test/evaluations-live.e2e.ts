// Live results through the gateway: graphql-ws and SSE subscribers see each accepted ballot's
// new result, with the department's name resolved by the departments subgraph, and turnout.
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, levels, openCampaign, rep, SseFeed, WsFeed } from './evaluations-helpers.js';

const keys = ['attitude', 'efficiency'];
const A = 'community-manchun-01';

type Live = {
  evaluationResultChanged: {
    targetId: string;
    ballotCount: number;
    score: number | null;
    grade: string | null;
    revision: number;
    department: { name: string } | null;
  };
};
const resultSubscription = `subscription($c: ID!, $t: ID) { evaluationResultChanged(campaignId: $c, targetId: $t) {
  targetId ballotCount score grade revision department { name } } }`;
const progressSubscription = 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast eligibleBallots turnout revision } }';

describe('live results through the gateway', () => {
  let hub: TestFederation;
  let id: string;

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
    id = await openCampaign(hub, {
      targets: [
        { kind: 'DEPARTMENT', id: 'dept-health' },
        { kind: 'DEPARTMENT', id: 'dept-culture' },
      ],
      criteria: [
        { key: 'attitude', label: '服务态度', weight: 0.6 },
        { key: 'efficiency', label: '办事效率', weight: 0.4 },
      ],
      minBallots: 1,
      observerIds: ['observer-live'],
    });
  });
  afterAll(() => hub?.close());

  it('a graphql-ws subscriber receives the new score after each ballot, with the department name from departments', async () => {
    const feed = new WsFeed<Live>(hub.url, resultSubscription, { c: id, t: 'dept-health' }, await hub.token(admin));
    try {
      // The current state arrives first: the subscription is live.
      const initial = await feed.next((e) => e.data?.evaluationResultChanged.ballotCount === 0);
      expect(initial.data!.evaluationResultChanged).toMatchObject({ score: null, department: { name: '卫生局' } });
      // Ballot scores (60·a + 40·e)/100: 5,5 → 5; 3,2 → 2.6; 4,4 → 4. Running means 5, 3.8, 3.8667.
      const expected = [
        { v: [5, 5], score: 100, grade: 'EXCELLENT' },
        { v: [3, 2], score: 70, grade: 'PASS' },
        { v: [4, 4], score: 71.67, grade: 'PASS' },
      ];
      for (const [i, step] of expected.entries()) {
        accepted(await cast(hub, rep(A, i + 1), id, 'dept-health', levels(keys, step.v)));
        const event = await feed.next((e) => e.data?.evaluationResultChanged.ballotCount === i + 1);
        expect(event.errors).toBeUndefined();
        expect(event.data!.evaluationResultChanged).toMatchObject({
          targetId: 'dept-health',
          score: step.score,
          grade: step.grade,
          department: { name: '卫生局' },
        });
      }
      // Replacing a ballot is a new result too: rep 2's 3,2 becomes 5,5 → mean (5 + 5 + 4) / 3.
      accepted(await cast(hub, rep(A, 2), id, 'dept-health', levels(keys, [5, 5])));
      expect((await feed.next((e) => e.data?.evaluationResultChanged.score === 91.67)).data!.evaluationResultChanged.ballotCount).toBe(3);
    } finally {
      await feed.close();
    }
  });

  it('streams results to a named observer over SSE, and turnout to anyone', async () => {
    const results = new SseFeed<Live>(hub.url, resultSubscription, { c: id, t: 'dept-culture' }, await hub.token({ role: 'OBSERVER', sub: 'observer-live' }));
    const progress = new SseFeed<{ campaignProgress: { ballotsCast: number; eligibleBallots: number } }>(hub.url, progressSubscription, { c: id });
    try {
      await results.next((e) => e.data?.evaluationResultChanged.ballotCount === 0);
      expect(results.contentType).toMatch(/text\/event-stream/);
      const start = (await progress.next((e) => Boolean(e.data?.campaignProgress))).data!.campaignProgress.ballotsCast;
      accepted(await cast(hub, rep(A, 1), id, 'dept-culture', levels(keys, [4, 3])));
      const event = await results.next((e) => e.data?.evaluationResultChanged.ballotCount === 1);
      expect(event.data!.evaluationResultChanged).toMatchObject({ score: 65, department: { name: '文化局' } });
      const turnout = await progress.next((e) => e.data?.campaignProgress.ballotsCast === start + 1);
      expect(turnout.data!.campaignProgress.eligibleBallots).toBe(2 * 112 * 15);
    } finally {
      await results.close();
      await progress.close();
    }
  });

  it('refuses live scores to anyone else while the campaign is OPEN', async () => {
    const callers = [null, rep(A, 1), { role: 'OBSERVER' as const, sub: 'not-named' }];
    const codes = [];
    for (const caller of callers) {
      const feed = new WsFeed<Live>(hub.url, resultSubscription, { c: id, t: 'dept-health' }, caller ? await hub.token(caller) : undefined);
      try {
        const refusal = await feed.next((e) => Boolean(e.errors));
        expect(feed.events.some((e) => e.data?.evaluationResultChanged)).toBe(false);
        codes.push(refusal.errors?.[0]?.extensions?.code);
      } finally {
        await feed.close();
      }
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('under a burst of ballots the last result always arrives', async () => {
    const feed = new WsFeed<Live>(hub.url, resultSubscription, { c: id }, await hub.token(admin));
    try {
      const start = (await feed.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-culture')).data!.evaluationResultChanged.ballotCount;
      const burst = Array.from({ length: 15 }, (_, i) => cast(hub, rep('community-manchun-02', i + 1), id, 'dept-culture', levels(keys, [5, 4])));
      for (const res of await Promise.all(burst)) accepted(res);
      const last = await feed.next(
        (e) => e.data?.evaluationResultChanged.targetId === 'dept-culture' && e.data.evaluationResultChanged.ballotCount === start + 15,
      );
      // Revisions never go backwards on one subscription.
      const revisions = feed.events
        .filter((e) => e.data?.evaluationResultChanged.targetId === 'dept-culture')
        .map((e) => e.data!.evaluationResultChanged.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(last.data!.evaluationResultChanged.department).toEqual({ name: '文化局' });
    } finally {
      await feed.close();
    }
  });
});
