// Whether the machine's Redis answers, for the tests that need one (they are skipped, loudly, without).
import { Redis } from 'ioredis';
import { testSettings } from '../config/tools.js';

export const testRedisUrl = testSettings().redisUrl;

let reachable: Promise<boolean> | undefined;

/** Whether Redis answers; when it does not, says so loudly (its tests are then skipped). */
export function redisAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new Redis(testRedisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch (err) {
      console.warn(`\n!!! Redis at ${testRedisUrl} is not reachable (${(err as Error).message}); its tests are SKIPPED !!!\n`);
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return reachable;
}
