// A request the gateway signed runs once. An attacker between the gateway and a subgraph who
// captures a signed request can neither send it again (HTTP or graphql-ws, to the same replica or,
// through Redis, another one) nor change its operation name or extensions; the gateway's own
// reconnects to a subgraph still resubscribe, signed afresh.
import type { TokenClaims } from '@shequ/kit';
import {
  gatewaySignedExtensions,
  postGraphQL,
  redisAvailable,
  startTestFederation,
  startTestSubgraph,
  testRedisUrl,
  type TestFederation,
} from '@shequ/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import evaluations from '../subgraphs/evaluations/src/index.js';
import { accepted, cast, levels, openCampaign, rep, WsFeed } from './evaluations-helpers.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

const communityId = 'community-xinhua-03';
const staff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId, sub: `staff-${communityId}` };
const donate = `mutation Donate($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { id amountFen } }`;
const donation = { communityId, category: 'DONATION', amountFen: 12_345, source: '辖区单位', purpose: '公益捐赠', occurredOn: '2025-06-01' };
// Departments without its outbox worker: its demo task funding would otherwise change the ledger meanwhile.
const quietDepartments = { ...departments, workers: undefined };
const redisUp = await redisAvailable();

/** Sends a captured body to the subgraph itself, as the attacker would. */
const send = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }).then(
    async (res) => ({
      status: res.status,
      json: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] },
    }),
  );

