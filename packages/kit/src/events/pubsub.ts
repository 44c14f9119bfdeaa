// Events for subscriptions: in-process by default; through Redis when REDIS_URL is set, so that
// with several replicas of a subgraph every subscriber sees every event.
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { Logger } from '../logger.js';

/** Topics map to one payload; subgraphs type their own topics on top of this. */
export type HubPubSub = PubSub<Record<string, [unknown]>>;

export interface PubSubHandle {
  pubsub: HubPubSub;
  kind: 'memory' | 'redis';
  close(): Promise<void>;
}

export async function createHubPubSub(options: { redisUrl?: string | undefined; log: Logger; prefix?: string }): Promise<PubSubHandle> {
  if (!options.redisUrl) return { pubsub: createPubSub(), kind: 'memory', close: async () => {} };
  // Only a hub that uses Redis pays for loading its client.
  const { createRedisPubSub } = await import('./redis-pubsub.js');
  return createRedisPubSub({ ...options, redisUrl: options.redisUrl });
}
