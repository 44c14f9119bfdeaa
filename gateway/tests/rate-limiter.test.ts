import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the per-minute rate, saying when to come back', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now += 1_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
  });

  it('charges batches after the fact, so the next request waits longer', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 5, () => now);
    expect(limiter.take('a').ok).toBe(true);
    limiter.charge('a', 9);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    now += 6_000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('keeps at most maxKeys callers, forgetting idle ones before limited ones', () => {
    let now = 0;
    const many = new RateLimiter(60, 2, () => now, 100);
    for (let i = 0; i < 1_000; i++) many.take(`ip:${i}`);
    expect(many.size).toBeLessThanOrEqual(100);

    const limiter = new RateLimiter(60, 2, () => now, 10);
    for (let i = 0; i < 9; i++) limiter.take(`idle:${i}`);
    now = 900;
    limiter.take('busy');
    limiter.take('busy');
    now = 1_000; // the idle ones are full again; busy has 0.1 tokens
    limiter.take('newcomer');
    expect(limiter.size).toBe(2);
    expect(limiter.take('busy').ok).toBe(false); // still remembered as limited
  });
});
