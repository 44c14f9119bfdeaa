import { describe, expect, it } from 'vitest';
import {
  afterUnexpectedExit,
  defaultRestartPolicy,
  exitsWithin,
  freshRestartState,
  nextBackoffMs,
  type RestartDecision,
  type RestartState,
} from '../../launcher/policy.js';

const policy = defaultRestartPolicy;

/** Exits at these times (ms), each after serving `servedMs`; the decisions in order. */
function run(times: number[], servedMs = 0, p = policy): RestartDecision[] {
  let state: RestartState = freshRestartState;
  return times.map((at) => {
    const next = afterUnexpectedExit(state, { at, servedMs }, p);
    state = next.state;
    return next.decision;
  });
}

describe('restart backoff', () => {
  it('starts at 1 s and doubles up to 30 s', () => {
    const delays: number[] = [];
    let previous: number | undefined;
    for (let i = 0; i < 8; i++) delays.push((previous = nextBackoffMs(previous, 1_000, policy)));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('goes back to 1 s after the service served 60 s, not before', () => {
    expect(nextBackoffMs(16_000, 59_999, policy)).toBe(30_000);
    expect(nextBackoffMs(16_000, 60_000, policy)).toBe(1_000);
  });

  it('keeps an initial wait above the cap', () => {
    const slow = { ...policy, initialBackoffMs: 45_000 };
    expect(nextBackoffMs(undefined, 0, slow)).toBe(45_000);
    expect(nextBackoffMs(45_000, 0, slow)).toBe(45_000);
  });

  it('follows the served time through a series of exits', () => {
    // Four quick crashes a minute apart (inside no crash-loop window of 2 exits/1 s), then one
    // after a long healthy run.
    const p = { ...policy, crashLoopExits: 2, crashLoopWindowMs: 1_000 };
    let state: RestartState = freshRestartState;
    const delays = [0, 5_000, 120_000, 1_000].map((servedMs, i) => {
      const next = afterUnexpectedExit(state, { at: i * 60_000, servedMs }, p);
      state = next.state;
      return next.decision.action === 'restart' ? next.decision.delayMs : undefined;
    });
    expect(delays).toEqual([1_000, 2_000, 1_000, 2_000]);
  });
});

describe('crash loop', () => {
  it('gives up on the 6th exit within 2 minutes', () => {
    const decisions = run([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(decisions.slice(0, 5).every((d) => d.action === 'restart')).toBe(true);
    expect(decisions[5]).toEqual({ action: 'give-up', exitsInWindow: 6 });
  });

  it('forgets exits older than the window', () => {
    // Six exits, but the first has left the 2-minute window when the sixth comes.
    const decisions = run([0, 30_000, 60_000, 90_000, 110_000, 120_000]);
    expect(decisions.map((d) => d.action)).toEqual(['restart', 'restart', 'restart', 'restart', 'restart', 'restart']);
    // A seventh soon after: six inside the window.
    expect(run([0, 30_000, 60_000, 90_000, 110_000, 120_000, 121_000]).at(-1)).toEqual({ action: 'give-up', exitsInWindow: 6 });
  });

  it('counts exits inside the window ending now', () => {
    expect(exitsWithin([0, 50, 100, 150], 150, 100)).toEqual([100, 150]);
    expect(exitsWithin([0, 50, 100, 150], 150, 151)).toEqual([0, 50, 100, 150]);
  });

  it('with 0 allowed exits, stops at the first', () => {
    expect(run([0], 0, { ...policy, crashLoopExits: 0 })).toEqual([{ action: 'give-up', exitsInWindow: 1 }]);
  });
});
