// Live feeds of a campaign: turnout, results and status, through the hub's pubsub (in-process, or
// Redis across replicas).
//
// Publishing. After a ballot commits, a round reads the campaign as it now stands and publishes the
// turnout and the result of every target that changed: the ones the ballot's release changed
// (release.ts: the released target and every target whose rank moved), plus any whose result
// differs from what this replica published last. Rounds of one campaign run one at a time and at
// most every `roundIntervalMs`: under load, ballots coalesce into the next round, whose state is
// the newest, so the last state is always published. All results of a round carry the same
// campaign revision; once a client has applied every message of a revision, its board is
// consistent (scores, ranks and counts of one moment).
//
// Subscribing. A feed starts with the current state, listening before it reads it, and drops
// anything older than what it has sent (events carry the campaign revision, which orders them
// across replicas). When the campaign is closed, the feed sends the final state (with its status,
// so a screen can say why) and completes; a feed of a campaign already closed does that at once.
import { loadOrExit } from '@shequ/kit/config/define';
import { liveSettings } from '@shequ/kit/config/subgraph';
import type { HubPubSub, Logger } from '@shequ/kit';
import { filter, map, Repeater } from '@graphql-yoga/subscription';
import type { DB } from '../db.js';
import type { Campaign, CampaignStatus } from '../generated/prisma/client.js';
import { isSettled, snapshot, type LiveResult, type Progress, type Snapshot } from './results.js';

/** Per campaign, the Σ of its tallies' versions: what its revision adds to its row's (results.ts revisionOf). */
async function tallyVersions(prisma: DB, campaignIds: readonly string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await prisma.liveTally.groupBy({ by: ['campaignId'], where: { campaignId: { in: [...campaignIds] } }, _sum: { version: true } });
  return new Map(rows.map((r) => [r.campaignId, r._sum.version ?? 0]));
}
import { shownState } from './scoring.js';

export const resultTopic = (campaignId: string) => `evaluations.result:${campaignId}`;
export const progressTopic = (campaignId: string) => `evaluations.progress:${campaignId}`;
export const statusTopic = (campaignId: string) => `evaluations.status:${campaignId}`;
export const anyStatusTopic = 'evaluations.status';

export interface StatusEvent {
  campaignId: string;
  status: CampaignStatus;
  revision: number;
  changedAt: Date;
}

interface Shared {
  prisma: DB;
  pubsub: HubPubSub;
  log: Logger;
}

/**
 * At most two updates a second per campaign: a scoreboard shows no more, and with thousands of
 * screens every update is a message to each of them. A ballot reaches screens at most this much
 * later than it would otherwise. `SHEQU_LIVE_ROUND_MS` sets it.
 */
// Read at import, before runSubgraph parses the rest: a bad value still ends the process with one line.
export const roundIntervalMs = loadOrExit('evaluations', () => liveSettings().roundMs);

interface Run {
  dirty: Set<string>;
  due: boolean;
  running: boolean;
  lastRoundAt: number;
}

interface Publisher {
  runs: Map<string, Run>;
  /** Per campaign, per target: what this replica last published (the fields a board shows). */
  published: Map<string, Map<string, string>>;
}

// Per pubsub, i.e. per subgraph instance (tests run several in one process).
const publishers = new WeakMap<HubPubSub, Publisher>();

function publisherOf(pubsub: HubPubSub): Publisher {
  let p = publishers.get(pubsub);
  if (!p) publishers.set(pubsub, (p = { runs: new Map(), published: new Map() }));
  return p;
}

/** A ballot committed; `changed` are the targets its release changed (none when it was not released). */
export function announceBallot(shared: Shared, campaignId: string, changed: readonly string[]): void {
  const publisher = publisherOf(shared.pubsub);
  let run = publisher.runs.get(campaignId);
  if (!run) publisher.runs.set(campaignId, (run = { dirty: new Set(), due: false, running: false, lastRoundAt: 0 }));
  for (const id of changed) run.dirty.add(id);
  run.due = true;
  if (!run.running) void publishWhileDue(shared, publisher, campaignId, run);
}

async function publishWhileDue(shared: Shared, publisher: Publisher, campaignId: string, run: Run): Promise<void> {
  run.running = true;
  try {
    while (run.due) {
      const wait = run.lastRoundAt + roundIntervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      run.due = false;
      const dirty = new Set(run.dirty);
      run.dirty.clear();
      run.lastRoundAt = Date.now();
      const now = await snapshot(shared.prisma, campaignId);
      if (now) publishRound(shared, publisher, now, dirty);
    }
  } catch (err) {
    // The ballots are committed; only this notification is lost. The next ballot publishes again.
    shared.log.warn({ err: (err as Error).message, campaignId }, 'could not publish live results');
  } finally {
    run.running = false;
    // The run stays (with when its last round was) until the campaign is settled.
    if (run.due) void publishWhileDue(shared, publisher, campaignId, run);
  }
}

function publishRound(shared: Shared, publisher: Publisher, now: Snapshot, dirty: Set<string>): void {
  const campaignId = now.campaign.id;
  // The first round of this replica for the campaign has nothing to compare with: it knows only
  // what the ballots told it changed.
  const last = publisher.published.get(campaignId);
  const next = new Map(now.results.map((r) => [r.targetId, shownState(r)]));
  publisher.published.set(campaignId, next);
  for (const result of now.results) {
    const changed = last ? last.get(result.targetId) !== next.get(result.targetId) : false;
    if (changed || dirty.has(result.targetId)) shared.pubsub.publish(resultTopic(campaignId), result);
  }
  shared.pubsub.publish(progressTopic(campaignId), now.progress);
}

