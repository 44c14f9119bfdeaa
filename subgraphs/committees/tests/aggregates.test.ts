// The stored summaries equal a recount from the rows after the seed and after a mix of writes,
// sequential and concurrent, of every kind the triggers follow.
import { randomUUID } from 'node:crypto';
import { demoCommunities } from '@shequ/kit';
import { describeOnEachDatabase, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recomputeCommitteesAggregates, storedCommitteesAggregates } from '../src/aggregates/recompute.js';
import type { DB } from '../src/db.js';
import { balanceFen } from '../src/ledger/post.js';
import committees from '../src/index.js';

await describeOnEachDatabase('committees aggregates', (kind) => {
  let sg: TestSubgraph<DB>;
  beforeAll(async () => {
    sg = await startTestSubgraph({ ...committees, workers: undefined }, kind);
  });
  afterAll(() => sg?.dispose());

  const consistent = async () => expect(await storedCommitteesAggregates(sg.db.prisma)).toEqual(await recomputeCommitteesAggregates(sg.db.prisma));

  it('are filled by the seed exactly as a recount says', async () => {
    const stored = await storedCommitteesAggregates(sg.db.prisma);
    expect(stored.communities).toHaveLength(112);
    expect(stored.ledger.length).toBeGreaterThan(112);
    await consistent();
  });

  it('follow representatives and ledger entries written one by one, in bulk and concurrently', async () => {
    const db = sg.db.prisma;
    const [a, b] = demoCommunities.map((c) => c.id);
    const fresh = await db.community.create({
      data: { id: `community-${randomUUID()}`, code: randomUUID(), name: '新社区', nameEn: 'New', streetId: demoCommunities[0]!.streetId },
    });
    const rep = (communityId: string, n: number) => ({
      id: `rep-${randomUUID()}`,
      communityId,
      name: `代表${n}`,
      gender: 'MALE' as const,
      constituency: 'RESIDENTS' as const,
    });
    const entry = (communityId: string, category: 'DONATION' | 'SPENDING', amountFen: number) => ({
      id: `le-${randomUUID()}`,
      communityId,
      category,
      amountFen,
      source: '测试',
      purpose: '测试',
      occurredOn: new Date('2026-11-01'),
    });
    const before = await balanceFen(db, a!);
    await Promise.all([
      ...Array.from({ length: 10 }, (_, n) => db.representative.create({ data: rep(n % 2 ? a! : fresh.id, n) })),
      db.representative.createMany({ data: [rep(b!, 100), rep(b!, 101), rep(fresh.id, 102)] }),
      ...Array.from({ length: 10 }, (_, n) => db.ledgerEntry.create({ data: entry(a!, n % 3 ? 'DONATION' : 'SPENDING', n % 3 ? 1_001 : -333) })),
      db.ledgerEntry.createMany({ data: [entry(fresh.id, 'DONATION', 5_000_00), entry(fresh.id, 'SPENDING', -1_234), entry(b!, 'DONATION', 7)] }),
    ]);
    await consistent();
    expect(await balanceFen(db, a!)).toBe(before + 6 * 1_001 - 4 * 333);

    const donated = await db.ledgerEntry.findFirstOrThrow({ where: { communityId: fresh.id, category: 'DONATION' } });
    await db.ledgerEntry.create({ data: { ...entry(fresh.id, 'SPENDING', -donated.amountFen), category: 'REVERSAL', reversesId: donated.id } });
    const moved = await db.representative.findFirstOrThrow({ where: { communityId: fresh.id } });
    await db.representative.update({ where: { id: moved.id }, data: { communityId: a! } });
    await db.representative.deleteMany({ where: { communityId: b!, name: { startsWith: '代表10' } } });
    await consistent();
    expect(await balanceFen(db, fresh.id)).toBe(-1_234);
  });
});
