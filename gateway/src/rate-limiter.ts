/**
 * Token buckets per key: `burst` operations at once, refilled at `perMinute`. In memory, per
 * gateway process: N replicas allow N times the rate, which is fine for abuse protection.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes `cost` tokens; refuses (taking nothing) when there are not enough. */
  take(key: string, cost = 1): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const bucket = this.refilled(key);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000)) };
  }

  /** Takes what an already admitted request turned out to cost (an HTTP batch), going negative if need be. */
  charge(key: string, cost: number): void {
    this.refilled(key).tokens -= cost;
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  /** Many distinct callers (one per spoofed address...) must not grow memory without bound. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(key);
    }
    // Still full of active callers: forget the least recently created.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
