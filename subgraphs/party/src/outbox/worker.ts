import { outboxWorker, type BackgroundWorker, type SubgraphServices } from '@shequ/kit';
import type { DB } from '../db.js';
import { deliverDonation, donationKind, type Donation } from './donation.js';

export function outboxWorkers(shared: SubgraphServices<DB>): BackgroundWorker[] {
  return [
    outboxWorker(shared, {
      name: 'party',
      table: (prisma: DB) => prisma.outboxEvent,
      handlers: { [donationKind]: (services, payload) => deliverDonation(services, payload as Donation) },
    }),
  ];
}
