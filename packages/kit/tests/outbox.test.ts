import { describe, expect, it, vi } from 'vitest';
import { createLogger, createOutboxDispatcher, retryDelayMs, type OutboxEvent, type OutboxStore } from '../src/index.js';

/** An in-memory outbox table with the same claim semantics as the Prisma store. */
function memoryStore(events: OutboxEvent[]) {
  const rows = events.map((e) => ({ ...e, nextAttemptAt: new Date(0), deliveredAt: null as Date | null, lastError: null as string | null }));
  const store: OutboxStore = {
    async claimDue(now, leaseUntil, limit) {
      const due = rows.filter((r) => !r.deliveredAt && r.nextAttemptAt <= now).slice(0, limit);
      for (const r of due) r.nextAttemptAt = leaseUntil;
      return due.map(({ id, kind, payload, attempts }) => ({ id, kind, payload, attempts }));
    },
    async markDelivered(id, at) {
      rows.find((r) => r.id === id)!.deliveredAt = at;
    },
    async markFailed(id, attempts, nextAttemptAt, error) {
      Object.assign(rows.find((r) => r.id === id)!, { attempts, nextAttemptAt, lastError: error });
    },
  };
  return { rows, store };
}

const log = createLogger('outbox-test', 'silent');

describe('outbox dispatcher', () => {
  it('leaves the table alone while nothing can be delivered, and delivers once it can', async () => {
    const { rows, store } = memoryStore([{ id: 'e1', kind: 'k', payload: {}, attempts: 0 }]);
    const claims = vi.spyOn(store, 'claimDue');
    let reachable = false;
    const deliver = vi.fn(async () => {});
    const dispatcher = createOutboxDispatcher({ name: 't', store, deliver, canDeliver: () => reachable, log, pollMs: 10 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(claims).not.toHaveBeenCalled();
      expect(rows[0]!.attempts).toBe(0);
      reachable = true;
      await vi.waitFor(() => expect(rows[0]!.deliveredAt).not.toBeNull());
      expect(deliver).toHaveBeenCalledTimes(1);
    } finally {
      await dispatcher.stop();
    }
  });

  it('retries a failing delivery with backoff until the receiver acknowledges, then never again', async () => {
    const { rows, store } = memoryStore([{ id: 'e1', kind: 'k', payload: { n: 1 }, attempts: 0 }]);
    let receiverUp = false;
    const deliveries: string[] = [];
    const deliver = vi.fn(async (e: OutboxEvent) => {
      if (!receiverUp) throw new Error('receiver down');
      deliveries.push(e.id);
    });
    const dispatcher = createOutboxDispatcher({ name: 't', store, deliver, log, pollMs: 10, baseDelayMs: 5, maxDelayMs: 20 });
    try {
      await vi.waitFor(() => expect(rows[0]!.attempts).toBeGreaterThanOrEqual(3));
      expect(rows[0]!.lastError).toBe('receiver down');
      expect(rows[0]!.deliveredAt).toBeNull();
      receiverUp = true;
      await vi.waitFor(() => expect(rows[0]!.deliveredAt).not.toBeNull());
      const calls = deliver.mock.calls.length;
      await new Promise((r) => setTimeout(r, 60));
      expect(deliver.mock.calls.length).toBe(calls);
      expect(deliveries).toEqual(['e1']);
    } finally {
      await dispatcher.stop();
    }
  });

  it('stops cleanly: waits for the delivery in flight and delivers nothing afterwards', async () => {
    const { rows, store } = memoryStore([{ id: 'e1', kind: 'k', payload: null, attempts: 0 }]);
    let release!: () => void;
    let signalStarted!: () => void;
    const started = new Promise<void>((r) => (signalStarted = r));
    const deliver = () => {
      signalStarted();
      return new Promise<void>((r) => (release = r));
    };
    const dispatcher = createOutboxDispatcher({ name: 't', store, deliver, log, pollMs: 10 });
    await started;
    const stopping = dispatcher.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(rows[0]!.deliveredAt).not.toBeNull();
    rows[0]!.deliveredAt = null;
    rows[0]!.nextAttemptAt = new Date(0);
    dispatcher.wake();
    await new Promise((r) => setTimeout(r, 40));
    expect(rows[0]!.deliveredAt).toBeNull();
  });

  it('backs off exponentially, with jitter, up to the maximum', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 100, 1_000, mid))).toEqual([100, 200, 400, 800, 1_000]);
    expect(retryDelayMs(1, 100, 1_000, () => 0)).toBe(80);
    expect(retryDelayMs(1, 100, 1_000, () => 0.999)).toBeLessThanOrEqual(120);
  });
});
