// Per-caller limits on rate-limiter-flexible: `burst` operations per window, the window being the
// time `perMinute` takes to earn them again (600/min with a burst of 120: 120 per 12 s). In
// memory, per gateway process, by default; in Redis when REDIS_URL is set, so that N replicas
// allow the rate once rather than N times. When Redis cannot answer, each replica goes on
// limiting on its own (the library's insurance limiter) instead of refusing or letting all through.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface CallerLimiter {
  /** Takes `cost` operations from the caller's allowance; refuses when it is spent. */
  take(key: string, cost?: number): Promise<Taken>;
  /** Charges what an already admitted request turned out to cost (an HTTP batch). */
  charge(key: string, cost: number): Promise<void>;
  /** Resolves once the shared store answers (at once without one); until then each replica counts alone. */
  shared(): Promise<void>;
  close(): Promise<void>;
}

export interface CallerLimits {
  perMinute: number;
  burst: number;
  /** Shared store; unset: this process only. */
  redisUrl?: string;
  /** Told (rarely) when Redis cannot answer; the URL may hold a password, so it is never logged. */
  onStoreError?: (message: string) => void;
}

const KEY_PREFIX = 'shequ:rate:';

export function createCallerLimiter(limits: CallerLimits): CallerLimiter {
  const options = { points: limits.burst, duration: Math.max(1, Math.round((limits.burst * 60) / limits.perMinute)) };
  const memory = new RateLimiterMemory({ ...options, keyPrefix: KEY_PREFIX });
  let client: Redis | undefined;
  let limiter: RateLimiterAbstract = memory;
  if (limits.redisUrl) {
    // No offline queue and a short timeout: a request waits for Redis at most a moment.
    client = new Redis(limits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500 });
    client.on('error', (err: Error) => limits.onStoreError?.(err.message));
    limiter = new RateLimiterRedis({ ...options, keyPrefix: KEY_PREFIX, storeClient: client, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  }
  return {
    async take(key, cost = 1) {
      try {
        await limiter.consume(key, cost);
        return { ok: true };
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        // The refused attempt is counted too; the window's end clears it with the rest.
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
      }
    },
    async charge(key, cost) {
      await limiter.penalty(key, cost);
    },
    shared: () => (client && client.status !== 'ready' ? new Promise<void>((resolve) => client!.once('ready', () => resolve())) : Promise.resolve()),
    async close() {
      await client?.quit().catch(() => client?.disconnect());
    },
  };
}
