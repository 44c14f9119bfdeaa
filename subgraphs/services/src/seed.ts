import { bulkInsert, lazy, seedDemoTables, type Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { demoItems, demoSeries } from './demo/catalogue.js';
import { demoNetwork } from './demo/network.js';
import { demoProviders } from './demo/providers.js';
import { demoRequests, type DemoPoint } from './demo/requests.js';
import { startOfDay } from './loaders.js';

/**
 * Demo data: the catalogue (8 series, 57 items), 18 providers, tenders in every state with
 * their bids, a service point for each award with its notices (its commitments are departments'), and a few
 * hundred requests. Deterministic ids and
 * choices, but for the requests' ids, random as filed ones are (they are public and lead to a
 * resident); dates count back from the day of the first start. Idempotent: once seeded a restart
 * builds and sends nothing.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const now = new Date();
  const network = lazy(() => demoNetwork(startOfDay(now)));
  const requests = lazy(() => {
    const points: DemoPoint[] = network()
      .points.filter((p) => p.communityId && (p.contractEnd as Date) > now)
      .map((p) => ({ id: p.id!, itemId: p.itemId, providerId: p.providerId, communityId: p.communityId!, contractStart: p.contractStart as Date }));
    return demoRequests(now, points);
  });
  // Parents before children: the foreign keys are checked row by row.
  const seeded = await seedDemoTables(prisma, [
    { table: 'ServiceSeries', rows: () => demoSeries },
    { table: 'ServiceItem', rows: () => demoItems },
    { table: 'ServiceProvider', rows: () => demoProviders.map(({ series: _series, ...p }) => p) },
    { table: 'Tender', rows: () => network().tenders },
    { table: 'TenderBid', rows: () => network().bids },
    { table: 'ServicePoint', rows: () => network().points },
    { table: 'ServicePointNotice', rows: () => network().notices },
    // A request's bad-rating event goes with it: evaluations opens its rectification case once delivered.
    { table: 'ServiceRequest', rows: () => requests().requests, afterInsert: (tx) => bulkInsert(tx, 'OutboxEvent', requests().outbox) },
    { table: 'ServiceRequestEvent', rows: () => requests().events },
  ]);
  if (seeded) log.info(seeded, 'demo data seeded');
}
