// The seen-nonce store shared by every replica of every subgraph: SET NX with the time left until
// the signature expires, so Redis forgets each nonce as soon as it could no longer be used.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { memoryNonceStore, type NonceStore } from './nonce-store.js';

const KEY_PREFIX = 'shequ:gateway-nonce:';
const WARN_INTERVAL_MS = 10_000;

export function redisNonceStore(options: { redisUrl: string; log: Logger }): NonceStore {
  // No offline queue and a short timeout: a request waits for Redis at most a moment.
  const client = new Redis(options.redisUrl, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  // The URL may carry a password: log the condition, never the URL.
  client.on('error', (err: Error) => warn(err.message));
  // This process's own nonces are kept too: when Redis cannot answer, a replica still refuses
  // what it has seen itself, and the hub keeps serving (only cross-replica repeats slip through).
  const local = memoryNonceStore();
  let lastWarning = 0;
  function warn(error: string) {
    if (Date.now() - lastWarning < WARN_INTERVAL_MS) return;
    lastWarning = Date.now();
    options.log.warn({ err: error }, 'redis nonce store unavailable; repeats are refused per replica only');
  }
  return {
    async claim(nonce, expiresAt) {
      if (!(await local.claim(nonce, expiresAt))) return false;
      const ttl = Math.max(1, Math.ceil(expiresAt - Date.now()));
      try {
        return (await client.set(`${KEY_PREFIX}${nonce}`, '1', 'PX', ttl, 'NX')) === 'OK';
      } catch (err) {
        warn((err as Error).message);
        return true;
      }
    },
    close: async () => {
      await local.close();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
