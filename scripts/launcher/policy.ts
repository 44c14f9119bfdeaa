// When the launcher restarts a service that went down, and when it gives up. Pure functions of
// times and counts, so the policy is tested without processes or clocks.

export interface RestartPolicy {
  /** Wait before the first restart; each quick crash after that doubles it. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** A service that served this long before it went down is healthy again: back to the initial wait. */
  resetAfterMs: number;
  /** More than this many unexpected exits within `crashLoopWindowMs` stop the hub. */
  crashLoopExits: number;
  crashLoopWindowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  initialBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  resetAfterMs: 60_000,
  crashLoopExits: 5,
  crashLoopWindowMs: 120_000,
};

/** The default policy with what npm start's and start:cluster's variables set (either may be unset). */
export function restartPolicyFrom(config: { initialBackoffMs?: number; crashLoop?: { exits: number; windowMs: number } }): RestartPolicy {
  return {
    ...defaultRestartPolicy,
    initialBackoffMs: config.initialBackoffMs ?? defaultRestartPolicy.initialBackoffMs,
    crashLoopExits: config.crashLoop?.exits ?? defaultRestartPolicy.crashLoopExits,
    crashLoopWindowMs: config.crashLoop?.windowMs ?? defaultRestartPolicy.crashLoopWindowMs,
  };
}

/** What the launcher remembers of one service's unexpected exits. */
export interface RestartState {
  /** The last wait before a restart; undefined before the first. */
  backoffMs: number | undefined;
  /** When the exits still inside the crash-loop window happened (ms since the epoch). */
  exitTimes: readonly number[];
}

export const freshRestartState: RestartState = { backoffMs: undefined, exitTimes: [] };

export type RestartDecision = { action: 'restart'; delayMs: number } | { action: 'give-up'; exitsInWindow: number };

/** The wait before the next restart, given the last one and how long the service served before it went down. */
export function nextBackoffMs(previousMs: number | undefined, servedMs: number, policy: RestartPolicy): number {
  if (previousMs === undefined || servedMs >= policy.resetAfterMs) return policy.initialBackoffMs;
  // An initial wait above the cap is the operator's choice: it is not cut down to the cap.
  return Math.max(policy.initialBackoffMs, Math.min(previousMs * 2, policy.maxBackoffMs));
}

/** The exit times within the window that ends at `now` (an exit exactly one window ago has left it). */
export function exitsWithin(exitTimes: readonly number[], now: number, windowMs: number): number[] {
  return exitTimes.filter((t) => t > now - windowMs && t <= now);
}

/**
 * One unexpected exit at `at`, after the service served for `servedMs` (0 when it went down
 * before serving again): restart after a wait, or give up because it is crashing in a loop.
 */
export function afterUnexpectedExit(
  state: RestartState,
  exit: { at: number; servedMs: number },
  policy: RestartPolicy,
): { state: RestartState; decision: RestartDecision } {
  const exitTimes = exitsWithin([...state.exitTimes, exit.at], exit.at, policy.crashLoopWindowMs);
  if (exitTimes.length > policy.crashLoopExits) {
    return { state: { ...state, exitTimes }, decision: { action: 'give-up', exitsInWindow: exitTimes.length } };
  }
  const delayMs = nextBackoffMs(state.backoffMs, exit.servedMs, policy);
  return { state: { backoffMs: delayMs, exitTimes }, decision: { action: 'restart', delayMs } };
}
