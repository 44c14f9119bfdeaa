import { describe, expect, it } from 'vitest';
import { memoryNonceStore } from '../src/auth/nonce-store.js';
import { redisNonceStore } from '../src/auth/redis-nonce-store.js';
import { createLogger } from '../src/logger.js';

const log = createLogger('test', 'silent');

describe('the seen-nonce store', () => {
  it('lets a nonce through once within its window', async () => {
    const store = memoryNonceStore();
    const until = Date.now() + 60_000;
    expect(await store.claim('nonce-0123456789abcdef', until)).toBe(true);
    expect(await store.claim('nonce-0123456789abcdef', until)).toBe(false);
    expect(await store.claim('nonce-fedcba9876543210', until)).toBe(true);
  });

  it('forgets nonces once their signatures have expired, so memory holds one window of requests', async () => {
    let now = 1_000_000;
    const store = memoryNonceStore(() => now);
    for (let i = 0; i < 1_000; i++) await store.claim(`old-nonce-${i}`, now + 5 * 60_000);
    expect(store.size()).toBe(1_000);
    now += 5 * 60_000 + 1;
    await store.claim('a-later-nonce-000', now + 5 * 60_000);
    expect(store.size()).toBe(1);
  });

  it('with Redis unreachable, still refuses what this process has seen, and answers at once', async () => {
    const store = redisNonceStore({ redisUrl: 'redis://127.0.0.1:1', log });
    try {
      const started = Date.now();
      expect(await store.claim('nonce-while-redis-is-down', Date.now() + 60_000)).toBe(true);
      expect(await store.claim('nonce-while-redis-is-down', Date.now() + 60_000)).toBe(false);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await store.close();
    }
  });
});
