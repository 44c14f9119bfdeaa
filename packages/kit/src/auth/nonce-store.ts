// One-time gateway requests: a subgraph remembers each signed request's nonce until its signature
// expires, and refuses the nonce a second time. In memory per process by default; through Redis
// when REDIS_URL is set, so that a request captured on its way to one replica cannot be run on
// another (./redis-nonce-store.ts).
import type { Logger } from '../logger.js';

export interface NonceStore {
  /** True the first time `nonce` is seen before `expiresAt` (epoch ms), false for a repeat. */
  claim(nonce: string, expiresAt: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How often expired nonces are dropped: memory stays bounded by the requests of one window. */
const SWEEP_EVERY_MS = 15_000;

export function memoryNonceStore(now: () => number = Date.now): NonceStore & { size(): number } {
  const seen = new Map<string, number>();
  let lastSweep = now();
  const sweep = (at: number) => {
    for (const [nonce, expiresAt] of seen) if (expiresAt <= at) seen.delete(nonce);
    lastSweep = at;
  };
  return {
    async claim(nonce, expiresAt) {
      const at = now();
      if (at - lastSweep >= SWEEP_EVERY_MS) sweep(at);
      const known = seen.get(nonce);
      if (known !== undefined && known > at) return false;
      seen.set(nonce, expiresAt);
      return true;
    },
    size: () => seen.size,
    close: async () => seen.clear(),
  };
}

export async function createNonceStore(options: { redisUrl?: string | undefined; log: Logger }): Promise<NonceStore> {
  if (!options.redisUrl) return memoryNonceStore();
  // Only a hub that uses Redis pays for loading its client.
  const { redisNonceStore } = await import('./redis-nonce-store.js');
  return redisNonceStore({ ...options, redisUrl: options.redisUrl });
}
