// Dashboards from the gateway's response cache: a repeated query asks no subgraph, every caller
// gets the answer made for its own view of the data, a write through any gateway is seen at once
// (also through another replica sharing Redis), a write that bypasses the gateways within the
// cache's lifetime, and a partial answer (a subgraph down) is never kept.
import { startGatewayServer, type GatewayServer } from '@shequ/gateway';
import type { TokenClaims } from '@shequ/kit';
import { postGraphQL } from '@shequ/kit/testing';
import { redisAvailable, startTestFederation, testRedisUrl, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import type { DB } from '../subgraphs/committees/src/db.js';
import departments from '../subgraphs/departments/src/index.js';

const quietDepartments = { ...departments, workers: undefined };
const redisUp = await redisAvailable();

const communityId = 'community-xinhua-05';
const balanceQuery = 'query($id: ID!) { community(id: $id) { id fundBalanceFen } }';
const phonesQuery = 'query($id: ID!) { community(id: $id) { id representatives { id phone } } }';
const acrossQuery = '{ streets { id name communities { id fundBalanceFen } } departments { id name } }';
const record = 'mutation($input: RecordLedgerEntryInput!) { recordLedgerEntry(input: $input) { id } }';
const staff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId, sub: `staff-${communityId}` };
const donation = (amountFen: number) => ({ communityId, category: 'DONATION', amountFen, source: '辖区单位', purpose: '公益捐赠', occurredOn: '2025-06-01' });

type Balance = { community: { fundBalanceFen: number } };

describe('response cache', () => {
  // A long lifetime, so that whatever is seen fresh here was invalidated, not expired.
  let hub: TestFederation;
  const statements = async (ask: () => Promise<unknown>) => (await hub.subgraphs.committees!.db.queries.measure(ask)).statements;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], gateway: { security: { responseCache: { ttlMs: 60_000 } } } });
  });
  afterAll(() => hub?.close());

  it('answers a repeated query without asking the subgraph, and a different one by asking it', async () => {
    const first = await hub.query<Balance>(balanceQuery, { id: communityId });
    expect(first.errors).toBeUndefined();
    expect(await statements(() => hub.query(balanceQuery, { id: communityId }))).toBe(0);
    expect(await statements(() => hub.query(balanceQuery, { id: 'community-xinhua-06' }))).toBeGreaterThan(0);
  });

  it("never answers the hub's own services from the cache: they check the state of now before they write", async () => {
    const service: TokenClaims = { role: 'SERVICE', sub: 'service:departments' };
    expect((await hub.query(balanceQuery, { id: communityId }, service)).errors).toBeUndefined();
    expect(await statements(() => hub.query(balanceQuery, { id: communityId }, service))).toBeGreaterThan(0);
  });

  it("serves each caller the answer made for its own view, never another role's or community's", async () => {
    const admin: TokenClaims = { role: 'DISTRICT_ADMIN', sub: 'admin-cache' };
    const otherStaff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: 'community-xinhua-06', sub: 'staff-community-xinhua-06' };
    const phones = async (as: TokenClaims | null) => {
      const res = await hub.query<{ community: { representatives: { phone: string | null }[] } }>(phonesQuery, { id: communityId }, as);
      expect(res.errors).toBeUndefined();
      return res.data!.community.representatives.map((r) => r.phone);
    };
    const seen = await phones(admin);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => typeof p === 'string')).toBe(true);
    // Each asks twice: the second answer is the cached one for that caller.
    for (const as of [null, otherStaff, null, otherStaff]) expect((await phones(as)).every((p) => p === null)).toBe(true);
    expect(await phones(staff)).toEqual(seen);
    expect(await phones(admin)).toEqual(seen);
  });

  it('shows a write through the gateway at once, whatever the mutation selected', async () => {
    const before = (await hub.query<Balance>(balanceQuery, { id: communityId })).data!.community.fundBalanceFen;
    expect((await hub.query(record, { input: donation(12_345) }, staff)).errors).toBeUndefined();
    expect((await hub.query<Balance>(balanceQuery, { id: communityId })).data!.community.fundBalanceFen).toBe(before + 12_345);
  });

  it('never keeps a partial answer: with a subgraph down the next answer, once it is back, is whole', async () => {
    const whole = await hub.query(acrossQuery);
    expect(whole.errors).toBeUndefined();
    await hub.subgraphs.departments!.stopServer();
    try {
      // Cached before the outage: the same query is still answered whole from the cache.
      expect((await hub.query(acrossQuery)).errors).toBeUndefined();
      const other = `{ community(id: "${communityId}") { id } department(id: "dept-civil-affairs") { id } }`;
      const partial = await hub.query(other);
      expect(partial.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(partial.data?.community?.id).toBe(communityId);
      await hub.subgraphs.departments!.restartServer();
      const after = await hub.query<{ department: { id: string } | null }>(other);
      expect(after.errors).toBeUndefined();
      expect(after.data!.department?.id).toBe('dept-civil-affairs');
    } finally {
      await hub.subgraphs.departments!.restartServer().catch(() => {});
    }
  });
});

describe('response cache lifetime', () => {
  let hub: TestFederation;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], gateway: { security: { responseCache: { ttlMs: 1_000 } } } });
  });
  afterAll(() => hub?.close());

  it('shows a write that bypassed the gateway once the answer has expired (1 s)', async () => {
    const nameQuery = 'query($id: ID!) { community(id: $id) { id name } }';
    const name = async () => (await hub.query<{ community: { name: string } }>(nameQuery, { id: communityId })).data!.community.name;
    const before = await name();
    const prisma = hub.subgraphs.committees!.db.prisma as DB;
    await prisma.community.update({ where: { id: communityId }, data: { name: `${before}（更名）` } });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await name()).toBe(`${before}（更名）`);
    } finally {
      await prisma.community.update({ where: { id: communityId }, data: { name: before } });
    }
  });
});

describe.skipIf(!redisUp)('response cache shared by two gateways in Redis', () => {
  let hub: TestFederation;
  let second: GatewayServer;
  const responseCache = { ttlMs: 60_000, redisUrl: testRedisUrl };
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, quietDepartments], gateway: { security: { responseCache } } });
    second = await startGatewayServer({ supergraph: hub.supergraphPath, port: 0, host: '127.0.0.1', identity: hub.secrets, security: { responseCache } });
  });
  afterAll(async () => {
    await second?.close();
    await hub?.close();
  });

  it("serves one gateway's answer from the other, and a write through either is seen through both", async () => {
    const viaSecond = async () => (await postGraphQL<Balance>(second.url, balanceQuery, { id: communityId })).data!.community.fundBalanceFen;
    const before = (await hub.query<Balance>(balanceQuery, { id: communityId })).data!.community.fundBalanceFen;
    const asked = await hub.subgraphs.committees!.db.queries.measure(viaSecond);
    expect(asked.result).toBe(before);
    expect(asked.statements).toBe(0);
    expect((await hub.query(record, { input: donation(4_321) }, staff)).errors).toBeUndefined();
    expect(await viaSecond()).toBe(before + 4_321);
  });
});
