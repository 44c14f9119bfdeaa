// An OutboxStore over a subgraph's own Prisma model with the conventional columns:
// id, kind, payload (Json), attempts, nextAttemptAt, lastError, deliveredAt, createdAt.
import type { OutboxEvent, OutboxStore } from './dispatcher.js';

interface OutboxRow extends OutboxEvent {
  nextAttemptAt: Date;
}

/**
 * The slice of a generated Prisma model delegate the store uses. Prisma's own method types are
 * generic over each model's argument types, so the delegate is accepted structurally.
 */
export interface OutboxTable {
  findMany(args: any): Promise<unknown[]>;
  updateMany(args: any): Promise<{ count: number }>;
}

export function prismaOutboxStore(table: OutboxTable): OutboxStore {
  return {
    async claimDue(now, leaseUntil, limit) {
      const due = (await table.findMany({
        where: { deliveredAt: null, nextAttemptAt: { lte: now } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, kind: true, payload: true, attempts: true, nextAttemptAt: true },
      })) as OutboxRow[];
      const claimed: OutboxEvent[] = [];
      for (const row of due) {
        // Compare-and-set on nextAttemptAt: only one dispatcher wins an event per round.
        const { count } = await table.updateMany({
          where: { id: row.id, deliveredAt: null, nextAttemptAt: row.nextAttemptAt },
          data: { nextAttemptAt: leaseUntil },
        });
        if (count === 1) claimed.push({ id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts });
      }
      return claimed;
    },
    async markDelivered(id, at) {
      await table.updateMany({ where: { id }, data: { deliveredAt: at, lastError: null } });
    },
    async markFailed(id, attempts, nextAttemptAt, error) {
      await table.updateMany({ where: { id, deliveredAt: null }, data: { attempts, nextAttemptAt, lastError: error } });
    },
  };
}
