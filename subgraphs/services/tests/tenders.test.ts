// The tender rules and the service points' publicity on the data layer of both databases:
// guarded updates must hold when requests really overlap (PostgreSQL).
import { expect, it } from 'vitest';
import { admin, codeOf, ok, openTender, pointFor, pointInput, provider, onEachDatabase, streetStaffOf } from './fixtures.js';

const submitBid = 'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }';
const closeTender = 'mutation($id: ID!) { closeTender(id: $id) { status } }';
const award = 'mutation($input: AwardTenderInput!) { awardTender(input: $input) { status servicePoint { id } } }';

onEachDatabase('tenders', (sg, ask) => {
  it('awards once when three awards race, leaving one service point and one winning bid', async () => {
    const { tenderId, bids } = await openTender(ask, 'community-beihu-02', 'item-s1-01', ['provider-kangle', 'provider-yihe', 'provider-yangguang']);
    ok(await ask(closeTender, { id: tenderId }, admin));
    const results = await Promise.all(bids.map((bidId) => ask(award, { input: { tenderId, bidId, servicePoint: pointInput } }, admin)));
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', undefined]);
    expect(await sg().db.prisma.servicePoint.count({ where: { tenderId } })).toBe(1);
    expect(await sg().db.prisma.tenderBid.groupBy({ by: ['status'], where: { tenderId }, _count: { _all: true }, orderBy: { status: 'asc' } })).toEqual([
      { status: 'WON', _count: { _all: 1 } },
      { status: 'LOST', _count: { _all: 2 } },
    ]);
  });

  it('either counts a bid or refuses it when bidding closes at the same moment, never both', async () => {
    for (let round = 0; round < 3; round++) {
      const { tenderId } = await openTender(ask, 'community-beihu-03', `item-s5-0${round + 1}`, ['provider-huimin']);
      const [bid] = await Promise.all([
        ask(submitBid, { input: { tenderId, priceFen: 5_000_000, proposal: 'Last minute' } }, provider('provider-jinguo')),
        ask(closeTender, { id: tenderId }, admin),
      ]);
      const tender = await sg().db.prisma.tender.findUniqueOrThrow({ where: { id: tenderId }, include: { bids: true } });
      expect(tender.status).toBe('CLOSED');
      expect(tender.bidCount).toBe(tender.bids.length);
      expect(tender.bids.length).toBe(bid.errors ? 1 : 2);
      if (bid.errors) expect(codeOf(bid)).toBe('CONFLICT');
    }
  });

  it('treats an open tender past its closing time as closed: no bids, but evaluation and award', async () => {
    const { tenderId, bids } = await openTender(ask, 'community-beihu-04', 'item-s6-02', ['provider-youth-centre']);
    await sg().db.prisma.tender.update({ where: { id: tenderId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const q = 'query($id: ID!) { tender(id: $id) { status acceptingBids } }';
    expect(ok(await ask(q, { id: tenderId })).tender).toEqual({ status: 'CLOSED', acceptingBids: false });
    expect(codeOf(await ask(submitBid, { input: { tenderId, priceFen: 5_000_000, proposal: 'Late' } }, provider('provider-shuxiang')))).toBe('CONFLICT');
    const listed = ok(await ask<{ tenders: { edges: { node: { id: string } }[] } }>('{ tenders(status: CLOSED, first: 200) { edges { node { id } } } }'));
    expect(listed.tenders.edges.map((e) => e.node.id)).toContain(tenderId);
    expect(ok(await ask(award, { input: { tenderId, bidId: bids[0], servicePoint: pointInput } }, admin)).awardTender.status).toBe('AWARDED');
  });

  it("lets street staff manage only their street's tenders", async () => {
    const publish = 'mutation($input: PublishTenderInput!) { publishTender(input: $input) { id street { id } } }';
    const input = {
      itemId: 'item-s8-04',
      streetId: 'street-beihu',
      title: '北湖街道单位安保',
      requirements: 'Guards',
      budgetFen: 50_000_000,
      contractStart: '2027-01-01',
      contractEnd: '2028-12-31',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const tender = ok(await ask(publish, { input }, streetStaffOf('street-beihu'))).publishTender;
    expect(codeOf(await ask(closeTender, { id: tender.id }, streetStaffOf('street-minzu')))).toBe('FORBIDDEN');
    expect(codeOf(await ask(publish, { input: { ...input, communityId: 'community-beihu-01' } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(publish, { input: { ...input, contractEnd: '2026-01-01' } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(publish, { input }, provider('provider-weishi')))).toBe('FORBIDDEN');
    expect(codeOf(await ask(publish, { input }))).toBe('UNAUTHENTICATED');
  });

  it("publishes a point's notices, only as the provider running it (its commitments are departments')", async () => {
    const pointId = await pointFor(ask, 'community-changqing-01', 'item-s1-02', 'provider-fushou');
    const notice = 'mutation($p: ID!, $input: ServicePointNoticeInput!) { publishServicePointNotice(servicePointId: $p, input: $input) { title } }';
    ok(await ask(notice, { p: pointId, input: { kind: 'CHARGES', title: '收费标准', content: '每餐8元' } }, provider('provider-fushou')));
    expect(codeOf(await ask(notice, { p: pointId, input: { kind: 'CHARGES', title: '收费标准', content: '每餐9元' } }, provider('provider-weimei')))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await ask(notice, { p: pointId, input: { kind: 'OTHER', title: 'x', content: 'y', expiresAt: '2020-01-01T00:00:00Z' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );

    const shown = ok(
      await ask('query($id: ID!) { servicePoint(id: $id) { notices { kind title } requestStats { total satisfactionRate } } }', { id: pointId }),
    );
    expect(shown.servicePoint.notices).toEqual([{ kind: 'CHARGES', title: '收费标准' }]);
    expect(shown.servicePoint.requestStats).toEqual({ total: 0, satisfactionRate: null });
  });
});
