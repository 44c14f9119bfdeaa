// The response cache's Redis store: entries and their index sets expire with the answer (no
// growth without bound), and Redis being away is a miss, never a failed request.
import { randomUUID } from 'node:crypto';
import { redisAvailable, testRedisUrl } from '@shequ/kit/testing';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createResponseCacheStore } from '../src/response-cache/store.ts';

const redisUp = await redisAvailable();

describe('response cache store', () => {
  it.skipIf(!redisUp)('keeps an answer and its index sets for the answer’s lifetime only, and invalidates by entity', async () => {
    const errors: string[] = [];
    const store = createResponseCacheStore({ redisUrl: testRedisUrl, maxEntries: 10, onStoreError: (m) => errors.push(m) });
    const redis = new Redis(testRedisUrl);
    try {
      const key = `test-${randomUUID()}`;
      const type = `Community${randomUUID().slice(0, 8)}`;
      await new Promise((r) => setTimeout(r, 200));
      await store.cache.set(key, { data: { a: 1 } }, [{ typename: type, id: 'c1' }], 5_000);
      expect(await store.cache.get(key)).toEqual({ data: { a: 1 } });
      for (const indexKey of [type, `${type}:c1`, `operations:${key}`]) {
        const ttl = await redis.pttl(`shequ:response:${indexKey}`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(5_000);
      }
      await store.cache.invalidate([{ typename: type, id: 'c1' }]);
      expect(await store.cache.get(key)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      redis.disconnect();
      await store.close();
    }
  });

  it('answers a miss, and stores and invalidates nothing, while Redis cannot be reached', async () => {
    const errors: string[] = [];
    const store = createResponseCacheStore({ redisUrl: 'redis://127.0.0.1:1', maxEntries: 10, onStoreError: (m) => errors.push(m) });
    try {
      await store.cache.set('k', { data: {} }, [{ typename: 'T', id: 1 }], 1_000);
      expect(await store.cache.get('k')).toBeUndefined();
      await store.cache.invalidate([{ typename: 'T', id: 1 }]);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
