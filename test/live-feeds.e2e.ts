// Live feeds that last, through the gateway, with real clients: subscriptions over graphql-ws and
// SSE held for over a minute while ballots arrive (the subgraph timeout is 10 s; it used to end
// every subscription then, and from the second one on kill the gateway); clients that drop their
// connection mid-request, one and fifty at once; and what a client that leaves leaves behind.
// The tests run concurrently over one hub, so the waits overlap.
import net from 'node:net';
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, levels, openCampaign, rep } from './evaluations-helpers.js';
import { SseFeed, WsFeed } from './live-clients.js';

const keys = ['attitude', 'efficiency'];
const progressQuery = 'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast campaignStatus revision } }';
const resultQuery = 'subscription($c: ID!, $t: ID) { evaluationResultChanged(campaignId: $c, targetId: $t) { targetId ballotCount score revision } }';
type Progress = { campaignProgress: { ballotsCast: number; revision: number } };
type Result = { evaluationResultChanged: { targetId: string; ballotCount: number; score: number | null } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A dashboard's question: streets from departments, their communities from committees — calls in flight on both when a client drops. */
const dashboardQuery = '{ streets { id name communities { id name representativeCount fundBalanceFen } } departments { id name staff { id } } }';

/** Sends the dashboard query and destroys the socket after `afterMs`, before the answer. */
function dropMidRequest(url: string, afterMs: number): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  const body = JSON.stringify({ query: dashboardQuery });
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, afterMs);
    });
    socket.on('error', () => resolve());
  });
}

describe('live feeds through the gateway', () => {
  let hub: TestFederation;
  let campaign: string;
  const healthz = async (url: string) =>
    (await (await fetch(url.replace(/\/graphql$/, '/healthz'))).json()) as { sharedStreams?: number; subscriptions?: number };
  const upstream = () => healthz(hub.subgraphs.evaluations!.url).then((h) => h.subscriptions);

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
    campaign = await openCampaign(hub, {
      targets: [
        { kind: 'DEPARTMENT', id: 'dept-health' },
        { kind: 'DEPARTMENT', id: 'dept-culture' },
      ],
      criteria: [
        { key: 'attitude', label: '服务态度', weight: 0.6 },
        { key: 'efficiency', label: '办事效率', weight: 0.4 },
      ],
      minBallots: 1,
    });
  });
  afterAll(() => hub?.close());

  it.concurrent('holds three graphql-ws and three SSE subscriptions for 65 s while ballots arrive: every ballot delivered, kept alive, gateway up', async ({
    expect,
  }) => {
    const token = await hub.token(admin);
    const feeds = {
      progress: [new WsFeed<Progress>(hub.url, progressQuery, { c: campaign }), new SseFeed<Progress>(hub.url, progressQuery, { c: campaign })],
      results: [
        new WsFeed<Result>(hub.url, resultQuery, { c: campaign, t: 'dept-health' }, token),
        new SseFeed<Result>(hub.url, resultQuery, { c: campaign, t: 'dept-health' }, token),
        new WsFeed<Result>(hub.url, resultQuery, { c: campaign }, token),
        new SseFeed<Result>(hub.url, resultQuery, { c: campaign }, token),
      ],
    };
    const all = [...feeds.progress, ...feeds.results];
    try {
      const start = (await Promise.all(feeds.progress.map((f) => f.next((e) => Boolean(e.data))))).map((e) => e.data!.campaignProgress.ballotsCast);
      await Promise.all(feeds.results.map((f) => f.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-health')));
      const startedAt = Date.now();
      const ballots = 16;
      for (let n = 1; n <= ballots; n++) {
        // Sixteen representatives: the demo register has fifteen per community.
        accepted(
          await cast(
            hub,
            rep(n <= 8 ? 'community-minzu-05' : 'community-minzu-06', ((n - 1) % 8) + 1),
            campaign,
            'dept-health',
            levels(keys, [1 + (n % 5), 5]),
          ),
        );
        await sleep(4_000);
      }
      const held = Date.now() - startedAt;
      expect(held).toBeGreaterThan(64_000);
      // Every ballot, in order, on every progress feed: from where each started to 16 more.
      for (const [i, feed] of feeds.progress.entries()) {
        await feed.next((e) => e.data?.campaignProgress.ballotsCast === start[i]! + ballots);
        const seen = feed.events.map((e) => e.data!.campaignProgress.ballotsCast);
        expect(seen).toEqual(Array.from({ length: ballots + 1 }, (_, k) => start[i]! + k));
      }
      // And every ballot's new result on every result feed (minBallots 1: each ballot is released).
      for (const feed of feeds.results) {
        await feed.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-health' && e.data.evaluationResultChanged.ballotCount === ballots);
        const counts = feed.events
          .map((e) => e.data!.evaluationResultChanged)
          .filter((r) => r.targetId === 'dept-health')
          .map((r) => r.ballotCount);
        expect(counts).toEqual(Array.from({ length: ballots + 1 }, (_, k) => k));
      }
      for (const feed of all) {
        expect(feed.ended).toBeNull();
        // Keep-alives every 12 s on both transports, so that proxies never see an idle stream.
        expect(feed.pings).toBeGreaterThanOrEqual(4);
      }
      // The two anonymous progress feeds, and the two result feeds per selection, are one upstream each.
      expect((await healthz(hub.url)).sharedStreams).toBe(3);
      expect(await upstream()).toBe(3);
    } finally {
      await Promise.all(all.map((f) => f.close()));
    }
    // Clients that leave free what they held, upstream too.
    await expect.poll(upstream, { timeout: 10_000 }).toBe(0);
    expect((await healthz(hub.url)).sharedStreams).toBe(0);
    accepted(await hub.query('{ campaigns { id } }'));
  }, 120_000);

  it.concurrent('survives clients that drop mid-request, one and then fifty at once: 30 s later it still answers', async ({ expect }) => {
    await dropMidRequest(hub.url, 20);
    await sleep(2_000);
    await Promise.all(Array.from({ length: 50 }, (_, i) => dropMidRequest(hub.url, 5 + (i % 40))));
    // The subgraph calls those requests left behind would have timed out (10 s) by now, and with
    // them the gateway used to die.
    await sleep(30_000);
    const res = await hub.query<{ streets: unknown[] }>(dashboardQuery);
    accepted(res);
    expect(res.data!.streets).toHaveLength(13);
  }, 60_000);

  // After the two above: it counts what is held upstream.
  it('two subscriptions whose clients went away, then 15 s: the gateway answers and nothing is held upstream', async () => {
    const gone = [
      new SseFeed<Progress>(hub.url, progressQuery, { c: campaign }),
      new WsFeed<Result>(hub.url, resultQuery, { c: campaign, t: 'dept-culture' }, await hub.token(admin)),
    ];
    await Promise.all(gone.map((f) => f.next((e) => Boolean(e.data))));
    await Promise.all(gone.map((f) => f.close()));
    await sleep(15_000);
    accepted(await hub.query('{ campaigns { id status } }'));
    expect(await upstream()).toBe(0);
    expect((await healthz(hub.url)).sharedStreams).toBe(0);
  }, 60_000);
});
