// Delivering what a subgraph owes the others (money following a task, …). Events are written to
// the subgraph's own outbox table in the same transaction as the change they announce; this loop
// delivers them until the receiver acknowledges, backing off while it cannot. Receivers apply
// events idempotently by id, so a delivery repeated after a crash or a lost answer is harmless.
import type { Logger } from '../logger.js';
import type { BackgroundWorker } from '../server/subgraph.js';

export interface OutboxEvent {
  /** The event id the receiver dedupes by. */
  id: string;
  kind: string;
  payload: unknown;
  /** Failed deliveries so far. */
  attempts: number;
}

/** The subgraph's outbox table, seen by the dispatcher. */
export interface OutboxStore {
  /**
   * Up to `limit` undelivered events due at `now`, oldest first, each leased until `leaseUntil`
   * so that another replica's dispatcher skips them meanwhile.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<OutboxEvent[]>;
  markDelivered(id: string, at: Date): Promise<void>;
  markFailed(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
}

export interface OutboxDispatcherOptions {
  name: string;
  store: OutboxStore;
  /** Resolves once the receiver has acknowledged the event; throws to retry later. */
  deliver: (event: OutboxEvent) => Promise<void>;
  /**
   * False while no delivery can succeed (no gateway known yet, say): the dispatcher then leaves
   * the table alone instead of claiming events only to fail them. Default: always true.
   */
  canDeliver?: () => boolean;
  log: Logger;
  /** How often to look for due events when nothing woke the dispatcher. */
  pollMs?: number;
  /** Delay before the first retry; doubles per failed attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  batchSize?: number;
  /** How long a claimed event is hidden from other dispatchers while it is being delivered. */
  leaseMs?: number;
}

export interface OutboxDispatcher extends BackgroundWorker {
  /** Looks for due events now, e.g. right after a transaction wrote one. */
  wake(): void;
}

/** Attempts after which a still undelivered event is logged as an error rather than a warning. */
const LOUD_AFTER_ATTEMPTS = 10;

export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  // Jitter, so that many events failing together do not retry in lockstep.
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { store, deliver, log } = options;
  const pollMs = options.pollMs ?? 1_000;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 30_000;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let wakeRequested = false;

  /** Delivers one event; returns what went wrong, or null once acknowledged. */
  const attempt = async (event: OutboxEvent): Promise<{ id: string; attempts: number; error: string } | null> => {
    try {
      await deliver(event);
      await store.markDelivered(event.id, new Date());
      log.info({ outbox: options.name, eventId: event.id, kind: event.kind, attempts: event.attempts + 1 }, 'outbox event delivered');
      return null;
    } catch (err) {
      const attempts = event.attempts + 1;
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await store.markFailed(event.id, attempts, new Date(Date.now() + retryDelayMs(attempts, baseDelayMs, maxDelayMs)), error);
      return { id: event.id, attempts, error };
    }
  };

  /** One pass; true when a full batch was due, so more may be waiting. */
  const pass = async (): Promise<boolean> => {
    if (options.canDeliver && !options.canDeliver()) return false;
    const now = new Date();
    const due = await store.claimDue(now, new Date(now.getTime() + leaseMs), batchSize);
    // One at a time: a receiver that is struggling is not flooded, and order is kept.
    const failures = [];
    for (const event of due) {
      const failure = await attempt(event);
      if (failure) failures.push(failure);
    }
    if (failures.length) {
      // One line per pass rather than per event: an outage would otherwise flood the log.
      const attempts = Math.max(...failures.map((f) => f.attempts));
      log[attempts >= LOUD_AFTER_ATTEMPTS ? 'error' : 'warn'](
        { outbox: options.name, failed: failures.length, eventIds: failures.slice(0, 5).map((f) => f.id), attempts, error: failures[0]!.error },
        'outbox deliveries failed; will retry with backoff',
      );
    }
    return due.length === batchSize;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref?.();
  };

  function run() {
    if (stopped || current) return;
    wakeRequested = false;
    current = pass()
      .catch((err: unknown) => {
        log.error({ outbox: options.name, err }, 'outbox pass failed');
        return false;
      })
      .then((more) => {
        current = undefined;
        schedule(more || wakeRequested ? 0 : pollMs);
      });
  }

  schedule(0);
  return {
    wake() {
      if (stopped) return;
      if (current) wakeRequested = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
