// The stored request summaries equal a recount from the rows after the seed and after a mix of
// writes, sequential and concurrent: filing, the workflow's moves, ratings, deletions.
import { randomUUID } from 'node:crypto';
import { demoCommunities } from '@shequ/kit';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recomputeRequestAggregates, storedRequestAggregates } from '../src/aggregates/recompute.js';
import type { DB } from '../src/db.js';
import services from '../src/index.js';

await describeOnEachDatabase('services aggregates', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph({ ...services, workers: undefined }, kind);
  });
  afterAll(() => sg?.dispose());

  const consistent = async () => expect(await storedRequestAggregates(sg.db.prisma)).toEqual(await recomputeRequestAggregates(sg.db.prisma));

  it('are filled by the seed exactly as a recount says', async () => {
    expect((await storedRequestAggregates(sg.db.prisma)).length).toBeGreaterThan(50);
    await consistent();
  });

  it('follow requests filed, moved, rated and deleted, also concurrently', async () => {
    const db = sg.db.prisma;
    const [a, b] = demoCommunities.map((c) => c.id);
    const template = await db.serviceRequest.findFirstOrThrow({ where: { communityId: a! } });
    const request = (communityId: string) => ({
      id: `req-${randomUUID()}`,
      itemId: template.itemId,
      residentId: template.residentId,
      communityId,
      filedBy: template.filedBy,
      filedByRole: template.filedByRole,
      description: '测试',
      address: template.address,
    });
    const filed = Array.from({ length: 12 }, (_, n) => request(n % 2 ? a! : b!));
    await Promise.all([
      ...filed.map((data) => db.serviceRequest.create({ data })),
      db.serviceRequest.createMany({ data: [request(a!), request('community-without-requests-yet')] }),
    ]);
    await consistent();

    // Concurrent moves of the same requests: each wins once (the workflow's compare-and-set).
    await Promise.all(
      filed.flatMap((r) => [
        db.serviceRequest.updateMany({ where: { id: r.id, status: 'SUBMITTED' }, data: { status: 'ACCEPTED' } }),
        db.serviceRequest.updateMany({ where: { id: r.id, status: 'SUBMITTED' }, data: { status: 'REJECTED' } }),
      ]),
    );
    await consistent();
    await db.serviceRequest.updateMany({ where: { id: { in: filed.map((r) => r.id) }, status: 'ACCEPTED' }, data: { status: 'COMPLETED' } });
    await db.serviceRequest.updateMany({
      where: { id: { in: filed.slice(0, 6).map((r) => r.id) }, status: 'COMPLETED' },
      data: { rating: 'DISSATISFIED', ratedAt: new Date() },
    });
    await db.serviceRequest.updateMany({
      where: { id: { in: filed.slice(6).map((r) => r.id) }, status: 'COMPLETED' },
      data: { rating: 'SATISFIED', status: 'CLOSED' },
    });
    await db.serviceRequest.update({ where: { id: filed[0]!.id }, data: { communityId: b! } });
    await consistent();
    await db.serviceRequestEvent.deleteMany({ where: { requestId: { in: filed.map((r) => r.id) } } });
    await db.serviceRequest.deleteMany({ where: { id: { in: filed.slice(0, 3).map((r) => r.id) } } });
    await consistent();
  });
});
