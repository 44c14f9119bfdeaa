import { randomUUID } from 'node:crypto';
import { redisAvailable, testRedisUrl } from '@shequ/kit/testing';
import { describe, expect, it } from 'vitest';
import { createCallerLimiter } from '../src/rate-limiter.ts';

const hasRedis = await redisAvailable();

describe('per-caller limits', () => {
  it('allows a burst per window (the time the rate takes to earn it), saying when to come back', async () => {
    // 60 per minute with a burst of 3: 3 per 3 s.
    const limiter = createCallerLimiter({ perMinute: 60, burst: 3 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.take('a'));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    const refused = results[3]!;
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 3).toBe(true);
    expect((await limiter.take('b')).ok).toBe(true);
    await limiter.close();
  });

  it('charges batches after the fact, so the next request is refused', async () => {
    const limiter = createCallerLimiter({ perMinute: 60, burst: 5 });
    expect((await limiter.take('a')).ok).toBe(true);
    await limiter.charge('a', 9);
    expect((await limiter.take('a')).ok).toBe(false);
    await limiter.close();
  });

  it.skipIf(!hasRedis)('counts once for every replica through Redis', async () => {
    const replicas = [
      createCallerLimiter({ perMinute: 60, burst: 4, redisUrl: testRedisUrl }),
      createCallerLimiter({ perMinute: 60, burst: 4, redisUrl: testRedisUrl }),
    ];
    await Promise.all(replicas.map((r) => r.shared()));
    const caller = `sub:${randomUUID()}`;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await replicas[i % 2]!.take(caller)).ok);
    expect(answers).toEqual([true, true, true, true, false, false]);
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('limits per replica, without failing a request, when Redis cannot be reached', async () => {
    const errors: string[] = [];
    const limiter = createCallerLimiter({ perMinute: 60, burst: 2, redisUrl: 'redis://127.0.0.1:1', onStoreError: (m) => errors.push(m) });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await limiter.take('a')).ok);
    expect(answers).toEqual([true, true, false]);
    await limiter.close();
  });
});
