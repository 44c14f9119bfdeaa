// The outbox worker a subgraph runs: its dispatcher over its own OutboxEvent table, delivering
// each kind of event with the handler the subgraph names for it. The handlers (what an event
// means, which mutation takes it) stay in the subgraph; the loop and the wake-up live here once.
import type { ServiceClient } from '../federation/service-client.js';
import type { SubgraphServices } from '../schema/context.js';
import type { BackgroundWorker } from '../server/subgraph.js';
import { createOutboxDispatcher, type OutboxDispatcher, type OutboxDispatcherOptions, type OutboxEvent } from './dispatcher.js';
import { prismaOutboxStore, type OutboxTable } from './prisma-store.js';

/** Delivers one event's payload through the gateway as the subgraph; resolves once acknowledged. */
export type OutboxHandler = (services: ServiceClient, payload: unknown, event: OutboxEvent) => Promise<void>;

export interface OutboxWorkerOptions<DB>
  extends Pick<OutboxDispatcherOptions, 'pollMs' | 'baseDelayMs' | 'maxDelayMs' | 'batchSize' | 'leaseMs' | 'canDeliver'> {
  /** The subgraph's name, for the log. */
  name: string;
  /** The subgraph's OutboxEvent model delegate. */
  table: (prisma: DB) => OutboxTable;
  handlers: Record<string, OutboxHandler>;
}

// The running dispatcher per database client, so that a resolver that has just committed an
// event can have it delivered at once instead of at the next poll.
const dispatchers = new WeakMap<object, OutboxDispatcher>();

export function outboxWorker<DB extends object>(shared: SubgraphServices<DB>, options: OutboxWorkerOptions<DB>): BackgroundWorker {
  const { name, table, handlers, ...timing } = options;
  const deliver = async (event: OutboxEvent) => {
    const handler = handlers[event.kind];
    if (!handler) throw new Error(`no delivery for outbox events of kind ${event.kind}`);
    await handler(shared.services, event.payload, event);
  };
  const dispatcher = createOutboxDispatcher({ name, store: prismaOutboxStore(table(shared.prisma)), deliver, log: shared.log, ...timing });
  dispatchers.set(shared.prisma, dispatcher);
  return {
    stop: async () => {
      if (dispatchers.get(shared.prisma) === dispatcher) dispatchers.delete(shared.prisma);
      await dispatcher.stop();
    },
  };
}

/** Nudges the dispatcher after a commit; harmless when none runs (it polls anyway). */
export function wakeOutbox(prisma: object): void {
  dispatchers.get(prisma)?.wake();
}
