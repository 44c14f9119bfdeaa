import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger, demoCommunities, demoDepartments, repoRoot } from '@shequ/kit';
import { describe, expect, it } from 'vitest';
import { catalogueProblem } from '../src/catalogue-rules.js';
import { districtDayStart } from '../src/open311.js';
import { demoItems, demoSeries } from '../src/demo/catalogue.js';
import services from '../src/index.js';
import { admin, codeOf, ok, onEachDatabase, provider, residentAs, staffOf } from './fixtures.js';

it('the published SDL in schema/ matches the code (run `npm run compose`)', () => {
  expect(`${printSubgraphSchema(services.schema).trim()}\n`).toBe(readFileSync(`${repoRoot}/schema/services.graphql`, 'utf8'));
});

describe('the demo catalogue', () => {
  it('has 8 series and 50+ items with Chinese and English names, every tier, charging mode and welfare group', () => {
    expect(demoSeries).toHaveLength(8);
    expect(demoItems.length).toBeGreaterThanOrEqual(50);
    for (const item of demoItems) {
      expect(item.name).toMatch(/\p{Script=Han}/u);
      expect(item.nameEn).toMatch(/^[A-Z][\w\s,'-]+$/);
      expect(catalogueProblem(item), item.code).toBeNull();
    }
    expect(new Set(demoItems.map((i) => i.tier))).toEqual(new Set(['WELFARE', 'CONVENIENCE', 'SOCIALISED']));
    expect(new Set(demoItems.map((i) => i.chargingMode))).toEqual(new Set(['FREE', 'LOW_COST', 'PAID']));
    expect(new Set(demoItems.map((i) => i.welfareGroup))).toEqual(new Set([null, 'ELDERLY', 'DISABLED', 'ENTITLED', 'LOW_INCOME', 'LIVING_ALONE']));
    expect(new Set(demoItems.map((i) => i.code)).size).toBe(demoItems.length);
  });

  it('refuses inconsistent entries', () => {
    expect(catalogueProblem({ tier: 'WELFARE', welfareGroup: null, chargingMode: 'FREE', priceFen: 0 })?.field).toBe('welfareGroup');
    expect(catalogueProblem({ tier: 'CONVENIENCE', welfareGroup: 'ELDERLY', chargingMode: 'FREE', priceFen: 0 })?.field).toBe('welfareGroup');
    expect(catalogueProblem({ tier: 'WELFARE', welfareGroup: 'DISABLED', chargingMode: 'PAID', priceFen: 100 })?.field).toBe('chargingMode');
    expect(catalogueProblem({ tier: 'CONVENIENCE', welfareGroup: null, chargingMode: 'FREE', priceFen: 100 })?.field).toBe('priceFen');
    expect(catalogueProblem({ tier: 'SOCIALISED', welfareGroup: null, chargingMode: 'PAID', priceFen: 0 })?.field).toBe('priceFen');
  });
});

onEachDatabase('services', (sg, ask) => {
  it('seeds the demo network idempotently: tenders in every state, requests in every status, with ratings', async () => {
    const p = sg().db.prisma;
    const counts = async () => [
      await p.serviceItem.count(),
      await p.tender.count(),
      await p.servicePoint.count(),
      await p.serviceRequest.count(),
      await p.serviceRequestEvent.count(),
    ];
    const before = await counts();
    expect(before[0]).toBe(demoItems.length);
    expect(before[3]).toBeGreaterThanOrEqual(300);
    await services.seed!(p, createLogger('test', 'silent'));
    expect(await counts()).toEqual(before);
    const tenders = ok(await ask<{ tenders: { edges: { node: { status: string } }[] } }>('{ tenders(first: 200) { edges { node { status } } } }'));
    expect(new Set(tenders.tenders.edges.map((e) => e.node.status))).toEqual(new Set(['OPEN', 'CLOSED', 'AWARDED', 'CANCELLED']));
    const statuses = await p.serviceRequest.groupBy({ by: ['status'], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(['ACCEPTED', 'CLOSED', 'COMPLETED', 'IN_PROGRESS', 'REJECTED', 'SUBMITTED']);
    expect(await p.serviceRequest.count({ where: { rating: { not: null } } })).toBeGreaterThan(100);
    expect(await p.serviceRequest.count({ where: { rating: { not: null }, status: { not: 'CLOSED' } } })).toBe(0);
  });

  it('resolves service points and request stats of all 112 communities with as many statements as for 3', async () => {
    const q =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id servicePoints { code item { code } provider { name } } serviceRequestStats { total open closed rated satisfactionRate } } } }';
    const run = (communities: typeof demoCommunities) =>
      sg().db.queries.measure(() => ask(q, { r: communities.map((c) => ({ __typename: 'Community', id: c.id })) }));
    const few = await run(demoCommunities.slice(0, 3));
    const { result, statements } = await run(demoCommunities);
    const entities = ok(result)._entities as { servicePoints: unknown[]; serviceRequestStats: { total: number; open: number; closed: number } }[];
    expect(entities).toHaveLength(112);
    expect(entities.reduce((n, e) => n + e.serviceRequestStats.total, 0)).toBe(await sg().db.prisma.serviceRequest.count());
    expect(entities.every((e) => e.serviceRequestStats.open + e.serviceRequestStats.closed === e.serviceRequestStats.total)).toBe(true);
    expect(entities.filter((e) => e.servicePoints.length > 0).length).toBeGreaterThan(10);
    expect(statements).toBe(few.statements);
  });

  it('lists the services each department oversees, civil affairs leading the welfare series, in one statement per list', async () => {
    const representations = demoDepartments.map((d) => ({ __typename: 'Department', id: d.id }));
    const q =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { id serviceSeries { code } serviceItems { code department { id } } } } }';
    const { result, statements } = await sg().db.queries.measure(() => ask(q, { r: representations }));
    const byId = Object.fromEntries(
      (ok(result)._entities as { id: string; serviceSeries: { code: string }[]; serviceItems: { code: string; department: { id: string } }[] }[]).map((d) => [
        d.id,
        d,
      ]),
    );
    expect(byId['dept-culture']!.serviceSeries.map((s) => s.code)).toEqual(['S6']);
    expect(byId['dept-health']!.serviceItems.map((i) => i.code)).toContain('S4-01');
    expect(byId['dept-health']!.serviceItems.every((i) => i.department.id === 'dept-health')).toBe(true);
    expect(byId['dept-civil-affairs']!.serviceSeries.map((s) => s.code)).toEqual(['S1', 'S2', 'S3']);
    expect(byId['dept-civil-affairs']!.serviceItems.map((i) => i.code)).toContain('S3-01');
    expect(statements).toBe(2);
  });

  it('serves the Open311 view with GeoReport v2 field names and nothing personal', async () => {
    const q = `{ open311 { services { service_code service_name description metadata type keywords group }
      requests(limit: 1000) { service_request_id status status_notes service_name service_code description agency_responsible service_notice
        requested_datetime updated_datetime expected_datetime address address_id zipcode lat long media_url } } }`;
    const { open311 } = ok(await ask<{ open311: { services: Record<string, unknown>[]; requests: Record<string, any>[] } }>(q));
    expect(open311.services).toHaveLength(demoItems.length + 1);
    expect(open311.services.at(-1)).toMatchObject({ service_code: 'welfare', service_name: '社区福利服务' });
    expect(open311.services[0]).toEqual({
      service_code: 'S1-01',
      service_name: '居家养老上门探访',
      description: expect.any(String),
      metadata: false,
      type: 'realtime',
      keywords: 'elderly,home visit,探访',
      group: '养老服务',
    });
    const rows = await sg().db.prisma.serviceRequest.findMany({ include: { item: true } });
    // The last 90 days; a welfare request publishes only its day, so it counts from the first midnight in the window.
    const from = new Date(Date.now() - 90 * 86_400_000);
    const welfareFrom = districtDayStart(from).getTime() === from.getTime() ? from : new Date(districtDayStart(from).getTime() + 86_400_000);
    const recent = rows.filter((r) => r.requestedAt >= (r.item.tier === 'WELFARE' ? welfareFrom : from));
    expect(open311.requests).toHaveLength(recent.length);
    const json = JSON.stringify(open311.requests);
    for (const r of rows.slice(0, 50)) {
      expect(json).not.toContain(r.residentId);
      expect(json).not.toContain(r.address);
      expect(json).not.toContain(r.description);
    }
    expect(open311.requests.every((r) => r.description === null && r.address === null && ['open', 'closed'].includes(r.status))).toBe(true);
    const welfare = new Set(rows.filter((r) => r.item.tier === 'WELFARE').map((r) => r.id));
    const published = open311.requests.filter((r) => welfare.has(r.service_request_id));
    expect(published.length).toBeGreaterThan(0);
    expect(
      published.every((r) => r.lat === null && r.long === null && r.service_code === 'welfare' && r.agency_responsible === null && r.status_notes === null),
    ).toBe(true);
    const located = open311.requests.find((r) => r.lat !== null)!;
    expect(Math.round(located.lat * 100) / 100).toBe(located.lat);
  });

  it('filters Open311 requests like GeoReport: by status, service_code and service_request_id; refuses a bad limit', async () => {
    const closed = ok(await ask<{ open311: { requests: { status: string }[] } }>('{ open311 { requests(status: closed) { status } } }'));
    expect(closed.open311.requests.length).toBeGreaterThan(0);
    expect(closed.open311.requests.every((r) => r.status === 'closed')).toBe(true);
    const some = await sg().db.prisma.serviceRequest.findMany({ take: 2, orderBy: { requestedAt: 'asc' }, include: { item: true } });
    const byId = ok(
      await ask<{ open311: { requests: { service_request_id: string }[] } }>(
        'query($ids: [ID!]) { open311 { requests(service_request_id: $ids) { service_request_id } } }',
        { ids: some.map((s) => s.id) },
      ),
    );
    expect(byId.open311.requests.map((r) => r.service_request_id).sort()).toEqual(some.map((s) => s.id).sort());
    const byCode = ok(
      await ask<{ open311: { requests: { service_code: string }[] } }>(
        '{ open311(lang: en) { requests(service_code: "S5-01") { service_code service_name } } }',
      ),
    );
    expect(byCode.open311.requests.every((r) => r.service_code === 'S5-01')).toBe(true);
    expect(codeOf(await ask('{ open311 { requests(limit: 5000) { status } } }'))).toBe('BAD_USER_INPUT');
  });

  it("shows requests only to the resident, the community's staff, the provider serving them and the district", async () => {
    const request = (await sg().db.prisma.serviceRequest.findFirst({ where: { providerId: { not: null } }, orderBy: { id: 'asc' } }))!;
    const one = 'query($id: ID!) { serviceRequest(id: $id) { id description } }';
    for (const who of [residentAs(request.residentId, request.communityId), staffOf(request.communityId), provider(request.providerId!), admin]) {
      expect(ok(await ask(one, { id: request.id }, who)).serviceRequest.id).toBe(request.id);
    }
    const other = demoCommunities.find((c) => c.id !== request.communityId)!.id;
    for (const who of [residentAs('resident-someone-else', request.communityId), staffOf(other), provider('provider-not-serving')]) {
      expect(codeOf(await ask(one, { id: request.id }, who))).toBe('FORBIDDEN');
    }
    expect(codeOf(await ask(one, { id: request.id }))).toBe('UNAUTHENTICATED');

    const viaCommunity = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Community { serviceRequests { id } serviceRequestStats { total } } } }';
    const r = [{ __typename: 'Community', id: request.communityId }];
    const denied = await ask<{ _entities: { serviceRequests: unknown; serviceRequestStats: { total: number } }[] }>(viaCommunity, { r }, staffOf(other));
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(denied.data!._entities[0]!.serviceRequests).toBeNull();
    expect(denied.data!._entities[0]!.serviceRequestStats.total).toBeGreaterThan(0);
    expect(ok(await ask(viaCommunity, { r }, staffOf(request.communityId)))._entities[0].serviceRequests.length).toBeGreaterThan(0);

    const list = 'query($c: ID, $p: ID) { serviceRequests(communityId: $c, providerId: $p, first: 500) { edges { node { provider { id } } } } }';
    expect(codeOf(await ask(list, { c: other }, staffOf(request.communityId)))).toBe('FORBIDDEN');
    const mine = ok(await ask<{ serviceRequests: { edges: { node: { provider: { id: string } } }[] } }>(list, {}, provider(request.providerId!)));
    expect(mine.serviceRequests.edges.every((e) => e.node.provider.id === request.providerId)).toBe(true);
    expect(codeOf(await ask(list, { p: 'provider-kangle' }, provider('provider-yihe')))).toBe('FORBIDDEN');
    expect(codeOf(await ask(list, {}, residentAs(request.residentId, request.communityId)))).toBe('FORBIDDEN');
  });

  it('lets district administrators extend the catalogue, with its rules enforced', async () => {
    const create = 'mutation($input: ServiceItemInput!) { createServiceItem(input: $input) { code tier welfareGroup priceLabel department { id } } }';
    const input = {
      seriesId: 'series-s1',
      name: '老年人防诈骗讲座',
      nameEn: 'Anti-fraud talks for older people',
      description: 'Talks on common scams',
      tier: 'WELFARE',
      welfareGroup: 'ELDERLY',
      chargingMode: 'FREE',
      priceFen: 0,
      priceUnit: 'per talk',
    };
    const created = ok(await ask(create, { input }, admin)).createServiceItem;
    expect(created).toEqual({ code: 'S1-08', tier: 'WELFARE', welfareGroup: 'ELDERLY', priceLabel: 'free', department: { id: 'dept-civil-affairs' } });
    expect(codeOf(await ask(create, { input: { ...input, welfareGroup: null } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(create, { input: { ...input, chargingMode: 'PAID', priceFen: 5000 } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(create, { input: { ...input, seriesId: 'series-nope' } }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await ask(create, { input }, staffOf('community-minzu-01')))).toBe('FORBIDDEN');
  });
});
