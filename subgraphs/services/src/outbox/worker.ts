import { createOutboxDispatcher, prismaOutboxStore, type BackgroundWorker, type OutboxDispatcher, type OutboxEvent, type SubgraphServices } from '@shequ/kit';
import type { DB } from '../db.js';
import { badRatingKind, deliverBadRating, type BadRating } from './bad-rating.js';

// The running dispatcher per database client, so that a resolver that has just committed an
// event can have it delivered at once instead of at the next poll.
const dispatchers = new WeakMap<object, OutboxDispatcher>();

export function outboxWorkers(shared: SubgraphServices<DB>): BackgroundWorker[] {
  const deliver = async (event: OutboxEvent) => {
    if (event.kind !== badRatingKind) throw new Error(`no delivery for outbox events of kind ${event.kind}`);
    await deliverBadRating(shared.services, event.payload as BadRating);
  };
  // Without a gateway (a subgraph started alone) nothing can be delivered: the table is left alone.
  const dispatcher = createOutboxDispatcher({
    name: 'services',
    store: prismaOutboxStore(shared.prisma.outboxEvent),
    deliver,
    canDeliver: () => shared.services.reachable(),
    log: shared.log,
  });
  dispatchers.set(shared.prisma, dispatcher);
  return [
    {
      stop: async () => {
        if (dispatchers.get(shared.prisma) === dispatcher) dispatchers.delete(shared.prisma);
        await dispatcher.stop();
      },
    },
  ];
}

/** Nudges the dispatcher after a commit; harmless when none runs (it polls anyway). */
export function wakeOutbox(prisma: object): void {
  dispatchers.get(prisma)?.wake();
}
