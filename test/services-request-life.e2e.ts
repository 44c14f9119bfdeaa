// A convenience request's life, with the guards that keep concurrent updates and ratings from
// being lost. Filing asks committees whether the resident lives where the token says, so the
// subgraph runs behind a gateway with committees beside it.
import { demoCommunities } from '@shequ/kit';
import type { TestSubgraph } from '@shequ/kit/testing';
import { postgresAvailable, startTestFederation, type TestFederation } from '@shequ/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import committees from '../subgraphs/committees/src/index.js';
import type { DB } from '../subgraphs/services/src/db.js';
import services from '../subgraphs/services/src/index.js';
import { admin, codeOf, ok, provider, residentAs, staffOf, type Ask } from '../subgraphs/services/tests/fixtures.js';

const pgUp = await postgresAvailable();

function onEachDatabase(title: string, suite: (sg: () => TestSubgraph<DB>, ask: Ask) => void): void {
  describe.each(['pglite', 'postgres'] as const)(`${title} on %s`, (database) => {
    describe.skipIf(database === 'postgres' && !pgUp)('', () => {
      let hub: TestFederation;
      beforeAll(async () => {
        hub = await startTestFederation({ subgraphs: [committees, services], database });
      }, 240_000);
      afterAll(() => hub?.close());
      suite(
        () => hub.subgraphs.services as unknown as TestSubgraph<DB>,
        (query, variables, as) => hub.query(query, variables, as ?? null),
      );
    });
  });
}

const file = 'mutation($input: FileServiceRequestInput!) { fileServiceRequest(input: $input) { id status statusNotes servicePoint { id } provider { id } } }';
const update = 'mutation($input: UpdateServiceRequestInput!) { updateServiceRequest(input: $input) { status statusNotes expectedAt completedAt closedAt } }';
const rate = 'mutation($id: ID!, $rating: ServiceRating!) { rateServiceRequest(id: $id, rating: $rating) { status rating ratingLevel closedAt } }';

