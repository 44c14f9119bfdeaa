// Tendering through the gateway (招投标): a tender gets bids while open, is closed, evaluated and
// awarded once, and the winner runs a service point that the community shows.
import { demoCommunities } from '@shequ/kit';
import { postgresAvailable, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import departments from '../subgraphs/departments/src/index.js';
import type { DB } from '../subgraphs/services/src/db.js';
import services from '../subgraphs/services/src/index.js';
import { admin, codeOf, ok, openTender, pointInput, provider, staffOf, type Ask } from '../subgraphs/services/tests/fixtures.js';

const pgUp = await postgresAvailable();

const submitBid = 'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id status provider { id } } }';
const closeTender = 'mutation($id: ID!) { closeTender(id: $id) { status acceptingBids } }';
const evaluate = 'mutation($id: ID!, $score: Int!) { evaluateBid(bidId: $id, score: $score) { score } }';
const award = `mutation($input: AwardTenderInput!) { awardTender(input: $input) {
  status awardedBid { id provider { id } } bids { status }
  servicePoint { id inService contractEnd provider { id } item { code } community { id name } } } }`;
const tenderQuery = 'query($id: ID!) { tender(id: $id) { status bidCount acceptingBids bids { provider { id } } awardedBid { id } } }';

// One federation per file (it is the slow part): on PostgreSQL, where two awards really run at
// once; the same rules are checked on both databases in subgraphs/services/tests/tenders.test.ts.
const database = pgUp ? 'postgres' : 'pglite';
if (!pgUp) console.warn('services-tenders.e2e: PostgreSQL is not reachable; running on PGlite, where transactions never overlap');

describe(`tenders through the gateway on ${database}`, () => {
  let hub: TestFederation;
  const ask: Ask = (query, variables, as) => hub.query(query, variables, as ?? null);
  const servicesDb = () => hub.subgraphs.services!.db.prisma as DB;
  beforeAll(async () => {
    hub = await startTestFederation({ subgraphs: [committees, departments, services], database });
  });
  afterAll(() => hub?.close());

  it("tender → bids → award → a service point the community shows, with the community's name from committees", async () => {
    const community = demoCommunities.find((c) => c.id === 'community-minzu-02')!;
    const publish = 'mutation($input: PublishTenderInput!) { publishTender(input: $input) { id status acceptingBids community { name } item { name } } }';
    const input = {
      itemId: 'item-s5-01',
      communityId: community.id,
      title: '民族街道家政保洁服务招标',
      requirements: 'Housekeeping at catalogue prices',
      budgetFen: 12_000_000,
      contractStart: new Date().toISOString().slice(0, 10),
      contractEnd: '2029-12-31',
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    expect(codeOf(await ask(publish, { input }, staffOf('community-minzu-03')))).toBe('FORBIDDEN');
    expect(codeOf(await ask(publish, { input: { ...input, closesAt: '2020-01-01T00:00:00Z' } }, staffOf(community.id)))).toBe('BAD_USER_INPUT');
    const tender = ok(await ask(publish, { input }, staffOf(community.id))).publishTender;
    expect(tender).toMatchObject({ status: 'OPEN', acceptingBids: true, community: { name: community.name }, item: { name: '家政保洁' } });

    const bid = (partnerId: string, priceFen: number) =>
      ask(submitBid, { input: { tenderId: tender.id, priceFen, proposal: `${partnerId} proposal` } }, provider(partnerId));
    const huimin = ok(await bid('provider-huimin', 11_000_000)).submitBid;
    const jinguo = ok(await bid('provider-jinguo', 10_500_000)).submitBid;
    const onBehalf = ok(
      await ask(submitBid, { input: { tenderId: tender.id, providerId: 'provider-baixing', priceFen: 11_800_000, proposal: 'Repairs too' } }, admin),
    ).submitBid;
    expect(onBehalf.provider.id).toBe('provider-baixing');
    expect(codeOf(await bid('provider-huimin', 10_000_000))).toBe('CONFLICT');
    expect(codeOf(await bid('provider-yihe', 13_000_000))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bid('provider-unknown', 9_000_000))).toBe('FORBIDDEN');
    expect(codeOf(await ask(submitBid, { input: { tenderId: tender.id, priceFen: 9_000_000, proposal: 'x' } }, staffOf(community.id)))).toBe('FORBIDDEN');

    // Bids are sealed: the public sees how many, a provider only its own.
    expect(ok(await ask(tenderQuery, { id: tender.id })).tender).toMatchObject({ bidCount: 3, bids: [] });
    expect(ok(await ask(tenderQuery, { id: tender.id }, provider('provider-jinguo'))).tender.bids).toEqual([{ provider: { id: 'provider-jinguo' } }]);
    expect(ok(await ask(tenderQuery, { id: tender.id }, staffOf(community.id))).tender.bids).toHaveLength(3);

    expect(codeOf(await ask(award, { input: { tenderId: tender.id, bidId: jinguo.id, servicePoint: pointInput } }, staffOf(community.id)))).toBe('CONFLICT');
    expect(codeOf(await ask(evaluate, { id: jinguo.id, score: 90 }, staffOf(community.id)))).toBe('CONFLICT');
    expect(ok(await ask(closeTender, { id: tender.id }, staffOf(community.id))).closeTender).toEqual({ status: 'CLOSED', acceptingBids: false });
    expect(ok(await ask(evaluate, { id: jinguo.id, score: 91 }, staffOf(community.id))).evaluateBid.score).toBe(91);
    expect(codeOf(await ask(evaluate, { id: huimin.id, score: 101 }, staffOf(community.id)))).toBe('BAD_USER_INPUT');

    const otherBid = (await servicesDb().tenderBid.findFirst({ where: { tenderId: { not: tender.id } } }))!;
    expect(codeOf(await ask(award, { input: { tenderId: tender.id, bidId: otherBid.id, servicePoint: pointInput } }, staffOf(community.id)))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(
        await ask(
          award,
          { input: { tenderId: tender.id, bidId: jinguo.id, servicePoint: { ...pointInput, openingHours: 'whenever' } } },
          staffOf(community.id),
        ),
      ),
    ).toBe('BAD_USER_INPUT');

    const awarded = ok(await ask(award, { input: { tenderId: tender.id, bidId: jinguo.id, servicePoint: pointInput } }, staffOf(community.id))).awardTender;
    expect(awarded).toMatchObject({
      status: 'AWARDED',
      awardedBid: { id: jinguo.id, provider: { id: 'provider-jinguo' } },
      servicePoint: {
        inService: true,
        contractEnd: '2029-12-31',
        provider: { id: 'provider-jinguo' },
        item: { code: 'S5-01' },
        community: { id: community.id, name: community.name },
      },
    });
    expect(awarded.bids.map((b: { status: string }) => b.status).sort()).toEqual(['LOST', 'LOST', 'WON']);
    expect(codeOf(await ask(award, { input: { tenderId: tender.id, bidId: huimin.id, servicePoint: pointInput } }, staffOf(community.id)))).toBe('CONFLICT');

    const shown = ok(await ask('query($id: ID!) { community(id: $id) { name servicePoints { id provider { name } } } }', { id: community.id }));
    expect(shown.community.servicePoints.map((p: { id: string }) => p.id)).toContain(awarded.servicePoint.id);
  });

  it('carries money past 2^31 fen (¥21.47 million) exactly as Fen, and refuses a bad amount with BAD_USER_INPUT', async () => {
    const publish = 'mutation($input: PublishTenderInput!) { publishTender(input: $input) { id budgetFen } }';
    const community = 'community-minzu-02';
    const input = {
      itemId: 'item-s5-01',
      communityId: community,
      title: '民族街道三年综合保洁服务招标',
      requirements: 'Three years of housekeeping',
      budgetFen: 5_000_000_000, // ¥50 million, past a 32-bit Int
      contractStart: new Date().toISOString().slice(0, 10),
      contractEnd: '2029-12-31',
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const tender = ok(await ask(publish, { input }, staffOf(community))).publishTender;
    expect(tender.budgetFen).toBe(5_000_000_000);
    const bid = ok(
      await ask(
        'mutation($input: SubmitBidInput!) { submitBid(input: $input) { priceFen } }',
        { input: { tenderId: tender.id, priceFen: 4_321_000_000, proposal: 'Large bid' } },
        provider('provider-huimin'),
      ),
    ).submitBid;
    expect(bid.priceFen).toBe(4_321_000_000);
    const read = ok(await ask('query($id: ID!) { tender(id: $id) { budgetFen bids { priceFen } } }', { id: tender.id }, admin)).tender;
    expect(read).toEqual({ budgetFen: 5_000_000_000, bids: [{ priceFen: 4_321_000_000 }] });
    for (const budgetFen of [12.5, -100, '1000', 2 ** 53]) {
      expect(codeOf(await ask(publish, { input: { ...input, budgetFen } }, staffOf(community))), String(budgetFen)).toBe('BAD_USER_INPUT');
    }
    expect(
      codeOf(await ask(`mutation { submitBid(input: { tenderId: "${tender.id}", priceFen: 1.5, proposal: "x" }) { id } }`, {}, provider('provider-jinguo'))),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses a bid after the tender has closed, and a cancelled tender takes no award', async () => {
    const { tenderId, bids } = await openTender(ask, 'community-hualou-01', 'item-s7-01', ['provider-jiecheng']);
    ok(await ask(closeTender, { id: tenderId }, admin));
    const late = await ask(submitBid, { input: { tenderId, priceFen: 8_000_000, proposal: 'Late' } }, provider('provider-anju'));
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0]!.message).toMatch(/bidding has closed/);
    expect(codeOf(await ask(closeTender, { id: tenderId }, admin))).toBe('CONFLICT');
    expect(ok(await ask(tenderQuery, { id: tenderId })).tender.bidCount).toBe(1);

    ok(await ask('mutation($id: ID!) { cancelTender(id: $id, reason: "需求调整") { status } }', { id: tenderId }, admin));
    expect(codeOf(await ask(award, { input: { tenderId, bidId: bids[0], servicePoint: pointInput } }, admin))).toBe('CONFLICT');
  });

  it('awards a tender once when two awards race: one wins, the other gets CONFLICT, one service point', async () => {
    const { tenderId, bids } = await openTender(ask, 'community-minquan-04', 'item-s1-02', ['provider-fushou', 'provider-weimei']);
    ok(await ask(closeTender, { id: tenderId }, admin));
    const results = await Promise.all(bids.map((bidId) => ask(award, { input: { tenderId, bidId, servicePoint: pointInput } }, admin)));
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const winner = results.find((r) => !r.errors)!.data!.awardTender.awardedBid.id;
    const prisma = servicesDb();
    expect(await prisma.servicePoint.count({ where: { tenderId } })).toBe(1);
    expect((await prisma.tender.findUniqueOrThrow({ where: { id: tenderId } })).awardedBidId).toBe(winner);
    expect(await prisma.tenderBid.count({ where: { tenderId, status: 'WON' } })).toBe(1);
  });
});
