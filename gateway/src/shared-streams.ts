// One upstream stream shared by every subscriber of the same state feed. A thousand screens
// showing the same turnout cost one subgraph subscription, one execution per event and one
// upstream message, not a thousand; only the last step, writing to each socket, is per screen.
//
// Each message belongs to a slot (the item it is the state of) and supersedes the slot's previous
// message. The stream keeps the latest message of each slot, so a subscriber who joins later gets
// the current state first, and each subscriber has a queue that keeps one message per slot: a
// slow screen skips states it had no time to show, never the latest one, and holds at most one
// message per item however far behind it is. The upstream stream is closed as soon as its last
// subscriber leaves.
import type { ExecutionResult } from 'graphql';
import { isAsyncIterable } from './is-async-iterable.ts';

type Result = ExecutionResult;
type Started = AsyncIterable<Result> | Result;

/** Names the slot of a message. */
export type SlotOf = (message: Result) => string;

export class SharedStreams {
  private readonly streams = new Map<string, Promise<Stream | Result>>();

  /** Upstream streams open now. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Joins the stream `key`, starting it with `start` when there is none. `start` gets a signal
   * that aborts when the stream closes. An answer that is not a stream (the subscription was
   * refused) goes to everyone who asked meanwhile, and is not kept.
   */
  async join(key: string, start: (signal: AbortSignal) => Promise<Started> | Started, slotOf: SlotOf): Promise<Started> {
    for (;;) {
      let entry = this.streams.get(key);
      if (!entry) {
        entry = this.open(key, start, slotOf);
        this.streams.set(key, entry);
      }
      const stream = await entry;
      if (!(stream instanceof Stream)) return stream;
      // It closed between being found and being joined: its last subscriber left. Start another.
      if (stream.closed) continue;
      return stream.subscribe();
    }
  }

  private async open(key: string, start: (signal: AbortSignal) => Promise<Started> | Started, slotOf: SlotOf): Promise<Stream | Result> {
    const abort = new AbortController();
    let started: Started;
    try {
      started = await start(abort.signal);
    } catch (error) {
      this.streams.delete(key);
      throw error;
    }
    if (!isAsyncIterable<Result>(started)) {
      this.streams.delete(key);
      return started;
    }
    const forget = () => {
      if (this.streams.get(key) === entry) this.streams.delete(key);
      abort.abort(new Error('no subscribers left'));
    };
    const stream = new Stream(started, slotOf, forget);
    const entry = Promise.resolve(stream);
    this.streams.set(key, entry);
    return stream;
  }
}

class Stream {
  closed = false;
  private ended = false;
  private failure: { error: unknown } | undefined;
  private readonly latest = new Map<string, Result>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly source: AsyncIterator<Result>;

  constructor(
    source: AsyncIterable<Result>,
    private readonly slotOf: SlotOf,
    private readonly onClose: () => void,
  ) {
    this.source = source[Symbol.asyncIterator]();
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for (let next = await this.source.next(); !next.done; next = await this.source.next()) {
        const slot = this.slotOf(next.value);
        this.latest.delete(slot);
        this.latest.set(slot, next.value);
        for (const subscriber of this.subscribers) subscriber.offer(slot, next.value);
        if (this.closed) return;
      }
    } catch (error) {
      this.failure = { error };
    }
    this.ended = true;
    for (const subscriber of this.subscribers) subscriber.end(this.failure);
    this.close();
  }

  subscribe(): Subscriber {
    const subscriber = new Subscriber(() => this.leave(subscriber));
    for (const [slot, message] of this.latest) subscriber.offer(slot, message);
    if (this.ended) subscriber.end(this.failure);
    else this.subscribers.add(subscriber);
    return subscriber;
  }

  private leave(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    if (!this.ended) void Promise.resolve(this.source.return?.()).catch(() => {});
  }
}

/** One subscriber's view of a stream: an async iterator over a queue of one message per slot. */
class Subscriber implements AsyncIterableIterator<Result> {
  private readonly queue = new Map<string, Result>();
  private waiting: { resolve: (r: IteratorResult<Result>) => void; reject: (e: unknown) => void } | undefined;
  private sourceEnded: { failure: { error: unknown } | undefined } | undefined;
  private finished = false;

  constructor(private readonly onLeave: () => void) {}

  offer(slot: string, message: Result): void {
    if (this.finished) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: message, done: false });
      return;
    }
    // In its place in the queue: what the screen shows moves on in the order things happened.
    this.queue.set(slot, message);
  }

  end(failure: { error: unknown } | undefined): void {
    this.sourceEnded = { failure };
    if (!this.waiting) return;
    const { resolve, reject } = this.waiting;
    this.waiting = undefined;
    this.finish();
    if (failure) reject(failure.error);
    else resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<Result>> {
    const first = this.queue.entries().next();
    if (!first.done) {
      const [slot, message] = first.value;
      this.queue.delete(slot);
      return Promise.resolve({ value: message, done: false });
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    if (this.sourceEnded) {
      const { failure } = this.sourceEnded;
      this.finish();
      return failure ? Promise.reject(failure.error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<Result>> {
    if (!this.finished) {
      this.finish();
      this.queue.clear();
      this.onLeave();
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<Result>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.finished = true;
  }
}
