// The shared-stream multicast on its own: one upstream per key, the latest message per item for
// late joiners, one queued message per item for a slow subscriber, the upstream closed when the
// last subscriber leaves, and its end or failure reaching everyone.
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SharedStreams } from '../src/shared-streams.ts';

/** An upstream we push messages into by hand, which records whether it was returned. */
function upstream() {
  const queue: ExecutionResult[] = [];
  let waiting: ((r: IteratorResult<ExecutionResult>) => void) | undefined;
  let failWaiting: ((e: unknown) => void) | undefined;
  const state = { returned: false, starts: 0 };
  const iterable: AsyncIterable<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      state.starts++;
      return {
        next: () => {
          const next = queue.shift();
          if (next) return Promise.resolve({ value: next, done: false });
          if (state.returned) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve, reject) => {
            waiting = resolve;
            failWaiting = reject;
          });
        },
        return: () => {
          state.returned = true;
          waiting?.({ value: undefined, done: true });
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    },
  };
  return {
    iterable,
    state,
    push(message: ExecutionResult) {
      if (waiting) {
        const w = waiting;
        waiting = undefined;
        w({ value: message, done: false });
      } else queue.push(message);
    },
    end() {
      state.returned = true;
      waiting?.({ value: undefined, done: true });
    },
    fail(error: unknown) {
      failWaiting?.(error);
    },
  };
}

const bySlot = (m: ExecutionResult) => String((m.data as { item?: { id: string } } | undefined)?.item?.id ?? '');
const item = (id: string, n: number): ExecutionResult => ({ data: { item: { id, n } } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function take(it: AsyncIterator<ExecutionResult>, count: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) out.push((await it.next()).value?.data);
  return out;
}

describe('shared streams', () => {
  it('start one upstream per key, and give a late joiner the latest message of each item first', async () => {
    const streams = new SharedStreams();
    const up = upstream();
    const first = (await streams.join('k', () => up.iterable, bySlot)) as AsyncIterableIterator<ExecutionResult>;
    for (const [id, n] of [
      ['a', 1],
      ['b', 1],
      ['a', 2],
    ] as const) {
      up.push(item(id, n));
      expect(await take(first, 1)).toEqual([{ item: { id, n } }]);
    }
    const late = (await streams.join('k', () => upstream().iterable, bySlot)) as AsyncIterableIterator<ExecutionResult>;
    expect(up.state.starts).toBe(1);
    expect(streams.size).toBe(1);
    expect(new Set((await take(late, 2)).map((d) => JSON.stringify(d)))).toEqual(
      new Set([JSON.stringify({ item: { id: 'a', n: 2 } }), JSON.stringify({ item: { id: 'b', n: 1 } })]),
    );
    up.push(item('b', 2));
    expect(await take(first, 1)).toEqual([{ item: { id: 'b', n: 2 } }]);
    expect(await take(late, 1)).toEqual([{ item: { id: 'b', n: 2 } }]);
  });

  it('keep one message per item for a subscriber that does not read, the newest', async () => {
    const streams = new SharedStreams();
    const up = upstream();
    const slow = (await streams.join('k', () => up.iterable, bySlot)) as AsyncIterableIterator<ExecutionResult>;
    for (let n = 1; n <= 100; n++) up.push(item(n % 2 ? 'a' : 'b', n));
    await tick();
    expect(await take(slow, 2)).toEqual([{ item: { id: 'a', n: 99 } }, { item: { id: 'b', n: 100 } }]);
  });

  it('close the upstream when the last subscriber leaves, and start a new one for the next', async () => {
    const streams = new SharedStreams();
    const up = upstream();
    const [one, two] = (await Promise.all([
      streams.join('k', () => up.iterable, bySlot),
      streams.join('k', () => up.iterable, bySlot),
    ])) as AsyncIterableIterator<ExecutionResult>[];
    await one!.return!();
    expect(up.state.returned).toBe(false);
    await two!.return!();
    expect(up.state.returned).toBe(true);
    expect(streams.size).toBe(0);
    const again = upstream();
    await streams.join('k', () => again.iterable, bySlot);
    expect(again.state.starts).toBe(1);
  });

  it('end every subscriber when the upstream ends, and pass a failure on to each', async () => {
    const streams = new SharedStreams();
    const up = upstream();
    const a = (await streams.join('k', () => up.iterable, bySlot)) as AsyncIterableIterator<ExecutionResult>;
    const b = (await streams.join('k', () => up.iterable, bySlot)) as AsyncIterableIterator<ExecutionResult>;
    up.push(item('a', 1));
    up.end();
    expect(await take(a, 1)).toEqual([{ item: { id: 'a', n: 1 } }]);
    expect((await a.next()).done).toBe(true);
    await take(b, 1);
    expect((await b.next()).done).toBe(true);
    expect(streams.size).toBe(0);

    const failing = upstream();
    const c = (await streams.join('f', () => failing.iterable, bySlot)) as AsyncIterableIterator<ExecutionResult>;
    const pending = c.next();
    failing.fail(new Error('socket closed'));
    await expect(pending).rejects.toThrow('socket closed');
  });

  it('give a refusal (no stream) to everyone who asked meanwhile, without keeping it', async () => {
    const streams = new SharedStreams();
    let starts = 0;
    const refuse = async () => {
      starts++;
      await tick();
      return { errors: [{ message: 'Forbidden' }] } as unknown as ExecutionResult;
    };
    const answers = await Promise.all([streams.join('k', refuse, bySlot), streams.join('k', refuse, bySlot)]);
    expect(answers).toEqual([{ errors: [{ message: 'Forbidden' }] }, { errors: [{ message: 'Forbidden' }] }]);
    expect(starts).toBe(1);
    await streams.join('k', refuse, bySlot);
    expect(starts).toBe(2);
  });
});
