import type { CampaignStatus, ProgressMessage, ResultMessage, StatusMessage } from '../api/types.ts';

/**
 * What the three live feeds have said about one campaign. Each feed restarts with the full
 * current state after a reconnect, so messages simply overwrite: the newest wins per target.
 */
export interface BoardState {
  progress: ProgressMessage | null;
  results: Record<string, ResultMessage>;
  status: CampaignStatus | null;
  /** Highest revision applied from any feed: the board is consistent once all of it arrived. */
  revision: number;
  updatedAt: number | null;
}

export type BoardEvent =
  | { type: 'progress'; message: ProgressMessage }
  | { type: 'result'; message: ResultMessage }
  | { type: 'status'; message: StatusMessage }
  | { type: 'reset' };

export const emptyBoard: BoardState = { progress: null, results: {}, status: null, revision: 0, updatedAt: null };

/** Applies a burst of feed messages at once, so one update's messages render together. */
export function applyEvents(state: BoardState, events: readonly BoardEvent[], now: number): BoardState {
  if (events.length === 0) return state;
  let { progress, results, status, revision } = state;
  let copied = false;
  for (const e of events) {
    switch (e.type) {
      case 'reset':
        progress = null;
        results = {};
        copied = true;
        status = null;
        revision = 0;
        break;
      case 'progress':
        progress = e.message;
        status = e.message.campaignStatus;
        revision = Math.max(revision, e.message.revision);
        break;
      case 'result':
        if (!copied) {
          results = { ...results };
          copied = true;
        }
        results[e.message.targetId] = e.message;
        revision = Math.max(revision, e.message.revision);
        break;
      case 'status':
        status = e.message.status;
        revision = Math.max(revision, e.message.revision);
        break;
    }
  }
  return { progress, results, status, revision, updatedAt: now };
}

export interface RankedRow<T> {
  target: T;
  result: ResultMessage | undefined;
}

/**
 * Ranked targets first (by rank, then score), then those without a score, by name: a target
 * below minBallots has no rank and must not look like the worst.
 */
export function rankRows<T>(targets: readonly T[], idOf: (t: T) => string, nameOf: (t: T) => string, results: Record<string, ResultMessage>): RankedRow<T>[] {
  const rows = targets.map((target) => ({ target, result: results[idOf(target)] }));
  return rows.sort((a, b) => {
    const ra = a.result?.score != null ? (a.result.rank ?? Number.MAX_SAFE_INTEGER) : Infinity;
    const rb = b.result?.score != null ? (b.result.rank ?? Number.MAX_SAFE_INTEGER) : Infinity;
    if (ra !== rb) return ra - rb;
    const sa = a.result?.score ?? -Infinity;
    const sb = b.result?.score ?? -Infinity;
    if (sa !== sb) return sb - sa;
    return nameOf(a.target).localeCompare(nameOf(b.target));
  });
}
