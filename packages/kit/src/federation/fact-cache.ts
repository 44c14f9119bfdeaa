// Facts another subgraph owns, remembered briefly by the subgraph that asked: a burst of writes
// that all need the same fact (200 ballots for one community at once) asks for it once. Each
// ServiceClient holds its own cache, so two subgraphs (or two replicas) in one process never see
// each other's answers, and a test clears exactly the subgraph whose facts it changed.

export interface FactCache {
  /**
   * The value for `key`, loaded at most once per `ttlMs`: callers arriving while it loads share
   * the request in flight; a load that fails is forgotten at once, so the next caller asks again.
   */
  fact<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Forgets every remembered fact (tests that change assignments). */
  forgetFacts(): void;
}

interface Entry {
  value: Promise<unknown>;
  until: number;
}

// Past this many keys, expired entries are swept on the next store: the cache holds what is
// still fresh, not every key ever asked.
const SWEEP_ABOVE = 1_000;

export function createFactCache(now: () => number = Date.now): FactCache {
  const entries = new Map<string, Entry>();
  const sweep = () => {
    const t = now();
    for (const [key, entry] of entries) if (entry.until <= t) entries.delete(key);
  };
  return {
    fact<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value as Promise<T>;
      if (entries.size >= SWEEP_ABOVE) sweep();
      // Called inside a promise chain so that a load throwing synchronously is a rejection too.
      const value = Promise.resolve().then(load);
      entries.set(key, { value, until: now() + ttlMs });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    forgetFacts: () => entries.clear(),
  };
}
