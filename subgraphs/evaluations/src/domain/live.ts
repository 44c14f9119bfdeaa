// Live results. After a ballot commits, the campaign is recomputed from the database and the
// changed targets' results (and the turnout) are published through the hub's pubsub — in-process,
// or Redis across replicas. Under load, recomputes coalesce: while one runs, further ballots only
// mark targets dirty, and one more run follows, so the last state is always published. Every
// event carries the campaign's revision; subscribers drop events older than one they have seen,
// which keeps the order right when two replicas publish concurrently. A subscription starts
// with the current state.
import type { HubPubSub, Logger } from '@shequ/kit';
import { filter, Repeater } from '@graphql-yoga/subscription';
import type { DB } from '../db.js';
import { snapshot, type LiveResult, type Progress } from './results.js';

export const resultTopic = (campaignId: string) => `evaluations.result:${campaignId}`;
export const progressTopic = (campaignId: string) => `evaluations.progress:${campaignId}`;

interface Shared {
  prisma: DB;
  pubsub: HubPubSub;
  log: Logger;
}

interface Run {
  dirty: Set<string>;
  running: boolean;
}

// Per pubsub, i.e. per subgraph instance (tests run several in one process).
const runs = new WeakMap<HubPubSub, Map<string, Run>>();

export function announceBallot(shared: Shared, campaignId: string, targetId: string): void {
  let byCampaign = runs.get(shared.pubsub);
  if (!byCampaign) runs.set(shared.pubsub, (byCampaign = new Map()));
  let run = byCampaign.get(campaignId);
  if (!run) byCampaign.set(campaignId, (run = { dirty: new Set(), running: false }));
  run.dirty.add(targetId);
  if (!run.running) void publishWhileDirty(shared, campaignId, run, byCampaign);
}

async function publishWhileDirty(shared: Shared, campaignId: string, run: Run, byCampaign: Map<string, Run>): Promise<void> {
  run.running = true;
  try {
    while (run.dirty.size > 0) {
      const targets = new Set(run.dirty);
      run.dirty.clear();
      const now = await snapshot(shared.prisma, campaignId);
      if (!now) continue;
      for (const result of now.results) if (targets.has(result.targetId)) shared.pubsub.publish(resultTopic(campaignId), result);
      shared.pubsub.publish(progressTopic(campaignId), now.progress);
    }
  } catch (err) {
    // The ballots are committed; only this notification is lost. The next ballot publishes again.
    shared.log.warn({ err: (err as Error).message, campaignId }, 'could not publish live results');
  } finally {
    run.running = false;
    if (run.dirty.size === 0) byCampaign.delete(campaignId);
    else void publishWhileDirty(shared, campaignId, run, byCampaign);
  }
}

/** Keeps only events at least as new as the newest one seen (per key) on this subscription. */
function newestOnly<T extends { revision: number }>(source: AsyncIterable<T>, key: (event: T) => string): AsyncIterable<T> {
  const seen = new Map<string, number>();
  return filter((event: T) => {
    if (event.revision < (seen.get(key(event)) ?? -1)) return false;
    seen.set(key(event), event.revision);
    return true;
  })(source);
}

/**
 * The current state first, then the events. Listening starts before the state is read, so no
 * event falls between the two; the revision filter drops what the state already contained.
 * A client knows its subscription is live when the first event arrives.
 */
function currentThenEvents<T>(events: AsyncIterable<T>, current: () => Promise<T[]>): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const it = events[Symbol.asyncIterator]();
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      void it.return?.();
    });
    const first = it.next();
    for (const event of await current()) await push(event);
    for (let next = await first; !next.done && !stopped; next = await it.next()) await push(next.value);
    stop();
  });
}

export function subscribeResults(shared: Shared, campaignId: string, targetId: string | null | undefined): AsyncIterable<LiveResult> {
  const mine = (r: LiveResult) => !targetId || r.targetId === targetId;
  const events = filter(mine)(shared.pubsub.subscribe(resultTopic(campaignId)) as AsyncIterable<LiveResult>);
  const current = async () => ((await snapshot(shared.prisma, campaignId))?.results ?? []).filter(mine);
  return newestOnly(currentThenEvents(events, current), (r) => r.targetId);
}

export function subscribeProgress(shared: Shared, campaignId: string): AsyncIterable<Progress> {
  const events = shared.pubsub.subscribe(progressTopic(campaignId)) as AsyncIterable<Progress>;
  const current = async () => {
    const now = await snapshot(shared.prisma, campaignId);
    return now ? [now.progress] : [];
  };
  return newestOnly(currentThenEvents(events, current), () => campaignId);
}
