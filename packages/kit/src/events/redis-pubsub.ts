// Events through Redis, so that with several replicas of a subgraph every subscriber sees every
// event. Loaded only when REDIS_URL is set.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { HubPubSub, PubSubHandle } from './pubsub.js';

export function createRedisPubSub(options: { redisUrl: string; log: Logger; prefix?: string }): PubSubHandle {
  const connect = () => new Redis(options.redisUrl, { keyPrefix: options.prefix, lazyConnect: false, maxRetriesPerRequest: 3, enableOfflineQueue: true });
  const publishClient = connect();
  const subscribeClient = connect();
  let closing = false;
  for (const client of [publishClient, subscribeClient]) {
    // The URL may carry a password: log the condition, never the URL.
    client.on('error', (err: Error) => options.log.warn({ err: err.message }, 'redis connection problem'));
  }
  // The event target fires publish/subscribe/unsubscribe without awaiting them: when Redis is
  // down (or closing) their rejections would be unhandled and end the process. Handle them here.
  const handled = <K extends 'publish' | 'subscribe' | 'unsubscribe'>(client: Redis, method: K) => {
    const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
    (client as unknown as Record<K, (...args: unknown[]) => Promise<unknown>>)[method] = (...args) => {
      const pending = original(...args);
      pending.catch((err: Error) => {
        if (!closing) options.log.warn({ err: err.message, command: method }, 'redis command failed; a subscription event may be lost');
      });
      return pending;
    };
  };
  handled(publishClient, 'publish');
  handled(subscribeClient, 'subscribe');
  handled(subscribeClient, 'unsubscribe');
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub({ eventTarget }) as HubPubSub,
    kind: 'redis',
    close: async () => {
      closing = true;
      subscribeClient.disconnect();
      await publishClient.quit().catch(() => publishClient.disconnect());
    },
  };
}