onEachDatabase('a service request', (sg, ask) => {
  // A demo point of a convenience item in some community, and a resident of that community.
  let point: { id: string; providerId: string; communityId: string; code: string };
  let me: ReturnType<typeof residentAs>;
  beforeAll(async () => {
    const row = (await sg().db.prisma.servicePoint.findFirst({
      where: { communityId: { not: null }, item: { tier: 'CONVENIENCE' }, contractEnd: { gt: new Date() } },
      include: { item: true },
      orderBy: { id: 'asc' },
    }))!;
    point = { id: row.id, providerId: row.providerId, communityId: row.communityId!, code: row.item.code };
    me = residentAs(`resident-${point.communityId.replace('community-', '')}-0007`, point.communityId);
  });

  const fileOne = async () =>
    ok(
      await ask<{ fileServiceRequest: { id: string; status: string; servicePoint: { id: string } | null } }>(
        file,
        { input: { serviceCode: point.code, description: '请安排上门', address: '某小区1号', lat: 30.6, long: 114.27 } },
        me,
      ),
    ).fileServiceRequest;

  it("goes from filed to closed and rated, taken by the community's own service point", async () => {
    const filed = await fileOne();
    expect(filed).toMatchObject({ status: 'SUBMITTED', servicePoint: { id: point.id } });
    const expectedAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const as = provider(point.providerId);
    expect(ok(await ask(update, { input: { id: filed.id, status: 'ACCEPTED', statusNotes: '已受理', expectedAt } }, as)).updateServiceRequest).toMatchObject({
      status: 'ACCEPTED',
      expectedAt,
    });
    expect(ok(await ask(update, { input: { id: filed.id, status: 'IN_PROGRESS' } }, as)).updateServiceRequest.status).toBe('IN_PROGRESS');
    const done = ok(await ask(update, { input: { id: filed.id, status: 'COMPLETED', statusNotes: '服务已完成' } }, as)).updateServiceRequest;
    expect(done.completedAt).not.toBeNull();
    const rated = ok(await ask(rate, { id: filed.id, rating: 'BASICALLY_SATISFIED' }, me)).rateServiceRequest;
    expect(rated).toMatchObject({ status: 'CLOSED', rating: 'BASICALLY_SATISFIED', ratingLevel: 3 });
    expect(codeOf(await ask(rate, { id: filed.id, rating: 'VERY_SATISFIED' }, me))).toBe('CONFLICT');
    const timeline = ok(
      await ask<{ serviceRequest: { events: { status: string; actorRole: string }[] } }>(
        'query($id: ID!) { serviceRequest(id: $id) { events { status actorRole } } }',
        { id: filed.id },
        me,
      ),
    );
    expect(timeline.serviceRequest.events.map((e) => `${e.status}:${e.actorRole}`)).toEqual([
      'SUBMITTED:RESIDENT',
      'ACCEPTED:PARTNER',
      'IN_PROGRESS:PARTNER',
      'COMPLETED:PARTNER',
      'CLOSED:RESIDENT',
    ]);
  });

  it('refuses illegal moves, the wrong people, and bad input, changing nothing', async () => {
    const filed = await fileOne();
    const as = provider(point.providerId);
    expect(codeOf(await ask(update, { input: { id: filed.id, status: 'COMPLETED' } }, as))).toBe('CONFLICT');
    expect(codeOf(await ask(update, { input: { id: filed.id, status: 'ACCEPTED' } }, provider('provider-someone-else')))).toBe('FORBIDDEN');
    expect(codeOf(await ask(update, { input: { id: filed.id, status: 'ACCEPTED' } }, me))).toBe('FORBIDDEN');
    expect(codeOf(await ask(update, { input: { id: filed.id, status: 'REJECTED' } }, as))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(update, { input: { id: filed.id, status: 'ACCEPTED', expectedAt: '2020-01-01T00:00:00Z' } }, as))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(rate, { id: filed.id, rating: 'SATISFIED' }, me))).toBe('CONFLICT');
    expect(codeOf(await ask(rate, { id: filed.id, rating: 'SATISFIED' }, residentAs('resident-x', point.communityId)))).toBe('FORBIDDEN');
    ok(await ask(update, { input: { id: filed.id, status: 'ACCEPTED' } }, as));
    ok(await ask(update, { input: { id: filed.id, status: 'IN_PROGRESS' } }, as));
    ok(await ask(update, { input: { id: filed.id, status: 'COMPLETED' } }, as));
    expect(codeOf(await ask(update, { input: { id: filed.id, status: 'CLOSED' } }, as))).toBe('FORBIDDEN');
    expect(
      ok(await ask(update, { input: { id: filed.id, status: 'CLOSED', statusNotes: '居民未评价，社区办结' } }, staffOf(point.communityId))).updateServiceRequest
        .status,
    ).toBe('CLOSED');
    // Closed without a rating, the resident may still rate it, once.
    expect(ok(await ask(rate, { id: filed.id, rating: 'DISSATISFIED' }, me)).rateServiceRequest).toMatchObject({ status: 'CLOSED', rating: 'DISSATISFIED' });

    const bad = [
      { serviceCode: 'NOPE-1', description: 'x', address: 'y' },
      { serviceCode: point.code, description: ' ', address: 'y' },
      { serviceCode: point.code, description: 'x', address: 'y', lat: 95, long: 114 },
      { serviceCode: point.code, description: 'x', address: 'y', lat: 30.6 },
    ];
    expect(await Promise.all(bad.map(async (input) => codeOf(await ask(file, { input }, me))))).toEqual([
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    expect(codeOf(await ask(file, { input: { serviceCode: point.code, description: 'x', address: 'y', residentId: 'resident-other' } }, me))).toBe('FORBIDDEN');
    expect(codeOf(await ask(file, { input: { serviceCode: point.code, description: 'x', address: 'y' } }, provider(point.providerId)))).toBe('FORBIDDEN');
  });

  it('lets staff dispatch a request no point took, and reject one with a public reason', async () => {
    const served = new Set((await sg().db.prisma.servicePoint.findMany({ where: { item: { code: point.code } } })).map((p) => p.communityId));
    const elsewhere = demoCommunities.find((c) => !served.has(c.id))!.id;
    const other = residentAs(`resident-${elsewhere.replace('community-', '')}-0001`, elsewhere);
    const filed = ok(
      await ask<{ fileServiceRequest: { id: string; servicePoint: null; statusNotes: string } }>(
        file,
        { input: { serviceCode: point.code, description: '请安排', address: '某处' } },
        other,
      ),
    ).fileServiceRequest;
    expect(filed.servicePoint).toBeNull();
    const assign = 'mutation($id: ID!, $p: ID!) { assignServiceRequest(id: $id, servicePointId: $p) { status provider { id } } }';
    // The demo point serves another community: not this request's.
    expect(codeOf(await ask(assign, { id: filed.id, p: point.id }, staffOf(elsewhere)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(assign, { id: filed.id, p: point.id }, staffOf(point.communityId)))).toBe('FORBIDDEN');
    const rejected = ok(
      await ask(update, { input: { id: filed.id, status: 'REJECTED', statusNotes: '本社区暂无该项服务网点' } }, staffOf(elsewhere)),
    ).updateServiceRequest;
    expect(rejected).toMatchObject({ status: 'REJECTED', statusNotes: '本社区暂无该项服务网点' });
    expect(rejected.closedAt).not.toBeNull();
  });

  it('counts one of two concurrent status changes and one of two concurrent ratings', async () => {
    const filed = await fileOne();
    const as = provider(point.providerId);
    const moves = await Promise.all([
      ask(update, { input: { id: filed.id, status: 'ACCEPTED' } }, as),
      ask(update, { input: { id: filed.id, status: 'ACCEPTED' } }, staffOf(point.communityId)),
    ]);
    expect(moves.map(codeOf).filter((c) => c === undefined)).toHaveLength(1);
    expect(moves.map(codeOf)).toContain('CONFLICT');
    expect(await sg().db.prisma.serviceRequestEvent.count({ where: { requestId: filed.id } })).toBe(2);

    const second = await fileOne();
    for (const status of ['ACCEPTED', 'IN_PROGRESS', 'COMPLETED']) ok(await ask(update, { input: { id: second.id, status } }, as));
    const ratings = await Promise.all(['VERY_SATISFIED', 'VERY_DISSATISFIED'].map((rating) => ask(rate, { id: second.id, rating }, me)));
    expect(ratings.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const winner = ratings.find((r) => !r.errors)!.data!.rateServiceRequest.rating;
    expect((await sg().db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: second.id } })).rating).toBe(winner);
    expect(await sg().db.prisma.serviceRequestEvent.count({ where: { requestId: second.id, status: 'CLOSED' } })).toBe(1);
  });

  it('is listed for the provider and for district administrators', async () => {
    const list = 'query($s: ServiceRequestStatus) { serviceRequests(status: $s, first: 500) { edges { node { id status } } } }';
    const mine = ok(await ask<{ serviceRequests: { edges: { node: { status: string } }[] } }>(list, { s: 'SUBMITTED' }, provider(point.providerId)));
    expect(mine.serviceRequests.edges.every((e) => e.node.status === 'SUBMITTED')).toBe(true);
    const all = ok(await ask<{ serviceRequests: { edges: unknown[] } }>(list, {}, admin));
    expect(all.serviceRequests.edges.length).toBe(Math.min(500, await sg().db.prisma.serviceRequest.count()));
  });
});
