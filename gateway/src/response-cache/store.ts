// Where cached answers live: this process's memory by default, Redis when REDIS_URL is set, so
// that every gateway replica serves and invalidates the same entries. The Redis store is the kept
// @envelop/response-cache-redis; two things are added around it:
// - its index sets (type → answers, entity → answers) have no expiry and would grow with every
//   distinct answer ever cached, so each is given the answers' own lifetime when written;
// - Redis being away is a miss, not a failed request (the cache only ever saves work).
import type { Cache } from '@envelop/response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import { createInMemoryCache } from '@graphql-yoga/plugin-response-cache';
import { Redis } from 'ioredis';

export interface ResponseCacheStore {
  cache: Cache;
  close(): Promise<void>;
}

const KEY_PREFIX = 'shequ:response:';

export function createResponseCacheStore(options: { redisUrl?: string; maxEntries: number; onStoreError: (message: string) => void }): ResponseCacheStore {
  if (!options.redisUrl) return { cache: createInMemoryCache({ max: options.maxEntries }), close: async () => {} };
  // No offline queue and a short timeout: a request waits for Redis at most a moment.
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, keyPrefix: KEY_PREFIX });
  redis.on('error', (err: Error) => options.onStoreError(err.message));
  const entityKey = (typename: string, id: number | string) => `${typename}:${id}`;
  const answerKey = (responseId: string) => `operations:${responseId}`;
  // ioredis prefixes every key but not KEYS patterns, which the store only sends to invalidate a
  // whole type; the plugin never asks that (use-response-cache.ts), so no KEYS scan runs.
  const shared = createRedisCache({ redis, buildRedisEntityId: entityKey, buildRedisOperationResultCacheKey: answerKey });
  const failed = (error: unknown) => options.onStoreError((error as Error).message);
  const cache: Cache = {
    async get(responseId) {
      try {
        return await shared.get(responseId);
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(responseId, result, entities, ttl) {
      const list = [...entities];
      try {
        await shared.set(responseId, result, list, ttl);
        if (!Number.isFinite(ttl)) return;
        const pipeline = redis.pipeline();
        pipeline.pexpire(answerKey(responseId), ttl);
        for (const { typename, id } of list) {
          pipeline.pexpire(typename, ttl);
          if (id != null) pipeline.pexpire(entityKey(typename, id), ttl);
        }
        await pipeline.exec();
      } catch (error) {
        failed(error);
      }
    },
    async invalidate(entities) {
      try {
        await shared.invalidate(entities);
      } catch (error) {
        failed(error);
      }
    },
  };
  return { cache, close: async () => void (await redis.quit().catch(() => redis.disconnect())) };
}
