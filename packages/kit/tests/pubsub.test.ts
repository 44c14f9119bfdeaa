import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createHubPubSub } from '../src/events/pubsub.js';
import { createLogger } from '../src/logger.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisUp(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    console.warn(`\n!!! Redis at ${redisUrl} is not reachable; its pubsub tests are SKIPPED !!!\n`);
    return false;
  } finally {
    client.disconnect();
  }
}

const log = createLogger('test', 'silent');
const redisReady = await redisUp();

describe('hub pubsub', () => {
  it('delivers in-process events to subscribers of the topic only', async () => {
    const { pubsub, close } = await createHubPubSub({ log });
    const events = pubsub.subscribe('a')[Symbol.asyncIterator]();
    const next = events.next();
    pubsub.publish('b', 'not for a');
    pubsub.publish('a', 'for a');
    expect((await next).value).toBe('for a');
    await events.return?.();
    await close();
  });

  describe.skipIf(!redisReady)('over Redis', () => {
    it('fans events out between two handles, and a closed connection never leaves an unhandled rejection', async () => {
      const a = await createHubPubSub({ redisUrl, log, prefix: 'shequ:kit-test:' });
      const b = await createHubPubSub({ redisUrl, log, prefix: 'shequ:kit-test:' });
      const events = b.pubsub.subscribe(`topic-${process.pid}`)[Symbol.asyncIterator]();
      const next = events.next();
      // The subscription reaches Redis asynchronously: publish until it is there.
      const timer = setInterval(() => a.pubsub.publish(`topic-${process.pid}`, { n: 1 }), 50);
      expect((await next).value).toEqual({ n: 1 });
      clearInterval(timer);
      // Unsubscribing and publishing after close: the commands fail, quietly.
      await b.close();
      await events.return?.();
      await a.close();
      a.pubsub.publish(`topic-${process.pid}`, { n: 2 });
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
  });
});
