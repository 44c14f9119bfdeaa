// The evaluations subgraph goes away under live subscriptions: every subscriber, over graphql-ws
// and SSE, gets an error naming it (SUBGRAPH_UNAVAILABLE) rather than a silent end or a hang; the
// gateway keeps serving; once the subgraph is back, a screen subscribes again and gets the
// current state first, then new ballots.
import { startTestFederation, type GraphQLResponse, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, levels, openCampaign, rep } from './evaluations-helpers.js';
import { SseFeed, WsFeed } from './live-clients.js';

const keys = ['attitude', 'efficiency'];
const progressQuery = 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast } }';
const resultQuery = 'subscription($c: ID!) { evaluationResultChanged(campaignId: $c) { targetId ballotCount department { name } } }';
type Progress = { campaignProgress: { ballotsCast: number } };
type Result = { evaluationResultChanged: { targetId: string; ballotCount: number; department: { name: string } | null } };

const unavailable = (e: GraphQLResponse) =>
  e.errors?.some((x) => x.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && x.extensions?.subgraph === 'evaluations') ?? false;

describe('a subgraph that goes away under live subscriptions', () => {
  let hub: TestFederation;
  let campaign: string;

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
    campaign = await openCampaign(hub, {
      targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }],
      criteria: [
        { key: 'attitude', label: '服务态度', weight: 0.6 },
        { key: 'efficiency', label: '办事效率', weight: 0.4 },
      ],
      minBallots: 1,
    });
    accepted(await cast(hub, rep('community-minzu-02', 1), campaign, 'dept-health', levels(keys, [4, 4])));
  });
  afterAll(() => hub?.close());

  it('tells every subscriber which subgraph went away; they subscribe again once it is back and receive again', async () => {
    const token = await hub.token(admin);
    const subscribe = () => ({
      ws: new WsFeed<Progress>(hub.url, progressQuery, { c: campaign }),
      // Two screens with the same subscription: they share one upstream stream, and both hear of its end.
      sse: [new SseFeed<Progress>(hub.url, progressQuery, { c: campaign }), new SseFeed<Progress>(hub.url, progressQuery, { c: campaign })],
      results: new WsFeed<Result>(hub.url, resultQuery, { c: campaign }, token),
    });
    const before = subscribe();
    const feeds = [before.ws, ...before.sse, before.results];
    try {
      for (const feed of feeds) await feed.next((e) => Boolean(e.data));
      await hub.subgraphs.evaluations!.stopServer();
      for (const feed of feeds) {
        await feed.next(unavailable);
        await feed.done();
      }
      // The rest of the hub answers meanwhile; what evaluations owns comes back with the reason.
      accepted(await hub.query('{ streets { id } }'));
      const meanwhile = await hub.query('query($c: ID!) { campaign(id: $c) { id } }', { c: campaign });
      expect(unavailable(meanwhile)).toBe(true);
      // Subscribing while it is down is refused with the same reason, at once.
      const refused = new WsFeed<Progress>(hub.url, progressQuery, { c: campaign });
      await refused.next(unavailable);
      await refused.close();
    } finally {
      await Promise.all(feeds.map((f) => f.close()));
    }

    await hub.subgraphs.evaluations!.restartServer();
    const after = subscribe();
    const again = [after.ws, ...after.sse];
    try {
      // The current state first, as the screen last saw it...
      for (const feed of again) expect((await feed.next((e) => Boolean(e.data))).data!.campaignProgress.ballotsCast).toBe(1);
      expect((await after.results.next((e) => Boolean(e.data))).data!.evaluationResultChanged).toEqual({
        targetId: 'dept-health',
        ballotCount: 1,
        department: { name: '卫生局' },
      });
      // ...then what happens next.
      accepted(await cast(hub, rep('community-minzu-02', 2), campaign, 'dept-health', levels(keys, [5, 3])));
      for (const feed of again) await feed.next((e) => e.data?.campaignProgress.ballotsCast === 2);
      await after.results.next((e) => e.data?.evaluationResultChanged.ballotCount === 2);
    } finally {
      await Promise.all([...again, after.results].map((f) => f.close()));
    }
  });
});
