import { outboxWorker, type BackgroundWorker, type SubgraphServices } from '@shequ/kit';
import type { DB } from '../db.js';
import { badRatingKind, deliverBadRating, type BadRating } from './bad-rating.js';

export function outboxWorkers(shared: SubgraphServices<DB>): BackgroundWorker[] {
  return [
    outboxWorker(shared, {
      name: 'services',
      table: (prisma: DB) => prisma.outboxEvent,
      handlers: { [badRatingKind]: (services, payload) => deliverBadRating(services, payload as BadRating) },
      // Without a gateway (a subgraph started alone) nothing can be delivered: the table is left alone.
      canDeliver: () => shared.services.reachable(),
    }),
  ];
}
