// What a scoreboard can rely on, through the gateway with real clients: no message lets anyone
// work out a single ballot while the campaign is open; ranks that move are all sent, consistent
// per revision; a screen that (re)connects gets the current state first; status changes are
// pushed, and a campaign that closes ends its feeds with the final state.
import { startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, admin, cast, levels, openCampaign, rep } from './evaluations-helpers.js';
import { SseFeed, WsFeed } from './live-clients.js';

const keys = ['attitude', 'efficiency'];
const criteria = [
  { key: 'attitude', label: '服务态度', weight: 0.6 },
  { key: 'efficiency', label: '办事效率', weight: 0.4 },
];
const departmentsScored = ['dept-health', 'dept-culture', 'dept-sanitation'];
const A = 'community-manchun-01';

interface Row {
  targetId: string;
  ballotCount: number;
  score: number | null;
  rank: number | null;
  revision: number;
  campaignStatus: string;
}
type Live = { evaluationResultChanged: Row };
const fields = 'targetId ballotCount score rank revision campaignStatus';
const resultFeed = `subscription($c: ID!) { evaluationResultChanged(campaignId: $c) { ${fields} } }`;
const boardQuery = `query($c: ID!) { campaign(id: $c) { results { ${fields} } } }`;

/** The weighted sum of all of a state's ballots: n × (1 + 4 × score / 100), exact to the rounding of score. */
const total = (r: Pick<Row, 'ballotCount' | 'score'>) => r.ballotCount * (1 + (4 * (r.score ?? 0)) / 100);

/** Ranks as the rule says: 1 + the number of shown scores above, per kind (all departments here). */
function consistent(board: Map<string, Row>): boolean {
  const shown = [...board.values()].filter((r) => r.score !== null);
  return [...board.values()].every((r) => (r.score === null ? r.rank === null : r.rank === 1 + shown.filter((o) => o.score! > r.score!).length));
}