/** The campaign's status changed (it was created, opened, closed or published): tell its feeds. */
export async function announceStatus(shared: Shared, campaignId: string): Promise<void> {
  const c = await shared.prisma.campaign.findUnique({ where: { id: campaignId } });
  if (!c) return;
  const event = statusEventOf(c, isSettled(c) ? 0 : ((await tallyVersions(shared.prisma, [campaignId])).get(campaignId) ?? 0));
  shared.pubsub.publish(statusTopic(campaignId), event);
  shared.pubsub.publish(anyStatusTopic, event);
  // A settled campaign publishes no more results; forget what was published for it.
  if (isSettled(c)) {
    const publisher = publisherOf(shared.pubsub);
    publisher.published.delete(campaignId);
    publisher.runs.delete(campaignId);
  }
}

function statusEventOf(c: Campaign, versions: number): StatusEvent {
  const changedAt = { DRAFT: c.createdAt, OPEN: c.openedAt, CLOSED: c.closedAt, PUBLISHED: c.publishedAt }[c.status] ?? c.createdAt;
  return { campaignId: c.id, status: c.status, revision: c.revision + versions, changedAt };
}

type Signal<T> = { data: T } | { status: StatusEvent };

/**
 * The current state, then events, until the campaign is settled. `pick` takes the feed's part of
 * a snapshot; `slot` says which earlier message a message supersedes.
 */
function campaignFeed<T extends { revision: number }>(
  shared: Shared,
  campaignId: string,
  events: AsyncIterable<T>,
  pick: (now: Snapshot) => T[],
  slot: (message: T) => string,
): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const signals = Repeater.merge([
      map((data: T): Signal<T> => ({ data }))(events),
      map((status: StatusEvent): Signal<T> => ({ status }))(shared.pubsub.subscribe(statusTopic(campaignId)) as AsyncIterable<StatusEvent>),
    ]);
    const it = signals[Symbol.asyncIterator]();
    void stop.then(() => it.return?.());
    const seen = new Map<string, number>();
    const send = async (message: T) => {
      const key = slot(message);
      if (message.revision < (seen.get(key) ?? -1)) return;
      seen.set(key, message.revision);
      await push(message);
    };
    /** Sends the current state; true when the campaign is settled (or gone), i.e. the feed is over. */
    const sendState = async () => {
      const now = await snapshot(shared.prisma, campaignId);
      if (!now) return true;
      for (const message of pick(now)) await send(message);
      return isSettled(now.campaign);
    };
    // Listening starts before the state is read, so nothing falls between the two.
    const first = it.next();
    if (!(await sendState())) {
      for (let next = await first; !next.done; next = await it.next()) {
        const signal = next.value;
        if ('data' in signal) await send(signal.data);
        else if (await sendState()) break;
      }
    }
    stop();
  });
}

export function subscribeResults(shared: Shared, campaignId: string, targetId: string | null | undefined): AsyncIterable<LiveResult> {
  const mine = (r: LiveResult) => !targetId || r.targetId === targetId;
  const events = filter(mine)(shared.pubsub.subscribe(resultTopic(campaignId)) as AsyncIterable<LiveResult>);
  return campaignFeed(
    shared,
    campaignId,
    events,
    (now) => now.results.filter(mine),
    (r) => r.targetId,
  );
}

export function subscribeProgress(shared: Shared, campaignId: string): AsyncIterable<Progress> {
  const events = shared.pubsub.subscribe(progressTopic(campaignId)) as AsyncIterable<Progress>;
  return campaignFeed(
    shared,
    campaignId,
    events,
    (now) => [now.progress],
    () => campaignId,
  );
}

/**
 * Status changes: of one campaign (its current status first, completing once published), or of
 * every campaign (each visible one's current status first). `visible` says what the caller may see.
 */
export function subscribeStatus(
  shared: Shared,
  campaignId: string | null | undefined,
  visible: (status: CampaignStatus) => boolean,
): AsyncIterable<StatusEvent> {
  return new Repeater<StatusEvent>(async (push, stop) => {
    const events = shared.pubsub.subscribe(campaignId ? statusTopic(campaignId) : anyStatusTopic) as AsyncIterable<StatusEvent>;
    const it = events[Symbol.asyncIterator]();
    void stop.then(() => it.return?.());
    const first = it.next();
    const seen = new Map<string, number>();
    const send = async (e: StatusEvent) => {
      // A status and the revision only move forward; a repeat of the same state is dropped too.
      const order = statusOrder[e.status] * 1e12 + e.revision;
      if (!visible(e.status) || order <= (seen.get(e.campaignId) ?? -1)) return false;
      seen.set(e.campaignId, order);
      await push(e);
      return Boolean(campaignId) && e.status === 'PUBLISHED';
    };
    const rows = await shared.prisma.campaign.findMany({ where: campaignId ? { id: campaignId } : {}, orderBy: [{ periodStart: 'desc' }, { id: 'asc' }] });
    let done = false;
    const versions = await tallyVersions(
      shared.prisma,
      rows.filter((c) => !isSettled(c)).map((c) => c.id),
    );
    for (const c of rows) done = (await send(statusEventOf(c, versions.get(c.id) ?? 0))) || done;
    if (!done) for (let next = await first; !next.done; next = await it.next()) if (await send(next.value)) break;
    stop();
  });
}

const statusOrder: Record<CampaignStatus, number> = { DRAFT: 0, OPEN: 1, CLOSED: 2, PUBLISHED: 3 };
