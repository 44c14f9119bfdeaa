// Money a co-construction unit gives its community must arrive in the community's funds ledger
// (committees) exactly once: the contribution and its donation event commit together in party,
// the outbox delivers it through the gateway as service:party until committees acknowledges, and
// committees books each event id once. The demo data of both subgraphs agrees on every donation.
import { demoCommunities, type TokenClaims } from '@shequ/kit';
import { describeOnEachDatabase, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import type { DB } from '../subgraphs/party/src/db.js';
import { demoBigDonorId, demoUnitId } from '../subgraphs/party/src/demo/ids.js';
import party from '../subgraphs/party/src/index.js';

const arrives = { timeout: 20_000, interval: 200 };

const community = 'community-hualou-03';
const staff: TokenClaims = { role: 'COMMITTEE_STAFF', communityId: community };
const unitId = demoUnitId(community, 2);
const record = `mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id kind valueFen contributedOn } }`;
const donate = `mutation($i: RecordDonationInput!) { recordDonation(input: $i) { id category amountFen source occurredOn reference } }`;
const partyService: TokenClaims = { role: 'SERVICE', sub: 'service:party' };

interface Entry {
  id: string;
  amountFen: number;
  source: string;
  occurredOn: string;
  reference: string | null;
}
interface Unit {
  name: string;
  agreements: { id: string; signedOn: string; validUntil: string | null }[];
  contributions: { id: string; kind: string; valueFen: number; contributedOn: string; agreement: { id: string } | null }[];
}

await describeOnEachDatabase('money contributions as donations', (database) => {
  let hub: TestFederation;
  const partyDb = () => hub.subgraphs.party!.db.prisma as unknown as DB;
  const donations = async (communityId = community) => {
    const res = await hub.query<{ ledgerEntries: { edges: { node: Entry }[] } }>(
      'query($c: ID!) { ledgerEntries(communityId: $c, category: DONATION, first: 500) { edges { node { id amountFen source occurredOn reference } } } }',
      { c: communityId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.ledgerEntries.edges.map((e) => e.node);
  };
  const units = async (communityId: string) => {
    const res = await hub.query<{ community: { coConstructionUnits: Unit[] } }>(
      'query($c: ID!) { community(id: $c) { coConstructionUnits { name agreements { id signedOn validUntil } contributions { id kind valueFen contributedOn agreement { id } } } } }',
      { c: communityId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.community.coConstructionUnits;
  };
  const bookedFor = async (contributionId: string) => (await donations()).filter((e) => e.reference === `contribution:${contributionId}`);
  const eventOf = (contributionId: string) => partyDb().outboxEvent.findUnique({ where: { id: `donation-${contributionId}` } });
  const contribute = async (over: Record<string, unknown> = {}) => {
    const res = await hub.query(
      record,
      { i: { unitId, kind: 'MONEY', description: '资助社区助老餐桌', valueFen: 123_400, contributedOn: '2026-03-01', ...over } },
      staff,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.recordContribution.id as string;
  };

  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, party], database });
  });
  afterAll(() => hub?.close());

  it('demo: every money contribution is one donation in the ledger with its amount, donor and day; the biggest agree', async () => {
    for (const c of demoCommunities.filter((_, i) => i % 9 === 0 || _.id === 'community-minzu-01')) {
      const given = (await units(c.id)).flatMap((u) =>
        u.contributions
          .filter((k) => k.kind === 'MONEY')
          .map((k) => ({ reference: `contribution:${k.id}`, amountFen: k.valueFen, source: u.name, occurredOn: k.contributedOn })),
      );
      const booked = (await donations(c.id)).map(({ reference, amountFen, source, occurredOn }) => ({ reference, amountFen, source, occurredOn }));
      const order = (a: { reference: string | null }, b: { reference: string | null }) => a.reference!.localeCompare(b.reference!);
      expect(booked.sort(order)).toEqual(given.sort(order));
      const biggest = (rows: { amountFen: number; source: string }[]) =>
        rows.reduce<{ amountFen: number; source: string } | null>((m, r) => (!m || r.amountFen > m.amountFen ? r : m), null);
      expect(biggest(booked)).toEqual(biggest(given));
    }
    const minzu = await donations('community-minzu-01');
    expect(Math.max(...minzu.map((e) => e.amountFen))).toBeGreaterThan(100_000 * 100);
    expect(minzu.find((e) => e.amountFen === 10_800_000)!.reference).toBe(`contribution:${demoBigDonorId}-c0`);
  });

  it('demo: no two units of a community share a name, and contributions fall inside their agreement', async () => {
    for (const c of demoCommunities.filter((_, i) => i % 4 === 0)) {
      const list = await units(c.id);
      expect(new Set(list.map((u) => u.name)).size).toBe(list.length);
      for (const u of list) {
        for (const k of u.contributions) {
          const agreement = u.agreements.find((a) => a.id === k.agreement?.id)!;
          expect(k.contributedOn >= agreement.signedOn).toBe(true);
          if (agreement.validUntil) expect(k.contributedOn <= agreement.validUntil).toBe(true);
        }
      }
    }
  });

  it('committees down: the contribution is recorded, its donation waits, then is booked exactly once (also when delivered twice)', async () => {
    await hub.subgraphs.committees!.stopServer();
    let id: string;
    try {
      id = await contribute();
      await vi.waitFor(async () => expect((await eventOf(id))!.attempts).toBeGreaterThanOrEqual(1), arrives);
      expect((await eventOf(id))!.deliveredAt).toBeNull();
    } finally {
      await hub.subgraphs.committees!.restartServer();
    }
    await vi.waitFor(async () => expect((await eventOf(id))!.deliveredAt).not.toBeNull(), arrives);
    expect(await bookedFor(id)).toEqual([expect.objectContaining({ amountFen: 123_400, source: expect.stringMatching(/^江汉/), occurredOn: '2026-03-01' })]);

    // Party died after committees answered, before noting it: the event goes out again.
    await partyDb().outboxEvent.update({ where: { id: `donation-${id}` }, data: { deliveredAt: null, nextAttemptAt: new Date() } });
    await vi.waitFor(async () => expect((await eventOf(id))!.deliveredAt).not.toBeNull(), arrives);
    expect(await bookedFor(id)).toHaveLength(1);

    // The receiver's side of the contract asked directly, twice at once: one entry.
    const payload = (await eventOf(id))!.payload as Record<string, unknown>;
    const [first, second] = await Promise.all([hub.query(donate, { i: payload }, partyService), hub.query(donate, { i: payload }, partyService)]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(await bookedFor(id)).toHaveLength(1);
  });

  it('only the party subgraph books donations, and only sane ones', async () => {
    const input = {
      eventId: 'donation-probe-1',
      communityId: community,
      amountFen: 5_000,
      donor: '某单位',
      purpose: '捐资',
      occurredOn: '2026-01-05',
      reference: 'contribution:probe-1',
    };
    const code = async (i: Record<string, unknown>, as: TokenClaims | null) => (await hub.query(donate, { i }, as)).errors?.[0]?.extensions?.code;
    expect(await code(input, { role: 'SERVICE', sub: 'service:departments' })).toBe('FORBIDDEN');
    expect(await code(input, { role: 'SERVICE', sub: 'service:services' })).toBe('FORBIDDEN');
    expect(await code(input, { role: 'DISTRICT_ADMIN' })).toBe('FORBIDDEN');
    expect(await code(input, staff)).toBe('FORBIDDEN');
    expect(await code(input, null)).toBe('UNAUTHENTICATED');
    expect(await code({ ...input, amountFen: 0 }, partyService)).toBe('BAD_USER_INPUT');
    expect(await code({ ...input, amountFen: 2_000_000_000 }, partyService)).toBe('BAD_USER_INPUT');
    expect(await code({ ...input, occurredOn: '2999-01-01' }, partyService)).toBe('BAD_USER_INPUT');
    expect(await code({ ...input, reference: 'delegated-task:x' }, partyService)).toBe('BAD_USER_INPUT');
    expect(await code({ ...input, communityId: 'community-nowhere' }, partyService)).toBe('NOT_FOUND');
    expect((await donations()).filter((e) => e.reference === 'contribution:probe-1')).toEqual([]);
  });

  it('a contribution in kind books nothing, and money the ledger could not book is refused up front', async () => {
    const before = await donations();
    const res = await hub.query(record, { i: { unitId, kind: 'ROOMS', description: '提供会议室', valueFen: 300_000, contributedOn: '2026-02-01' } }, staff);
    expect(res.errors).toBeUndefined();
    const id = res.data!.recordContribution.id as string;
    expect(await eventOf(id)).toBeNull();
    const huge = await hub.query(record, { i: { unitId, kind: 'MONEY', description: '巨额', valueFen: 2_000_000_000, contributedOn: '2026-02-01' } }, staff);
    expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Give any delivery that should not exist the time to show up.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await donations()).toEqual(before);
  });
});