describe('live semantics a scoreboard relies on', () => {
  let hub: TestFederation;
  let campaign: string;
  let adminToken: string;
  const board = async () => {
    const res = await hub.query<{ campaign: { results: Row[] } }>(boardQuery, { c: campaign }, admin);
    accepted(res);
    return new Map(res.data!.campaign.results.map((r) => [r.targetId, r]));
  };

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations] });
    adminToken = await hub.token(admin);
    campaign = await openCampaign(hub, { targets: departmentsScored.map((id) => ({ kind: 'DEPARTMENT' as const, id })), criteria, minBallots: 3 });
  });
  afterAll(() => hub?.close());

  it('never lets consecutive states — pushed or asked — be differenced into one ballot, replacements included', async () => {
    const feed = new WsFeed<Live>(hub.url, resultFeed, { c: campaign }, adminToken);
    const asked: Row[] = [];
    try {
      await feed.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-health');
      // Nine representatives, one at a time, then one of them changes their mind, then two more.
      const steps: { n: number; v: number[] }[] = [
        ...[
          [5, 5],
          [2, 3],
          [4, 4],
          [1, 2],
          [5, 4],
          [3, 3],
          [4, 5],
          [2, 2],
          [5, 5],
        ].map((v, i) => ({ n: i + 1, v })),
        { n: 4, v: [5, 5] },
        { n: 10, v: [3, 4] },
        { n: 11, v: [4, 3] },
      ];
      for (const { n, v } of steps) {
        accepted(await cast(hub, rep(A, n), campaign, 'dept-health', levels(keys, v)));
        asked.push((await board()).get('dept-health')!);
      }
      // The replacement and the two new ballots make three changed ballots: a release.
      await feed.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-health' && e.data.evaluationResultChanged.ballotCount === 11);
      const pushed = feed.events.map((e) => e.data!.evaluationResultChanged).filter((r) => r.targetId === 'dept-health');
      const state = (r: Row) => `${r.ballotCount}/${r.score}`;
      // Asked after every cast: the state changes only after the 3rd, 6th, 9th and 12th cast (the
      // 12th: a replacement and two new ballots), so between two states at least three ballots
      // changed: their difference is the sum of three unknown ballots, never one ballot.
      const changedAfter = asked.flatMap((r, i) => (i > 0 && state(r) !== state(asked[i - 1]!) ? [i + 1] : []));
      expect(changedAfter).toEqual([3, 6, 9, 12]);
      expect(state(asked[0]!)).toBe('0/null');
      // What was pushed is those states, in order, each at most once (two releases may arrive as
      // one update), the last one included: nothing in between.
      const released = [2, 5, 8, 11].map((i) => state(asked[i]!));
      const sent = pushed.map(state);
      expect(sent[0]).toBe('0/null');
      expect(sent.at(-1)).toBe(released.at(-1));
      expect(sent.slice(1).every((s, i, all) => released.includes(s) && (i === 0 || released.indexOf(s) > released.indexOf(all[i - 1]!)))).toBe(true);
      // What was released adds up: the first release is the first three ballots exactly, and the
      // last is all eleven with rep 4's replacement (1.4 → 5): 25 × (4240 − 1100) / 1100.
      expect(total(asked[2]!)).toBeCloseTo(5 + (0.6 * 2 + 0.4 * 3) + 4, 1);
      expect(asked.at(-1)).toMatchObject({ ballotCount: 11, score: 71.36 });
      expect(pushed.map((r) => r.ballotCount).every((n) => [0, 3, 6, 9, 11].includes(n))).toBe(true);
    } finally {
      await feed.close();
    }
  });

  it('sends every target whose rank moved, so the board is consistent at every revision, and equals the answer to a query', async () => {
    const feed = new WsFeed<Live>(hub.url, resultFeed, { c: campaign }, adminToken);
    try {
      await feed.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-sanitation');
      // dept-culture and dept-sanitation overtake dept-health and each other, three ballots at a time.
      const plan: [string, number[]][] = [
        ...[1, 2, 3].map((n): [string, number[]] => ['dept-culture', n === 2 ? [4, 4] : [5, 5]]),
        ...[1, 2, 3].map((): [string, number[]] => ['dept-sanitation', [5, 5]]),
        ...[4, 5, 6].map((): [string, number[]] => ['dept-culture', [1, 1]]),
      ];
      const voters = new Map<string, number>();
      for (const [target, v] of plan) {
        const n = (voters.get(target) ?? 0) + 1;
        voters.set(target, n);
        accepted(await cast(hub, rep(target === 'dept-culture' ? 'community-manchun-02' : 'community-manchun-03', n), campaign, target, levels(keys, v)));
      }
      const final = await board();
      await feed.next((e) => e.data?.evaluationResultChanged.targetId === 'dept-culture' && e.data.evaluationResultChanged.ballotCount === 6);
      // Replay the feed as a screen applies it; check the board whenever a newer revision begins.
      const screen = new Map<string, Row>();
      let revision = -1;
      let checked = 0;
      for (const event of feed.events) {
        const row = event.data!.evaluationResultChanged;
        if (row.revision > revision && screen.size === departmentsScored.length) {
          expect(consistent(screen), JSON.stringify([...screen.values()])).toBe(true);
          checked++;
        }
        revision = Math.max(revision, row.revision);
        screen.set(row.targetId, row);
      }
      expect(consistent(screen)).toBe(true);
      expect(checked).toBeGreaterThanOrEqual(1);
      const strip = (m: Map<string, Row>) =>
        [...m.values()]
          .map(({ targetId, ballotCount, score, rank }) => ({ targetId, ballotCount, score, rank }))
          .sort((a, b) => a.targetId.localeCompare(b.targetId));
      expect(strip(screen)).toEqual(strip(final));
      // dept-health's own ballots did not change in this test, yet its rank moved and was sent.
      const health = feed.events.map((e) => e.data!.evaluationResultChanged).filter((r) => r.targetId === 'dept-health');
      expect(new Set(health.map((r) => r.rank)).size).toBeGreaterThan(1);
      expect(new Set(health.map((r) => r.score)).size).toBe(1);
    } finally {
      await feed.close();
    }
  });

  it('gives a screen that (re)connects the current state first, over graphql-ws and SSE, shared stream or not', async () => {
    const held = new WsFeed<Live>(hub.url, resultFeed, { c: campaign }, adminToken);
    try {
      await held.next((e) => Boolean(e.data));
      const now = await board();
      // A second screen with the same subscription joins the stream the first one opened; an SSE
      // screen with another selection gets a stream of its own. Both start with the whole board.
      const joiner = new WsFeed<Live>(hub.url, resultFeed, { c: campaign }, adminToken);
      const other = new SseFeed<{ evaluationResultChanged: Pick<Row, 'targetId' | 'score' | 'rank'> }>(
        hub.url,
        'subscription($c: ID!) { evaluationResultChanged(campaignId: $c) { targetId score rank } }',
        { c: campaign },
        adminToken,
      );
      try {
        for (const feed of [joiner, other]) {
          await feed.next((_e) => feed.events.length >= departmentsScored.length);
          const first = feed.events.slice(0, departmentsScored.length).map((e) => e.data!.evaluationResultChanged);
          expect(new Set(first.map((r) => r.targetId))).toEqual(new Set(departmentsScored));
          for (const r of first) expect({ score: r.score, rank: r.rank }).toEqual({ score: now.get(r.targetId)!.score, rank: now.get(r.targetId)!.rank });
        }
      } finally {
        await joiner.close();
        await other.close();
      }
    } finally {
      await held.close();
    }
  });

  it('pushes status changes, and ends each feed of a campaign that closes with its final state', async () => {
    const other = await openCampaign(hub, { targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }], criteria, minBallots: 1 });
    accepted(await cast(hub, rep(A, 1), other, 'dept-health', levels(keys, [4, 4])));
    const status = new WsFeed<{ campaignStatusChanged: { campaignId: string; status: string; campaign: { title: string } | null } }>(
      hub.url,
      'subscription($c: ID) { campaignStatusChanged(campaignId: $c) { campaignId status campaign { title } } }',
      { c: other },
    );
    const everyCampaign = new SseFeed<{ campaignStatusChanged: { campaignId: string; status: string } }>(
      hub.url,
      'subscription { campaignStatusChanged { campaignId status } }',
      {},
    );
    const progress = new SseFeed<{ campaignProgress: { ballotsCast: number; campaignStatus: string } }>(
      hub.url,
      'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast campaignStatus } }',
      { c: other },
    );
    const results = new WsFeed<Live>(hub.url, resultFeed, { c: other }, adminToken);
    try {
      expect((await status.next((e) => Boolean(e.data))).data!.campaignStatusChanged).toMatchObject({
        campaignId: other,
        status: 'OPEN',
        campaign: { title: 'Test campaign' },
      });
      await everyCampaign.next((e) => e.data?.campaignStatusChanged.campaignId === other);
      await progress.next((e) => e.data?.campaignProgress.ballotsCast === 1);
      await results.next((e) => e.data?.evaluationResultChanged.ballotCount === 1);

      accepted(await hub.query('mutation($id: ID!) { closeCampaign(id: $id) { status } }', { id: other }, admin));
      await status.next((e) => e.data?.campaignStatusChanged.status === 'CLOSED');
      await everyCampaign.next((e) => e.data?.campaignStatusChanged.campaignId === other && e.data.campaignStatusChanged.status === 'CLOSED');
      // The last message says why the feed ends; then it completes.
      expect(await progress.done()).toEqual({ kind: 'complete' });
      expect(progress.events.at(-1)!.data!.campaignProgress).toEqual({ ballotsCast: 1, campaignStatus: 'CLOSED' });
      expect(await results.done()).toEqual({ kind: 'complete' });
      expect(results.events.at(-1)!.data!.evaluationResultChanged).toMatchObject({ campaignStatus: 'CLOSED', ballotCount: 1 });

      accepted(await hub.query('mutation($id: ID!) { publishCampaign(id: $id) { status } }', { id: other }, admin));
      await status.next((e) => e.data?.campaignStatusChanged.status === 'PUBLISHED');
      expect(await status.done()).toEqual({ kind: 'complete' });
      // The district-wide feed goes on, and anonymous screens never see drafts.
      expect(everyCampaign.ended).toBeNull();
      const draft = await hub.query<{ createCampaign: { id: string } }>(
        'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
        { input: { title: 'Draft', periodStart: '2026-01-01', periodEnd: '2026-06-30', targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }], criteria } },
        admin,
      );
      accepted(draft);
      await everyCampaign.next((e) => e.data?.campaignStatusChanged.status === 'PUBLISHED');
      expect(everyCampaign.events.some((e) => e.data?.campaignStatusChanged.campaignId === draft.data!.createCampaign.id)).toBe(false);

      // A feed of a campaign already closed sends the final state and completes at once.
      const late = new WsFeed<{ campaignProgress: { ballotsCast: number; campaignStatus: string } }>(
        hub.url,
        'subscription($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast campaignStatus } }',
        { c: other },
      );
      expect(await late.done()).toEqual({ kind: 'complete' });
      expect(late.events.map((e) => e.data!.campaignProgress)).toEqual([{ ballotsCast: 1, campaignStatus: 'PUBLISHED' }]);
      await late.close();
    } finally {
      await Promise.all([status, everyCampaign, progress, results].map((f) => f.close()));
    }
  });
});
