import type { Logger } from '@shequ/kit';
import type { DB } from './db.js';
import { demoItems, demoSeries } from './demo/catalogue.js';
import { demoNetwork } from './demo/network.js';
import { demoProviders } from './demo/providers.js';
import { demoRequests, type DemoPoint } from './demo/requests.js';
import { startOfDay } from './loaders.js';

/**
 * Demo data: the catalogue (8 series, 57 items), 18 providers, tenders in every state with
 * their bids, a service point for each award, and a few hundred requests. Deterministic ids and
 * choices; dates count back from the day of the first start. Idempotent: existing rows stay.
 */
export async function seed(prisma: DB, log: Logger): Promise<void> {
  const now = new Date();
  const network = demoNetwork(startOfDay(now));
  const points: DemoPoint[] = network.points
    .filter((p) => p.communityId && (p.contractEnd as Date) > now)
    .map((p) => ({ id: p.id!, itemId: p.itemId, providerId: p.providerId, communityId: p.communityId!, contractStart: p.contractStart as Date }));
  const { requests, events } = demoRequests(now, points);
  const skip = { skipDuplicates: true } as const;
  // Parents before children: the foreign keys are checked row by row.
  const counts = {
    series: (await prisma.serviceSeries.createMany({ data: demoSeries, ...skip })).count,
    items: (await prisma.serviceItem.createMany({ data: demoItems, ...skip })).count,
    providers: (await prisma.serviceProvider.createMany({ data: demoProviders.map(({ series: _series, ...p }) => p), ...skip })).count,
    tenders: (await prisma.tender.createMany({ data: network.tenders, ...skip })).count,
    bids: (await prisma.tenderBid.createMany({ data: network.bids, ...skip })).count,
    points: (await prisma.servicePoint.createMany({ data: network.points, ...skip })).count,
    commitments: (await prisma.servicePointCommitment.createMany({ data: network.commitments, ...skip })).count,
    notices: (await prisma.servicePointNotice.createMany({ data: network.notices, ...skip })).count,
    requests: (await prisma.serviceRequest.createMany({ data: requests, ...skip })).count,
    events: (await prisma.serviceRequestEvent.createMany({ data: events, ...skip })).count,
  };
  if (Object.values(counts).some(Boolean)) log.info(counts, 'demo data seeded');
}
