// Messages between bench/live.ts and its subscriber processes (over Node's IPC channel).
export type ToSubscribers = { type: 'open' } | { type: 'accepted'; revision: number; at: number } | { type: 'report' } | { type: 'close' };

export type FromSubscribers =
  | { type: 'ready' }
  | { type: 'opened'; screens: number; connectionErrors: number }
  | { type: 'report'; progress: number[]; results: number[]; messages: number; errors: number; cpuSeconds: number };