describe('a captured gateway → subgraph mutation', () => {
  let hub: TestFederation;
  let proxy: RecordingProxy;
  const ledger = async () => {
    const res = await hub.query<{ community: { fundBalanceFen: number }; ledgerEntries: { totalCount?: number; edges: unknown[] } }>(
      'query($id: ID!) { community(id: $id) { fundBalanceFen } ledgerEntries(communityId: $id, first: 500) { edges { node { id } } } }',
      { id: communityId },
    );
    return { balance: res.data!.community.fundBalanceFen, entries: res.data!.ledgerEntries.edges.length };
  };

  beforeAll(async () => {
    let committeesUrl: string | undefined;
    proxy = await startRecordingProxy(() => committeesUrl);
    // No response cache: the replayed writes reach the subgraph past the gateway and are read at once.
    hub = await startTestFederation({
      subgraphs: [committees, quietDepartments],
      gateway: { subgraphUrls: { committees: proxy.url }, security: { responseCache: { ttlMs: 0 } } },
    });
    committeesUrl = hub.subgraphs.committees!.url;
  });
  afterAll(async () => {
    await hub?.close();
    await proxy?.close();
  });

  it('runs once: sent again it is refused with 401, and the ledger has one entry more, not four', async () => {
    const before = await ledger();
    // The attacker keeps the gateway's request for itself: it never arrives.
    const held = proxy.holdNext((body) => body.includes('recordLedgerEntry'));
    const intercepted = await hub.query(donate, { input: donation }, staff);
    expect(intercepted.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    const captured = await held;
    expect(await ledger()).toEqual(before);

    const url = hub.subgraphs.committees!.url;
    const first = await send(url, captured);
    expect(first.status).toBe(200);
    expect(first.json.errors).toBeUndefined();
    expect(first.json.data.recordLedgerEntry.amountFen).toBe(12_345);
    for (let i = 0; i < 3; i++) {
      const again = await send(url, captured);
      expect(again.status).toBe(401);
      expect(again.json.data ?? null).toBeNull();
      expect(again.json.errors?.[0]).toMatchObject({ message: expect.stringMatching(/replayed gateway request/i), extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(await ledger()).toEqual({ balance: before.balance + 12_345, entries: before.entries + 1 });
  });

  it('refuses it with a changed operation name or extensions, before its nonce is spent', async () => {
    const before = await ledger();
    const held = proxy.holdNext((body) => body.includes('recordLedgerEntry'));
    await hub.query(donate, { input: donation }, staff);
    const captured = JSON.parse(await held) as { query: string; operationName?: string; variables?: unknown; extensions: Record<string, unknown> };
    const url = hub.subgraphs.committees!.url;
    const tampered = [
      { ...captured, operationName: 'Renamed' },
      { ...captured, extensions: { ...captured.extensions, persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      { ...captured, extensions: { ...captured.extensions, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } },
      { ...captured, extensions: { ...captured.extensions, nonce: 'a-nonce-of-my-own-choosing' } },
    ];
    for (const body of tampered) {
      const res = await send(url, body);
      expect(res.status).toBe(401);
      expect(res.json.errors?.[0]).toMatchObject({ message: 'Subgraphs answer only the gateway', extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(await ledger()).toEqual(before);
    // Untouched, the captured request is the gateway's own and runs (once).
    expect((await send(url, captured)).status).toBe(200);
    expect((await ledger()).entries).toBe(before.entries + 1);
  });

  it('leaves the gateway path working: each client request is signed afresh', async () => {
    const before = await ledger();
    const answers = await Promise.all([1, 2, 3].map(() => hub.query(donate, { input: donation }, staff)));
    for (const res of answers) expect(res.errors).toBeUndefined();
    expect(await ledger()).toEqual({ balance: before.balance + 3 * 12_345, entries: before.entries + 3 });
  });
});

describe.skipIf(!redisUp)('replicas sharing Redis', () => {
  it('refuse a request on one replica that another has already run', async () => {
    const secret = 'shared-upstream-secret-for-the-replay-test';
    const first = await startTestSubgraph(committees, 'pglite', { seed: false, upstreamSecret: secret, redisUrl: testRedisUrl });
    const second = await startTestSubgraph(committees, 'pglite', { seed: false, upstreamSecret: secret, redisUrl: testRedisUrl }).catch(
      async (err: unknown) => {
        await first.dispose();
        throw err;
      },
    );
    try {
      const query = '{ communities(first: 1) { edges { node { id } } } }';
      const extensions = gatewaySignedExtensions(query, {}, { role: 'DISTRICT_ADMIN' }, secret);
      expect((await postGraphQL(first.url, query, {}, {}, extensions)).status).toBe(200);
      const elsewhere = await postGraphQL(second.url, query, {}, {}, extensions);
      expect(elsewhere.status).toBe(401);
      expect(elsewhere.errors?.[0]?.message).toMatch(/replayed/i);
      // A request signed for the second replica runs there.
      expect((await postGraphQL(second.url, query, {}, {}, gatewaySignedExtensions(query, {}, null, secret))).status).toBe(200);
    } finally {
      await first.dispose();
      await second.dispose();
    }
  });
});

describe('subscriptions between the gateway and a subgraph', () => {
  let hub: TestFederation;
  let proxy: RecordingProxy;
  let campaign: string;
  const progress = 'subscription Progress($c: ID!) { campaignProgress(campaignId: $c) { ballotsCast } }';
  const keys = ['attitude'];
  const subscribes = () =>
    proxy.messages.map((m) => JSON.parse(m) as { type: string; id?: string; payload?: Record<string, any> }).filter((m) => m.type === 'subscribe');

  beforeAll(async () => {
    let evaluationsUrl: string | undefined;
    proxy = await startRecordingProxy(() => evaluationsUrl);
    hub = await startTestFederation({ subgraphs: [committees, departments, evaluations], gateway: { subgraphUrls: { evaluations: proxy.url } } });
    evaluationsUrl = hub.subgraphs.evaluations!.url;
    campaign = await openCampaign(hub, {
      targets: [{ kind: 'DEPARTMENT', id: 'dept-health' }],
      criteria: [{ key: 'attitude', label: '服务态度', weight: 1 }],
      minBallots: 1,
    });
  });
  afterAll(async () => {
    await hub?.close();
    await proxy?.close();
  });

  it('survive the gateway reconnecting (it resubscribes signed afresh), and a captured subscribe message does not run again', async () => {
    const feed = new WsFeed<{ campaignProgress: { ballotsCast: number } }>(hub.url, progress, { c: campaign });
    try {
      await feed.next((e) => e.data?.campaignProgress?.ballotsCast === 0);
      const [captured] = subscribes();
      expect(captured?.payload?.extensions?.nonce).toEqual(expect.any(String));

      // The connection between gateway and subgraph breaks; the gateway's client reconnects and subscribes again.
      proxy.dropConnections();
      await vi.waitFor(() => expect(subscribes().length).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 100 });
      const resubscribed = subscribes()[1]!;
      expect(resubscribed.payload!.extensions.nonce).not.toBe(captured!.payload!.extensions.nonce);
      const seen = feed.events.length;
      accepted(await cast(hub, rep('community-minzu-02', 1), campaign, 'dept-health', levels(keys, [4])));
      await feed.next((e) => e.data?.campaignProgress?.ballotsCast === 1, seen, 20_000);
      expect(feed.ended).toBeNull();

      // The first subscribe message, sent again straight to the subgraph, is refused.
      const direct = createClient({ url: hub.subgraphs.evaluations!.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
      try {
        const outcome = await direct
          .iterate(captured!.payload as { query: string })
          .next()
          .then(
            (result) => `answered ${JSON.stringify(result)}`,
            (errors: unknown) => JSON.stringify(errors),
          );
        expect(outcome).toMatch(/UNAUTHENTICATED/);
        expect(outcome).toMatch(/replayed gateway request/i);
      } finally {
        await direct.dispose();
      }
    } finally {
      await feed.close();
    }
  });
});
